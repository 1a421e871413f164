// Fuzzing the libraries with generated pastes (issue 7): the classifier, the redactor, the packet builder
// and the retry planner must never throw, every output must pass its zod schema, and time per byte must
// stay flat. Prints figures; asserts nothing but the invariants. FUZZ_RUNS overrides the input count.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { classify } from "../lib/classify";
import { diagnosisSchema } from "../lib/diagnosis";
import { buildPacket, packetSchema, renderPacketJson, renderPacketMarkdown } from "../lib/packet";
import { redact } from "../lib/redact";
import { planRetry, retryPlanSchema } from "../lib/retry";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const corpusDir = join(__dirname, "..", "..", "shared", "corpus");
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => (JSON.parse(readFileSync(join(corpusDir, f), "utf8")) as { text: string }).text);

// Pieces real pastes are made of: corpus lines, error-shape tokens, secrets, noise and control characters.
const corpusLine = fc.constantFrom(...corpus.flatMap((t) => t.split("\n")));
const token = fc.constantFrom(
  "API Error: ",
  "Error code: 529 - ",
  '{"type":"error","error":{"type":"',
  "overloaded_error",
  "rate_limit_error",
  '"message":"',
  "req_011CZAau32QzxDkriovTaFCB",
  "req_011",
  '\\"',
  "'",
  "{",
  "}",
  "[",
  "]",
  "\n",
  "\r\n",
  "\t",
  "\u001b[31m",
  "\u001b[0m",
  "⎿ ",
  "│",
  "retry-after: ",
  "x-should-retry: false",
  "HTTP/2 429",
  "anthropic.RateLimitError",
  "sk-ant-api03-",
  "Authorization: Bearer ",
  "AKIA",
  "prompt is too long: ",
  "tokens > 200000 maximum",
  "You will regain access on 2026-12-01 at 00:00 UTC.",
  "resets 3pm (America/Santiago)",
  "Claude AI usage limit reached|1762952400",
);
const piece = fc.oneof(
  { weight: 4, arbitrary: corpusLine },
  { weight: 4, arbitrary: token },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom("\\", '"', "'", "{", "0", " ", "_"), maxLength: 200 }),
  },
);
const paste = fc.array(piece, { minLength: 0, maxLength: 30 }).map((parts) => parts.join(""));
const context = fc.record({
  mode: fc.constantFrom("interactive" as const, "background" as const),
  sideEffects: fc.boolean(),
});

const NOW = new Date("2026-11-22T12:00:00Z");
let bytes = 0;
const perByte: number[] = [];
const times = { classify: 0, redact: 0, packet: 0, retry: 0 };

const started = performance.now();
fc.assert(
  fc.property(
    paste,
    context,
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    (text, ctx, r) => {
      const begin = performance.now();
      let t = begin;
      const d = classify(text);
      times.classify += performance.now() - t;
      diagnosisSchema.parse(d);

      t = performance.now();
      const redacted = redact(text);
      times.redact += performance.now() - t;

      t = performance.now();
      const packet = buildPacket(d, redacted.text, { findings: redacted.findings }, { now: NOW });
      packetSchema.parse(packet);
      renderPacketMarkdown(packet);
      renderPacketJson(packet);
      times.packet += performance.now() - t;

      t = performance.now();
      retryPlanSchema.parse(planRetry(d, ctx, { random: () => r, now: NOW }));
      times.retry += performance.now() - t;

      const len = Math.max(1, text.length);
      bytes += len;
      const nsPerByte = ((performance.now() - begin) * 1e6) / len;
      if (len > 200) perByte.push(nsPerByte);
    },
  ),
  { numRuns: RUNS, seed: 20261122 },
);
const total = performance.now() - started;

console.log(
  `fuzz: ${RUNS} generated pastes, ${(bytes / 1e6).toFixed(1)} MB, no exception, every output schema-valid`,
);
console.log(
  `total ${(total / 1000).toFixed(1)} s; per library (ms): ${Object.entries(times)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(", ")}`,
);
console.log(
  `classify ${(bytes / 1e6 / (times.classify / 1000)).toFixed(1)} MB/s, redact ${(bytes / 1e6 / (times.redact / 1000)).toFixed(1)} MB/s over the generated inputs`,
);
perByte.sort((a, b) => a - b);
const pct = (p: number): string =>
  (perByte[Math.min(perByte.length - 1, Math.floor(p * perByte.length))] ?? 0).toFixed(0);
console.log(
  `whole pipeline per byte, inputs over 200 chars (n=${perByte.length}): p50 ${pct(0.5)} ns, p99 ${pct(0.99)} ns, max ${pct(1)} ns`,
);
