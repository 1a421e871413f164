import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
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
