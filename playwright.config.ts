import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

import {
  APP_PORT as PORT,
  APP_URL as BASE_URL,
  MOCK_STATUS_PORT,
  MOCK_STATUS_URL,
} from "./e2e/fixtures/servers";
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Never download a browser: use the one CI or the machine provides, else whatever Playwright has.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Artifacts live in a subfolder: Playwright empties outputDir on start, and other reports share test-results/.
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      // Without the networking flags Chromium keeps calling home on a closed network.
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The app never reads the real status page in tests: a local mock serves the shared fixtures, and
  // specs switch its scenario with POST /__mock/scenario/<name>.
  webServer: [
    {
      command: `npm run mock:status -- --scenario operational --port ${MOCK_STATUS_PORT}`,
      url: `${MOCK_STATUS_URL}/api/v2/status.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npm run start",
      url: BASE_URL,
      env: {
        PORT: String(PORT),
        HOSTNAME: "127.0.0.1",
        NEXT_TELEMETRY_DISABLED: "1",
        STATUS_PAGE_URL: MOCK_STATUS_URL,
        // Every request sees the mock's current scenario at once.
        STATUS_CACHE_TTL_MS: "0",
        STATUS_TIMEOUT_MS: "1500",
        // The permalink store of the e2e server lives under test-results, never in ./data.
        DATA_DIR: "test-results/e2e-data",
      },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
