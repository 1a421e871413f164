// The worker thread's entry, bundled by esbuild (lib/pool/build.ts) into one CommonJS file that piscina
// loads: piscina calls the default export once per task.
import { runDiagnoseTask } from "./task";

export default runDiagnoseTask;
