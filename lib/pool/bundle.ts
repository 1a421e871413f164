import path from "node:path";

/** Where `npm run build` puts the diagnosis worker bundle (lib/pool/build.ts), relative to the project root. */
export const WORKER_BUNDLE = path.join(".workers", "diagnose-worker.cjs");
