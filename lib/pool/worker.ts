// The worker thread's entry, bundled by esbuild (lib/pool/build.ts) into one CommonJS file that piscina
// loads: piscina calls the export a task names (lib/pool/task.ts's WORKER_TASKS), the default one otherwise.
import { diagnoseBody, diagnoseWithSecrets, redactThenDiagnose, runDiagnoseTask } from "./task";

export { diagnoseBody, diagnoseWithSecrets, redactThenDiagnose, runDiagnoseTask as diagnose };
export default runDiagnoseTask;
