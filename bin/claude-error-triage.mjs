#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so the command works right after `npm ci`
// with no build step. The project's tsconfig is named explicitly so its `@/*` paths resolve from any
// working directory: tsx's CommonJS hook reads TSX_TSCONFIG_PATH, its ESM hook the `tsconfig` option.
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
process.env.TSX_TSCONFIG_PATH = tsconfig;
const { main } = await tsImport("../cli/main.ts", { parentURL: import.meta.url, tsconfig });
await main();
