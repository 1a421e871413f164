import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONTEXTS, OCCURRED_AT, TIER_CAP_MESSAGE, allCases, seededRandom } from "./plan-cases";
import { planRetry } from "./plan";
import { retrySnippets } from "./snippets";
import { makeDiagnosis } from "./test-diagnosis";

const NOW = new Date("2026-11-21T12:00:00Z");

// @anthropic-ai/sdk is not a dependency of this app, so the snippets compile against this declaration of the part
// they use. It follows the SDK's own types (src/core/error.ts, src/client.ts at sdk-v0.120.0): `status` and
// `headers` may be undefined, headers are a web `Headers`, the error classes are named exports.
const SDK_STUB = `declare module "@anthropic-ai/sdk" {
  export class AnthropicError extends Error {}
  export class APIError extends AnthropicError {
    readonly status: number | undefined;
    readonly headers: Headers | undefined;
    readonly error: object | undefined;
    readonly requestID: string | null | undefined;
  }
  export class APIConnectionError extends APIError {}
  export class APIConnectionTimeoutError extends APIConnectionError {}
  export class RateLimitError extends APIError {}
  interface ClientOptions {
    apiKey?: string | null;
    baseURL?: string | null;
    timeout?: number;
    maxRetries?: number;
  }
  namespace Anthropic {
    interface MessageParam {
      role: "user" | "assistant";
      content: string;
    }
    interface MessageCreateParamsNonStreaming {
      model: string;
      max_tokens: number;
      messages: MessageParam[];
      stream?: false;
    }
    interface Message {
      id: string;
      type: "message";
      role: "assistant";
      content: Array<{ type: "text"; text: string }>;
      model: string;
      stop_reason: string | null;
    }
  }
  class Anthropic {
    constructor(options?: ClientOptions);
    messages: { create(body: Anthropic.MessageCreateParamsNonStreaming): Promise<Anthropic.Message> };
  }
  export default Anthropic;
}
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM"],
    types: [],
    skipLibCheck: true,
  },
  include: ["*.ts"],
});

const TSC = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
const dirs: string[] = [];

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "retry-snippets-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function typeCheck(files: Record<string, string>): { status: number | null; output: string } {
  const dir = scratch({ "anthropic-sdk.d.ts": SDK_STUB, "tsconfig.json": TSCONFIG, ...files });
  const run = spawnSync(process.execPath, [TSC, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const python3 = spawnSync("python3", ["--version"], { encoding: "utf8" });
const hasPython = python3.status === 0;

function pyCompile(files: Record<string, string>): { status: number | null; output: string } {
  const dir = scratch(files);
  const paths = Object.keys(files).map((name) => join(dir, name));
  const run = spawnSync("python3", ["-m", "py_compile", ...paths], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every distinct snippet over the whole plan space, keyed by a file name. */
function allSnippets(): { typescript: Record<string, string>; python: Record<string, string> } {
  const typescript = new Map<string, string>();
  const python = new Map<string, string>();
  for (const { diagnosis } of allCases()) {
    for (const context of CONTEXTS) {
      const snippets = retrySnippets(
        planRetry(diagnosis, context, { random: seededRandom(3), now: NOW }),
        context,
      );
      typescript.set(snippets.typescript, `snippet_${typescript.size}.ts`);
      python.set(snippets.python, `snippet_${python.size}.py`);
    }
  }
  const invert = (m: Map<string, string>) => Object.fromEntries([...m].map(([text, name]) => [name, text]));
  return { typescript: invert(typescript), python: invert(python) };
}

describe("retrySnippets: content", () => {
  const overloaded = makeDiagnosis({
    branch: "overloaded",
    evidence: { status: 529, occurredAt: OCCURRED_AT },
  });
  const tierCap = makeDiagnosis({
    branch: "billing",
    variant: "tier_cap",
    evidence: { status: 429, message: TIER_CAP_MESSAGE, occurredAt: OCCURRED_AT },
  });
  const context = { mode: "interactive", sideEffects: false } as const;

  it("a retryable plan sets up the client with its own retries off and loops over the plan's windows", () => {
    const plan = planRetry(overloaded, context, { random: seededRandom(1), now: NOW });
    const { python, typescript } = retrySnippets(plan, context);
    expect(python).toContain("anthropic.Anthropic(max_retries=0, timeout=120.0)");
    expect(python).toContain("WAITS_S = [(0.0, 2.0), (0.0, 4.0), (0.0, 8.0)]");
    expect(python).toContain("random.uniform(low, high)");
    expect(python).toContain("retry_after_s(err) - low");
    expect(typescript).toContain("new Anthropic({ maxRetries: 0, timeout: 120000 })");
    expect(typescript).toContain("[[0, 2000], [0, 4000], [0, 8000]]");
    expect(typescript).toContain("retryAfterMs(err) - window[0]");
    for (const code of [python, typescript]) {
      expect(code).toContain("Stop rule:");
      expect(code).toContain("x-should-retry");
      expect(code).toContain("Circuit breaker: after 5 failures within 1 min on this route");
    }
  });

  it("a background plan keeps the SDK's 10-minute timeout", () => {
    const background = { mode: "background", sideEffects: false } as const;
    const plan = planRetry(overloaded, background, { random: seededRandom(1), now: NOW });
    expect(retrySnippets(plan, background).python).toContain("timeout=600.0");
  });

  it("a plan that does not retry fails fast and guards the resume time", () => {
    const plan = planRetry(tierCap, context, { random: seededRandom(1), now: NOW });
    const { python, typescript } = retrySnippets(plan, context);
    expect(python).toContain("# Do not retry:");
    expect(python).toContain("max_retries=0");
    expect(python).toContain('RESUME_AT = datetime.fromisoformat("2026-12-01T00:00:00.000+00:00")');
    expect(python).not.toContain("time.sleep");
    expect(typescript).toContain("maxRetries: 0");
    expect(typescript).toContain('Date.parse("2026-12-01T00:00:00.000Z")');
    expect(typescript).not.toContain("sleep(");
  });

  it("keeps plan text inside comments even when it holds line breaks", () => {
    const plan = planRetry(overloaded, context, { random: seededRandom(1), now: NOW });
    const hostile = { ...plan, reason: "line one\nprint('escaped')\r\n*/ throw 1;" };
    const { python, typescript } = retrySnippets(hostile, context);
    expect(python.split("\n").filter((l) => l.includes("print('escaped')"))).toEqual([
      "# Retry plan: line one print('escaped') */ throw 1;",
    ]);
    expect(typescript.split("\n").filter((l) => l.includes("throw 1;"))).toEqual([
      "// Retry plan: line one print('escaped') */ throw 1;",
    ]);
  });
});

describe("retrySnippets: the code compiles", () => {
  const { typescript, python } = allSnippets();

  it("produces both retrying and fail-fast variants across the plan space", () => {
    const ts = Object.values(typescript);
    expect(ts.some((t) => t.includes("withRetry"))).toBe(true);
    expect(ts.some((t) => t.includes("callOnce"))).toBe(true);
  });

  it(
    "every TypeScript snippet type-checks with tsc --strict against the SDK's types",
    { timeout: 120_000 },
    () => {
      const result = typeCheck(typescript);
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    },
  );

  it("the type check catches a snippet that misuses the SDK", { timeout: 60_000 }, () => {
    const broken = 'import Anthropic from "@anthropic-ai/sdk";\nnew Anthropic({ maxRetries: "2" });\n';
    const result = typeCheck({ "broken.ts": broken });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("broken.ts");
  });

  it.skipIf(!hasPython)(
    "every Python snippet compiles with python3 -m py_compile (skipped only without python3)",
    { timeout: 60_000 },
    () => {
      const result = pyCompile(python);
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    },
  );

  it.skipIf(!hasPython)(
    "py_compile catches a broken snippet (skipped only without python3)",
    { timeout: 60_000 },
    () => {
      expect(pyCompile({ "broken.py": "def f(:\n    pass\n" }).status).not.toBe(0);
    },
  );
});
