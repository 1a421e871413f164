// `npm run build` runs this before `next build`: bundles the diagnosis worker (lib/pool) into one plain
// JavaScript file that the server's worker threads load.
import { buildDiagnoseWorker, WORKER_BUNDLE } from "../lib/pool/build";

buildDiagnoseWorker(WORKER_BUNDLE).then(
  () => console.info(`built ${WORKER_BUNDLE}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
