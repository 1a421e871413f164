// secretlint's recommended preset behind an IPC channel, so the redaction bench can kill it when done.
import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator } from "@secretlint/secretlint-rule-preset-recommend";

const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: creator }] };

async function lint(content: string): Promise<number> {
  const result = await lintSource({
    source: { content, filePath: "paste.txt", contentType: "text" },
    options: { config, noPhysicFilePath: true },
  });
  // The profiler keeps every mark and searches them all on each new one (quadratic over a long bench): let
  // its observer run, then empty it, so every call costs what a single lint costs.
  await new Promise((resolve) => setImmediate(resolve));
  await secretLintProfiler.getEntries();
  const kept = secretLintProfiler as unknown as { entries: unknown[]; measures: unknown[] };
  kept.entries.length = 0;
  kept.measures.length = 0;
  performance.clearMarks();
  performance.clearMeasures();
  return result.messages.length;
}

type Request =
  | { id: number; op: "count"; texts: string[] }
  | { id: number; op: "time"; texts: string[]; runs: number; warmup?: boolean };

process.on("message", (request: Request) => {
  void (async () => {
    try {
      if (request.op === "count") {
        const counts: number[] = [];
        for (const t of request.texts) counts.push(await lint(t));
        process.send?.({ id: request.id, counts });
        return;
      }
      if (request.warmup !== false) for (const t of request.texts) await lint(t);
      const times: number[] = [];
      for (let r = 0; r < request.runs; r++) {
        const t0 = performance.now();
        for (const t of request.texts) await lint(t);
        times.push(performance.now() - t0);
      }
      const ms = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
      process.send?.({ id: request.id, ms });
    } catch (error) {
      process.send?.({ id: request.id, error: String(error) });
    }
  })();
});
