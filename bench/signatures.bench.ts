// Each classifier regex against adversarial strings built for it (issue 7): the opening of its own example,
// its first word and its first two characters, each repeated to 256 KiB, plus the example with its last
// character cut (a near match at every position). Prints the slowest; asserts nothing.
import { UNEXAMPLED_SIGNATURES } from "../lib/classify/families";
import { normalize } from "../lib/classify/normalize";
import { SIGNATURES } from "../lib/classify/signatures";

// The concept families, status grammar and prints carry no example: they are attacked with their label's
// words (a family's head words), those words between separators (what their bounded word gaps consume), and
// the label with its last character cut.
const seedOf = (label: string): string => `${label} - ${label.split(" ").join(" , ")} 404 \\" `;

const SIZE = 256 * 1024;
const fill = (unit: string): string =>
  unit ? unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE) : "";

function attacks(example: string): Array<[string, string]> {
  const text = normalize(example);
  const firstWord = /\S{1,40}/.exec(text)?.[0] ?? "";
  return [
    ["opening ×", fill(text.slice(0, 24))],
    ["first word ×", fill(`${firstWord} `)],
    ["two chars ×", fill(text.slice(0, 2))],
    ["near miss ×", fill(`${text.slice(0, -1)}\n`)],
  ];
}

const rows: Array<{ id: string; attack: string; ms: number; matches: number }> = [];
const started = performance.now();
for (const sig of [...SIGNATURES, ...UNEXAMPLED_SIGNATURES]) {
  const seed = sig.example.text || seedOf(sig.label);
  for (const [name, input] of attacks(seed)) {
    if (!input) continue;
    const re = new RegExp(sig.pattern.source, sig.pattern.flags);
    const t = performance.now();
    const matches = [...input.matchAll(re)].length;
    rows.push({ id: sig.id, attack: name, ms: performance.now() - t, matches });
  }
}
rows.sort((a, b) => b.ms - a.ms);
const total = rows.reduce((s, r) => s + r.ms, 0);
console.log(
  `${rows.length} regex × attack runs over 256 KiB each in ${(total / 1000).toFixed(2)} s (wall ${((performance.now() - started) / 1000).toFixed(2)} s)`,
);
console.log("slowest:");
for (const r of rows.slice(0, 8))
  console.log(
    `  ${r.ms.toFixed(1).padStart(7)} ms  ${(0.25 / (r.ms / 1000)).toFixed(0).padStart(5)} MB/s  ${r.id}  (${r.attack})`,
  );
const median = rows[Math.floor(rows.length / 2)]?.ms ?? 0;
console.log(
  `median ${median.toFixed(2)} ms per 256 KiB; slowest/median ${((rows[0]?.ms ?? 0) / Math.max(median, 0.01)).toFixed(0)}×`,
);
