// How the redactor's time grows with the input: each adversarial unit of bench/redact.bench.ts filled to 64 KiB,
// 256 KiB and 1 MiB, the median of 7 calls per size (another text redacted between calls, so no memo of the last
// paste is reused). A linear redactor costs the same per KiB at every size; the ratio column divides the 1 MiB
// cost per KiB by the 64 KiB one. Times the build that ships (bench/redact-shipped.ts; REDACT_BENCH_SOURCES=1:
// the sources). Run: npm run bench:redact-linearity
import { ATTACK_UNITS } from "./redact-attacks";
import { fill } from "./inputs";
import { shippedRedact, type RedactFn } from "./redact-shipped";

const SIZES = [64 * 1024, 256 * 1024, 1024 * 1024];
const CALLS = 7;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function perKiB(redact: RedactFn, text: string): number {
  const other = fill("warm-up line\n", 4096);
  redact(text);
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    redact(other + i);
    const t0 = performance.now();
    redact(text);
    times.push(performance.now() - t0);
  }
  return (median(times) * 1000) / (text.length / 1024);
}

async function main(): Promise<void> {
  const { redact, source } = await shippedRedact();
  console.log(`redact (${source})`);
  console.log(
    `redact µs per KiB at ${SIZES.map((s) => `${s / 1024} KiB`).join(", ")}; ratio = 1 MiB / 64 KiB`,
  );
  let worst = 0;
  for (const [name, unit] of ATTACK_UNITS) {
    const costs = SIZES.map((size) => perKiB(redact, fill(unit, size)));
    const ratio = (costs.at(-1) ?? 0) / (costs[0] ?? 1);
    worst = Math.max(worst, ratio);
    console.log(
      `  ${name.padEnd(36)} ${costs.map((c) => c.toFixed(1).padStart(7)).join(" ")}   ${ratio.toFixed(2)}×`,
    );
  }
  console.log(`worst growth of the cost per KiB from 64 KiB to 1 MiB: ${worst.toFixed(2)}× (1× is linear)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
