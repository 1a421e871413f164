#!/usr/bin/env node
// Starts the command line. The compiled bundle (dist/cli, built by `npm run build` or `npm run build:cli`)
// starts in a fraction of the time TypeScript takes to compile, so it is used whenever it is up to date: every
// project file it was built from (dist/cli/inputs.json) must be no newer than the build. Otherwise, in a fresh
// clone or right after an edit, the sources run through tsx, as before the bundle existed.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const bundle = new URL("dist/cli/claude-error-triage.mjs", root);

function bundleIsCurrent() {
  if (process.env.CLAUDE_ERROR_TRIAGE_FROM_SOURCE === "1") return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL("dist/cli/inputs.json", root), "utf8"));
    statSync(bundle);
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(bundle.href);
} else {
  // The project's tsconfig is named explicitly so its `@/*` paths resolve from any working directory: tsx's
  // CommonJS hook reads TSX_TSCONFIG_PATH, its ESM hook the `tsconfig` option. A module loaded by tsImport does
  // not get tsx for its own dynamic imports, so the one the CLI makes (the MCP server) is handed over from here.
  const { tsImport } = await import("tsx/esm/api");
  const tsconfig = fileURLToPath(new URL("tsconfig.json", root));
  process.env.TSX_TSCONFIG_PATH = tsconfig;
  const load = (file) => tsImport(file, { parentURL: import.meta.url, tsconfig });
  const { main } = await load("../cli/main.ts");
  await main({ loadMcp: () => load("../lib/mcp/stdio.ts") });
}
