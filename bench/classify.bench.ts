// Classifier throughput on real, realistic and adversarial inputs. Run with `npm run bench`.
// Prints figures only: timings vary by machine, so nothing here asserts on time.
import { classify } from "../lib/classify";
import { benchCases, type Case } from "./inputs";
const MAX_RUNS = 7;
const MIN_RUNS = 3;
// Per-input time budget: past MIN_RUNS, runs stop once it is spent, and an input whose warm-up alone
// takes longer than SLOW_RUN_MS is timed once. Keeps the whole run under about a minute.
const BUDGET_MS = 3000;
const SLOW_RUN_MS = 10_000;

type Result = { name: string; group: Case["group"]; bytes: number; medianMs: number; runs: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function measure(benchCase: Case): Result {
  const bytes = benchCase.texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const once = () => {
    const start = performance.now();
    for (const text of benchCase.texts) classify(text);
    return performance.now() - start;
  };
  const warmup = once();
  const times: number[] = [];
  let spent = warmup;
  while (times.length < MAX_RUNS && (times.length < MIN_RUNS || spent < BUDGET_MS)) {
    const ms = once();
    times.push(ms);
    spent += ms;
    if (warmup > SLOW_RUN_MS) break;
  }
  return { name: benchCase.name, group: benchCase.group, bytes, medianMs: median(times), runs: times.length };
}

// The peer: one V8 alternation of 50 literal anchor words scanning the same text once, the practical limit
// for looking at every byte once for many words.
const PEER_WORDS = [
  "overloaded",
  "rate_limit",
  "timeout",
  "ECONNRESET",
  "credit balance",
  "prompt is too long",
  "not_found_error",
  "authentication_error",
  "permission_error",
  "invalid_request_error",
  "api_error",
  "request_too_large",
  "billing_error",
  "Throttling",
  "ValidationException",
  "AccessDenied",
  "RESOURCE_EXHAUSTED",
  "ENOTFOUND",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "socket hang up",
  "fetch failed",
  "Connection error",
  "timed out",
  "usage limit",
  "429",
  "529",
  "500",
  "503",
  "504",
  "401",
  "403",
  "404",
  "413",
  "400",
  "Error code",
  "API Error",
  "req_",
  "anthropic",
  "claude",
  "bedrock",
  "vertex",
  "litellm",
  "openrouter",
  "Exception",
  "Error:",
  "status",
  "statusCode",
  "HTTP/",
  "too large",
];
const PEER = new RegExp(PEER_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "gi");

/**
 * The realistic log and the peer, timed alternately (run for run), so both medians see the same machine load.
 */
function measureAgainstPeer(text: string): { classify: Result; peer: Result } {
  const classifyOnce = () => {
    const start = performance.now();
    classify(text);
    return performance.now() - start;
  };
  const peerOnce = measurePeerOnce(text);
  classifyOnce();
  peerOnce();
  const classifyTimes: number[] = [];
  const peerTimes: number[] = [];
  for (let run = 0; run < MAX_RUNS * 2; run++) {
    classifyTimes.push(classifyOnce());
    peerTimes.push(peerOnce());
  }
  const bytes = Buffer.byteLength(text);
  return {
    classify: {
      name: "classify, alternating with the peer",
      group: "realistic",
      bytes,
      medianMs: median(classifyTimes),
      runs: classifyTimes.length,
    },
    peer: {
      name: "peer: 50-literal alternation, same log",
      group: "realistic",
      bytes,
      medianMs: median(peerTimes),
      runs: peerTimes.length,
    },
  };
}

function measurePeerOnce(text: string): () => number {
  return () => {
    const start = performance.now();
    let count = 0;
    PEER.lastIndex = 0;
    while (PEER.exec(text) !== null) count += 1;
    if (count < 0) throw new Error("unreachable");
    return performance.now() - start;
  };
}

function main(): void {
  const cases = benchCases();

  const started = performance.now();
  const results = cases.map(measure);
  const realistic = cases.find((c) => c.group === "realistic")!;
  const { classify: alternating, peer } = measureAgainstPeer(realistic.texts[0]!);
  const realisticMs = results.find((result) => result.group === "realistic")!.medianMs;
  const corpus = results[0]!;
  const corpusTexts = cases[0]!.texts.length;

  const header = ["input", "bytes", "runs", "median ms", "MB/s", "x log"];
  const rows = results.map((result) => [
    result.name,
    String(result.bytes),
    String(result.runs),
    result.medianMs.toFixed(2),
    (result.bytes / 1e6 / (result.medianMs / 1000)).toFixed(1),
    result.group === "adversarial" ? (result.medianMs / realisticMs).toFixed(2) : "",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(format(row));
  console.log();
  console.log(
    `"x log" is the adversarial input's median time over the realistic log's (${realisticMs.toFixed(2)} ms).`,
  );
  const worst = results
    .filter((result) => result.group === "adversarial")
    .reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  const mbps = (r: Result) => r.bytes / 1e6 / (r.medianMs / 1000);
  console.log();
  console.log(
    `realistic log, timed alternately with the peer (${alternating.runs} runs each): classify ${mbps(alternating).toFixed(1)} MB/s (median ${alternating.medianMs.toFixed(2)} ms) vs ${peer.name} ${mbps(peer).toFixed(1)} MB/s (median ${peer.medianMs.toFixed(2)} ms): ${(peer.medianMs / alternating.medianMs).toFixed(2)}x of the peer's speed (goal >= 0.5x)`,
  );
  console.log(
    `worst adversarial: ${worst.name}, ${(worst.medianMs / realisticMs).toFixed(2)}x the realistic log (goal <= 3x)`,
  );
  console.log(
    `per paste, corpus one by one: ${((corpus.medianMs / corpusTexts) * 1000).toFixed(0)} µs median per paste (${corpusTexts} pastes, ${(corpus.bytes / corpusTexts / 1024).toFixed(1)} KiB average)`,
  );
  // maxRSS is reported in kilobytes (KiB) by Node.
  console.log(
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB; measured in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

main();
