// Prints one line about known vulnerabilities in the installed dependencies, from `npm audit`. Information
// for CI's summary, never a gate: whatever happens (no answer, an error, a timeout), it exits 0.
import { spawn } from "node:child_process";

const TIMEOUT_MS = 30_000;

function audit() {
  return new Promise((resolve) => {
    const child = spawn("npm", ["audit", "--json"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ timedOut: true, out });
    }, TIMEOUT_MS);
    child.on("error", () => {
      clearTimeout(timer);
      resolve({ timedOut: false, out: "" });
    });
    child.on("close", () => {
      clearTimeout(timer);
      resolve({ timedOut: false, out });
    });
  });
}

const { timedOut, out } = await audit();
let line;
if (timedOut) line = `the registry's audit endpoint did not answer within ${TIMEOUT_MS / 1000} s; skipped`;
else {
  let report = null;
  try {
    report = JSON.parse(out);
  } catch {
    // not JSON: npm could not run
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === "object") {
    const parts = ["critical", "high", "moderate", "low", "info"].map(
      (level) => `${counts[level] ?? 0} ${level}`,
    );
    line = `${counts.total ?? 0} known vulnerabilities (${parts.join(", ")})`;
  } else {
    const status = report?.statusCode ?? report?.error?.code ?? "no report";
    line = `the registry's audit endpoint did not answer usefully (${status}); skipped`;
  }
}
console.log(`Audit (npm audit, not a gate): ${line}`);
