// The redactor as it ships: lib/redact bundled and minified by esbuild, as the command line (scripts/
// build-cli.mjs) and the server's diagnosis worker (lib/pool/build.ts) bundle it. The benches time that
// build; run from the sources through tsx, every call between lib/redact's files goes through the
// per-file CommonJS transform's export getters, which nothing shipped does. REDACT_BENCH_SOURCES=1 times the
// sources instead.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { redact as Redact } from "../lib/redact";

const root = fileURLToPath(new URL("..", import.meta.url));

export type RedactFn = typeof Redact;

/** The redactor to time, and where it came from (for the bench's header). */
export async function shippedRedact(): Promise<{ redact: RedactFn; source: string }> {
  if (process.env.REDACT_BENCH_SOURCES === "1") {
    const { redact } = await import("../lib/redact");
    return { redact, source: "lib/redact run from the sources (tsx)" };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "redact-bench-"));
  const outfile = path.join(dir, "redact.mjs");
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [path.join(root, "lib", "redact", "index.ts")],
      outfile,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      tsconfig: path.join(root, "tsconfig.json"),
      minify: true,
      logLevel: "error",
    });
    const { redact } = (await import(pathToFileURL(outfile).href)) as { redact: RedactFn };
    return {
      redact,
      source: "lib/redact bundled and minified by esbuild, as the CLI and the server's worker ship it",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
