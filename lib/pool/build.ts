import path from "node:path";
import { build } from "esbuild";

export { WORKER_BUNDLE } from "./bundle";

/**
 * Bundles the worker's entry and everything it imports into one CommonJS file for Node 20, so worker threads
 * run plain JavaScript: no TypeScript loader and no Next.js bundle in a worker.
 */
export async function buildDiagnoseWorker(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(import.meta.dirname, "worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    logLevel: "warning",
  });
}
