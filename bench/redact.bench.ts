// Redaction throughput on the classifier bench's inputs plus redaction-specific attacks, side by side with
// secretlint's recommended preset scanning the same texts (issue 3), and a small recall comparison on
// secrets in the encodings real pastes use. Figures only; nothing is asserted.
import { redact } from "../lib/redact";
import { benchCases, fill } from "./inputs";

type Lint = (text: string) => Promise<number>;

async function secretlint(): Promise<Lint> {
  const { lintSource } = await import("@secretlint/core");
  const { creator } = await import("@secretlint/secretlint-rule-preset-recommend");
  const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: creator }] };
  return async (content) => {
    const result = await lintSource({
      source: { content, filePath: "paste.txt", contentType: "text" },
      options: { config, noPhysicFilePath: true },
    });
    // secretlint's profiler leaves a performance mark per rule call; a long bench would hoard them.
    performance.clearMarks();
    performance.clearMeasures();
    return result.messages.length;
  };
}

const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function time(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

// Shapes that make naive secret patterns slow (redaction.md §5), 1 MiB each.
const REDACTION_ATTACKS: Array<[string, string]> = [
  ["one long base64 run", fill("Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz")],
  ["repeated key prefixes", fill("sk-ant-api03-")],
  ["PEM headers without END", fill("-----BEGIN PRIVATE KEY-----\n")],
  ["Bearer repeated", fill("Bearer aaaaaaaa! ")],
  ["assignments", fill("api_key=x ")],
  ["percent escapes", fill("%25")],
  ["URL authority without @", fill("http://aaaaaaaa")],
  ["JWT-like", fill("eyJaaaaaaaaaa.")],
  ["HAR-like", fill('"name":"x-api-key","value":"')],
];

// Recall: one secret in each encoding a paste brings; "found" means the tool flags it (secretlint) or no
// 16-character piece of it survives (redact).
const ANTHROPIC_KEY = `sk-ant-api03-${"Zq7_xR2m9K".repeat(9)}abcAA`;
const GITHUB_TOKEN = `ghp_${"a1B2c3D4e5F6".repeat(3)}`;
const AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq7XxQ2LmB";
const ENCODINGS: Array<[string, (name: string, secret: string) => string]> = [
  ["env assignment", (n, s) => `${n}=${s}`],
  ["JSON-escaped in a log", (n, s) => `{"msg":"config {\\"${n}\\": \\"${s}\\"}"}`],
  ["URL-encoded query", (n, s) => `GET /v1/x?${n.toLowerCase()}=${encodeURIComponent(s)}&a=1`],
  ["wrapped by a terminal at 60", (n, s) => `${n}=${s}`.replace(/(.{60})/g, "$1\n")],
  ["glued to ANSI colour", (n, s) => `\u001b[33m${n}=${s}\u001b[0m`],
  ["split string concatenation", (n, s) => `${n} = "${s.slice(0, 20)}" + "${s.slice(20)}"`],
  ["base64 config", (n, s) => `config: ${Buffer.from(`${n}=${s}\n`).toString("base64")}`],
];
const SECRETS: Array<[string, string]> = [
  ["ANTHROPIC_API_KEY", ANTHROPIC_KEY],
  ["GITHUB_TOKEN", GITHUB_TOKEN],
  ["AWS_SECRET_ACCESS_KEY", AWS_SECRET],
];

function survives(output: string, secret: string): boolean {
  for (let i = 0; i + 16 <= secret.length; i += 8) if (output.includes(secret.slice(i, i + 16))) return true;
  return false;
}

async function main(): Promise<void> {
  const lint = await secretlint();
  const inputs: Array<[string, string[]]> = [
    ...benchCases().map((c): [string, string[]] => [c.name, c.texts]),
    ...REDACTION_ATTACKS.map(([name, text]): [string, string[]] => [name, [text]]),
  ];

  console.log(`redact vs secretlint (recommended preset): median of ${RUNS} runs, same texts`);
  console.log(
    [
      "input".padEnd(38),
      "bytes".padStart(8),
      "redact ms",
      "MB/s",
      "secretlint ms",
      "MB/s",
      "redact / secretlint",
    ].join("  "),
  );
  for (const [name, texts] of inputs) {
    const bytes = texts.reduce((n, t) => n + t.length, 0);
    const ours = await time(() => texts.forEach((t) => redact(t)));
    const theirs = await time(async () => {
      for (const t of texts) await lint(t);
    });
    const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
    console.log(
      [
        name.padEnd(38),
        String(bytes).padStart(8),
        ours.toFixed(1).padStart(9),
        mbps(ours).padStart(4),
        theirs.toFixed(1).padStart(13),
        mbps(theirs).padStart(4),
        `${(ours / Math.max(theirs, 0.01)).toFixed(1)}×`.padStart(19),
      ].join("  "),
    );
  }

  console.log("\nrecall: secrets removed (redact) or flagged (secretlint), by encoding");
  let oursFound = 0;
  let theirsFound = 0;
  for (const [encoding, wrap] of ENCODINGS) {
    let ours = 0;
    let theirs = 0;
    for (const [name, secret] of SECRETS) {
      const text = `2026-11-22T10:00:00Z INFO starting worker\n${wrap(name, secret)}\nAPI Error: 401 invalid x-api-key\n`;
      if (!survives(redact(text).text, secret)) ours += 1;
      if ((await lint(text)) > 0) theirs += 1;
    }
    oursFound += ours;
    theirsFound += theirs;
    console.log(
      `  ${encoding.padEnd(30)} redact ${ours}/${SECRETS.length}   secretlint ${theirs}/${SECRETS.length}`,
    );
  }
  const total = ENCODINGS.length * SECRETS.length;
  console.log(`  ${"all".padEnd(30)} redact ${oursFound}/${total}   secretlint ${theirsFound}/${total}`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
