import { defineConfig } from "vitest/config";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    setupFiles: ["./vitest.setup.ts"],
    // A hang guard, not a speed limit: property suites share two cores with builds on these machines.
    testTimeout: 30_000,
    // No test may reach the real status page: anything that forgets to point at the mock gets a refused port.
    // The server's store lives in a temporary directory, never in the checkout's ./data.
    env: {
      STATUS_PAGE_URL: "http://127.0.0.1:9",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: join(tmpdir(), `claude-error-triage-vitest-${process.pid}`),
    },
    include: [
      "lib/**/*.test.ts",
      "bin/**/*.test.ts",
      "cli/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
    ],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    // The JSON report feeds .ci/run's closing "Tests: N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results/unit.json" }]],
  },
});
