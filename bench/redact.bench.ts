// Redaction throughput on realistic and adversarial 1 MiB inputs (redaction.md §5): figures, no limits.
import { redact } from "../lib/redact";

const MIB = 1024 * 1024;
const fill = (unit: string): string => unit.repeat(Math.ceil(MIB / unit.length)).slice(0, MIB);

const realisticLine = (i: number): string =>
  `2026-11-22T10:${String(i % 60).padStart(2, "0")}:00.000Z INFO request to https://api.anthropic.com/v1/messages model=claude-sonnet-4-6 request-id=req_011CZAau32QzxDkriovTaFCB x-api-key: sk-ant-api03-${"A".repeat(93)}AA status=529\n`;

const INPUTS: Array<[string, string]> = [
  [
    "realistic log with keys",
    Array.from({ length: 6000 }, (_, i) => realisticLine(i))
      .join("")
      .slice(0, MIB),
  ],
  ["one long word", fill("a")],
  ["one long base64 run", fill("Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz")],
  ["repeated key prefixes", fill("sk-ant-api03-")],
  ["PEM headers without END", fill("-----BEGIN PRIVATE KEY-----\n")],
  ["dotted local parts without @", fill("a.a.")],
  ["Bearer repeated", fill("Bearer aaaaaaaa! ")],
  ["assignments", fill("api_key=x ")],
  ["quotes and joints", fill('"a" "')],
  ["percent escapes", fill("%25")],
  ["backslashes", fill("\\\\\\n")],
  ["URL authority without @", fill("http://aaaaaaaa")],
  ["hex and colons", fill("a1:")],
  ["digits and dots", fill("1.2.3.4.")],
  ["phone-like", fill("+1 2 ")],
  ["JWT-like", fill("eyJaaaaaaaaaa.")],
  ["HAR-like", fill('"name":"x-api-key","value":"')],
];

const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

console.log(`redact: median of ${RUNS} runs per 1 MiB input`);
console.log("input".padEnd(32), "ms".padStart(8), "MB/s".padStart(8), "× realistic".padStart(12));
let baseline = 0;
for (const [name, text] of INPUTS) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    redact(text, { hidePrompt: true });
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  if (baseline === 0) baseline = ms;
  const mbps = text.length / 1e6 / (ms / 1000);
  console.log(
    name.padEnd(32),
    ms.toFixed(0).padStart(8),
    mbps.toFixed(2).padStart(8),
    (ms / baseline).toFixed(2).padStart(12),
  );
}
console.log(`peak RSS ${(process.memoryUsage().rss / MIB).toFixed(0)} MiB`);
