#!/usr/bin/env node
// Compiles the command line (cli/bin.ts and everything it imports) to plain JavaScript with esbuild, so the
// command starts without compiling TypeScript at every call. Output: dist/cli/claude-error-triage.mjs, chunks
// loaded on demand (the MCP server, the hook) under dist/cli/chunks/, and dist/cli/inputs.json, the project
// files the bundle was built from, which bin/claude-error-triage.mjs checks to fall back to the sources when a
// file changed after the build. Run by `npm run build` and `npm run build:cli`.
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * zod's classic API re-exports the messages of every language it ships (`z.locales`, about half the bundle),
 * though only English is ever configured: the bundle keeps English alone, which halves start-up parsing.
 */
const englishOnlyZodLocales = {
  name: "english-only-zod-locales",
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: path.dirname(args.path),
      loader: "js",
    }));
  },
};
const outdir = path.join(root, "dist", "cli");

/** Builds the bundle into `outdir` and answers the project files it was built from. */
export async function buildCli({ quiet = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { "claude-error-triage": "cli/bin.ts" },
    outdir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    minify: true,
    legalComments: "eof",
    metafile: true,
    plugins: [englishOnlyZodLocales],
    logLevel: quiet ? "error" : "warning",
    // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as __cetCreateRequire } from "node:module"; const require = __cetCreateRequire(import.meta.url);',
    },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => !file.startsWith("node_modules/"))
    .sort();
  writeFileSync(
    path.join(outdir, "inputs.json"),
    `${JSON.stringify({ builtAt: Date.now(), inputs }, null, 1)}\n`,
  );
  const bytes = Object.entries(result.metafile.outputs).reduce((sum, [, o]) => sum + o.bytes, 0);
  if (!quiet)
    console.log(
      `dist/cli: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB, from ${inputs.length} project files`,
    );
  return { outdir, inputs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildCli();
}
