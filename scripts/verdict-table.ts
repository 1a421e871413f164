// Prints the verdict for real corpus pastes under three status-page scenarios, as a Markdown table:
// `npm run verdict:table`. The status page is the mock's fixtures (no network); each scenario is read at
// its own page time, and the error is dated at that time, so "now" means during the scenario.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_FIXTURES_DIR } from "./mock-status-server";
import { diagnose } from "../lib/report";
import { createStatusClient, type StatusFetch } from "../lib/status/client";

const CORPUS = path.resolve(DEFAULT_FIXTURES_DIR, "../../corpus");
const PASTES = [
  "902-overloaded.json", // Claude Code 529, retries exhausted
  "906-overloaded.json", // Python SDK overloaded
  "919-rate_limit.json", // LiteLLM: 20,000 input tokens per minute
  "913-rate_limit.json", // Bedrock ThrottlingException
  "910-connection.json", // DNS: bedrock-runtime.undefined
  "914-timeout.json", // Claude Code 504 from the edge
];
const SCENARIOS = [
  { name: "operational", folder: "operational", at: "2026-11-20T16:42:07.118Z" },
  { name: "major outage (Claude API)", folder: "major-outage", at: "2026-11-20T09:48:13.530Z" },
  { name: "page unreadable", folder: null, at: "2026-11-20T16:42:07.118Z" },
] as const;

function fetchFrom(folder: string | null): StatusFetch {
  return async (url) => {
    if (folder === null) return new Response("<html>503</html>", { status: 503 });
    const document = url.slice(url.indexOf("/api/v2/") + "/api/v2/".length);
    try {
      return new Response(readFileSync(path.join(DEFAULT_FIXTURES_DIR, folder, document), "utf8"));
    } catch {
      return new Response("{}", { status: 404 });
    }
  };
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

async function main(): Promise<void> {
  const rows: string[] = ["| Paste | Status scenario | whoActs | retry | Summary |", "|---|---|---|---|---|"];
  for (const file of PASTES) {
    const { text } = JSON.parse(readFileSync(path.join(CORPUS, file), "utf8")) as { text: string };
    for (const scenario of SCENARIOS) {
      const now = new Date(scenario.at);
      const status = createStatusClient({
        baseUrl: "https://status.claude.com",
        fetch: fetchFrom(scenario.folder),
        now: () => now.getTime(),
      });
      const report = await diagnose(text, { occurredAt: scenario.at, now, random: () => 0.5, status });
      const { verdict } = report;
      const retry = verdict.retryAt === null ? verdict.retry : `${verdict.retry} (${verdict.retryAt})`;
      rows.push(
        `| ${file} (${report.branch}, ${report.evidence.surface}/${report.evidence.route}) | ${scenario.name} | ${verdict.whoActs.join(", ")} | ${retry} | ${cell(verdict.summary)} |`,
      );
    }
  }
  console.log(rows.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
