// Classifier throughput on real, realistic and adversarial inputs. Run with `npm run bench`.
// Prints figures only: timings vary by machine, so nothing here asserts on time.
import { readdirSync, readFileSync } from "node:fs";
import { classify } from "../lib/classify";
import { MAX_INPUT_BYTES } from "../lib/input";

const MIB = 1024 * 1024;
const CORPUS_DIR = new URL("../../shared/corpus/", import.meta.url);
const MAX_RUNS = 7;
const MIN_RUNS = 3;
// Per-input time budget: past MIN_RUNS, runs stop once it is spent, and an input whose warm-up alone
// takes longer than SLOW_RUN_MS is timed once. Keeps the whole run under about a minute.
const BUDGET_MS = 3000;
const SLOW_RUN_MS = 10_000;

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same bytes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Repeats `unit` up to exactly `bytes` UTF-8 bytes (units here are ASCII, so chars = bytes). */
function fill(unit: string, bytes: number = MAX_INPUT_BYTES): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Whole corpus texts, cycled, up to `bytes` UTF-8 bytes: no character is cut, so the input stays real text. */
function concatenate(texts: readonly string[], bytes: number = MAX_INPUT_BYTES): string {
  const parts: string[] = [];
  let total = 0;
  for (let index = 0; ; index += 1) {
    const text = `${texts[index % texts.length]!}\n\n`;
    const size = Buffer.byteLength(text);
    if (total + size > bytes) break;
    parts.push(text);
    total += size;
  }
  return parts.join("");
}

function loadCorpus(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => (JSON.parse(readFileSync(new URL(name, CORPUS_DIR), "utf8")) as { text: string }).text);
}

/** A service log: timestamps, INFO/DEBUG/WARN lines, Python and Node stack traces, and a few real errors. */
function realisticLog(errors: readonly string[], random: () => number): string {
  const paths = ["/v1/messages", "/healthz", "/api/users/42", "/api/orders", "/metrics"];
  const levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN"];
  const pythonTrace = [
    "Traceback (most recent call last):",
    '  File "/app/service/handlers.py", line 118, in handle',
    "    result = pipeline.run(payload)",
    '  File "/app/service/pipeline.py", line 57, in run',
    "    return self._step(payload)",
    "KeyError: 'customer_id'",
  ].join("\n");
  const nodeTrace = [
    "TypeError: Cannot read properties of undefined (reading 'map')",
    "    at renderList (/srv/app/dist/render.js:88:19)",
    "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
    "    at async Server.handle (/srv/app/dist/server.js:211:7)",
  ].join("\n");
  const lines: string[] = [];
  let bytes = 0;
  let clock = Date.UTC(2026, 10, 21, 9, 0, 0);
  const errorEvery = Math.floor(MAX_INPUT_BYTES / (errors.length + 1));
  let nextError = errorEvery;
  let errorIndex = 0;
  while (bytes < MAX_INPUT_BYTES - 4096) {
    clock += Math.floor(random() * 900);
    const stamp = new Date(clock).toISOString();
    let line: string;
    const roll = random();
    if (bytes >= nextError && errorIndex < errors.length) {
      line = `${stamp} ERROR [worker-${errorIndex}] upstream call failed\n${errors[errorIndex]}`;
      errorIndex += 1;
      nextError += errorEvery;
    } else if (roll < 0.02) {
      line = `${stamp} ERROR [worker-2] unhandled exception\n${pythonTrace}`;
    } else if (roll < 0.04) {
      line = `${stamp} ERROR [worker-5] request failed\n${nodeTrace}`;
    } else {
      const id = Math.floor(random() * 1e9).toString(16);
      line = `${stamp} ${pick(random, levels).padEnd(5)} [worker-${Math.floor(random() * 8)}] trace=${id} ${pick(random, ["GET", "POST"])} ${pick(random, paths)} status=200 duration_ms=${Math.floor(random() * 500)}`;
    }
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return lines.join("\n");
}

const ADVERSARIAL_UNITS: ReadonlyArray<[string, string]> = [
  ['run of "', '"'],
  ["run of '", "'"],
  ["run of {", "{"],
  ["run of \\", "\\"],
  ["digits", "0123456789"],
  ["req_ repeated", "req_"],
  ["spaces", " "],
  ["\\n + spaces", "\n       "],
  ["'API Error: ' repeated", "API Error: "],
  ["'Error code: ' repeated", "Error code: "],
];

function mixedAdversarial(random: () => number): string {
  const units = ADVERSARIAL_UNITS.map(([, unit]) => unit);
  const parts: string[] = [];
  let length = 0;
  while (length < MAX_INPUT_BYTES) {
    const part = pick(random, units).repeat(1 + Math.floor(random() * 64));
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, MAX_INPUT_BYTES);
}

type Case = { name: string; texts: string[]; group: "corpus" | "realistic" | "adversarial" };
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

function main(): void {
  const corpus = loadCorpus();
  const corpusBytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const rounds = Math.ceil((4 * MIB) / corpusBytes);
  const random = seededRandom(20261121);
  const log = realisticLog([corpus[6]!, corpus[1]!, corpus[26]!, corpus[19]!], random);

  const cases: Case[] = [
    {
      name: `corpus: ${corpus.length} texts one by one, x${rounds}`,
      group: "corpus",
      texts: Array.from({ length: rounds }, () => corpus).flat(),
    },
    { name: "corpus: concatenated to 1 MiB", group: "corpus", texts: [concatenate(corpus)] },
    { name: "realistic 1 MiB log, 4 real errors", group: "realistic", texts: [log] },
    ...ADVERSARIAL_UNITS.map(([name, unit]): Case => ({ name, group: "adversarial", texts: [fill(unit)] })),
    { name: "mixed adversarial (seeded)", group: "adversarial", texts: [mixedAdversarial(random)] },
  ];

  const started = performance.now();
  const results = cases.map(measure);
  const realisticMs = results.find((result) => result.group === "realistic")!.medianMs;

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
  // maxRSS is reported in kilobytes (KiB) by Node.
  console.log(
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB; measured in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

main();
