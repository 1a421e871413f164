import { describe, expect, it } from "vitest";
import { cardFor } from "../branches";
import { headlineFor } from "../classify/headline";
import {
  BRANCH_IDS,
  diagnosisSchema,
  type BranchId,
  type Diagnosis,
  type Evidence,
  type Route,
  type Surface,
} from "../diagnosis";
import { DEFAULT_RETRY_CONTEXT, planRetry } from "../retry";
import type { StatusContext } from "../status/context";
import { correlateIncidents } from "../status/correlate";
import type { StatusComponent, StatusIncident } from "../status/reading";
import { buildVerdict } from "./build";
import { verdictSchema, type Verdict, type WhoActs } from "./schema";

// Every branch × status scenario × error time × client: who acts and whether to retry, asserted from rules
// written out here rather than read back from the implementation.

const NOW = new Date("2026-12-07T03:00:00.000Z");
const TIMES = {
  now: null,
  "an hour ago": "2026-12-07T02:00:00.000Z",
  "last month": "2026-11-05T14:00:00.000Z",
} as const;
type TimeCase = keyof typeof TIMES;

const CLIENTS: Record<string, { surface: Surface; route: Route }> = {
  "Claude Code": { surface: "claude-code", route: "anthropic" },
  "Python SDK": { surface: "sdk-python", route: "anthropic" },
  "TypeScript SDK": { surface: "sdk-typescript", route: "anthropic" },
  Bedrock: { surface: "sdk-python", route: "bedrock" },
  "a gateway": { surface: "unknown", route: "litellm" },
};
type ClientCase = keyof typeof CLIENTS;

const SCENARIOS = [
  "operational",
  "incident on matching component",
  "incident elsewhere",
  "major outage",
  "unreadable",
  "stale",
] as const;
type Scenario = (typeof SCENARIOS)[number];

// A status shown with each branch: 5xx for server-side, the usual client status for the others.
const STATUS_OF: Record<BranchId, number | null> = {
  api_error: 500,
  overloaded: 529,
  rate_limit: 429,
  subscription_limit: 429,
  billing: 400,
  timeout: null,
  connection: null,
  invalid_request: 400,
  context_window: 400,
  request_too_large: 413,
  authentication: 401,
  permission: 403,
  not_found: 404,
  unknown: 503,
};

const API = { id: "k8w3r06qmzrp", name: "Claude API (api.anthropic.com)" };
const CLAUDE_AI = { id: "rwppv331jlwc", name: "claude.ai" };

function component(c: { id: string; name: string }, status: StatusComponent["status"]): StatusComponent {
  return { ...c, status, updatedAt: NOW.toISOString() };
}

function incident(
  id: string,
  on: { id: string; name: string },
  span: { start: string; end: string | null },
  impact: StatusIncident["impact"] = "major",
): StatusIncident {
  return {
    id,
    name: `Elevated errors (${id})`,
    impact,
    status: span.end === null ? "investigating" : "resolved",
    createdAt: span.start,
    updatedAt: span.end ?? span.start,
    startedAt: span.start,
    resolvedAt: span.end,
    shortlink: null,
    url: `https://status.claude.com/incidents/${id}`,
    components: [on.name],
    componentIds: [on.id],
  };
}

const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const HOUR = 3_600_000;

/** The scenario's status context for an error at `time`, correlated the way the status client does it. */
function statusFor(scenario: Scenario, time: TimeCase, surface: Surface, route: Route): StatusContext {
  const at = TIMES[time] ?? NOW.toISOString();
  const old = time === "last month";
  // The incident spans the error; an old one has long been resolved, a recent one is still open.
  const span = { start: minus(at, HOUR / 2), end: old ? plus(at, HOUR) : null };
  const onApi = incident("matching0001", API, span);
  const onOther = incident("elsewhere001", CLAUDE_AI, span);
  const outage = incident(
    "outage000001",
    API,
    { start: minus(NOW.toISOString(), 2 * HOUR), end: null },
    "critical",
  );
  const operational = [component(API, "operational"), component(CLAUDE_AI, "operational")];
  const base = {
    indicator: "none" as const,
    description: "All Systems Operational",
    checkedAt: NOW.toISOString(),
    source: "live" as const,
    components: operational,
    activeIncidents: [] as StatusIncident[],
    pageUrl: "https://status.claude.com",
  };
  const open = (list: StatusIncident[]) => list.filter((i) => i.resolvedAt === null);
  const correlate = (pool: StatusIncident[]) =>
    correlateIncidents(pool, { occurredAt: TIMES[time], surface, route });
  switch (scenario) {
    case "operational":
      return { ...base, correlatedIncidents: [] };
    case "incident on matching component":
    case "stale":
      return {
        ...base,
        indicator: "major",
        description: "Partial System Outage",
        source: scenario === "stale" ? "stale" : "live",
        checkedAt: scenario === "stale" ? minus(NOW.toISOString(), 10 * 60_000) : base.checkedAt,
        activeIncidents: open([onApi]),
        correlatedIncidents: correlate([onApi]),
      };
    case "incident elsewhere":
      return {
        ...base,
        indicator: "minor",
        description: "Minor Service Outage",
        activeIncidents: open([onOther]),
        correlatedIncidents: correlate([onOther]),
      };
    case "major outage":
      return {
        ...base,
        indicator: "critical",
        description: "Major System Outage",
        components: [component(API, "major_outage"), component(CLAUDE_AI, "operational")],
        activeIncidents: [outage],
        correlatedIncidents: correlate([outage]),
      };
    case "unreadable":
      // The store still holds an incident seen open earlier: it must never come back as ongoing.
      return {
        ...base,
        indicator: "unknown",
        description: "Status unavailable",
        source: "unavailable",
        components: [],
        correlatedIncidents: correlate([onApi]),
      };
  }
}

const SERVER_SIDE: ReadonlySet<BranchId> = new Set(["api_error", "overloaded", "timeout", "unknown"]);

function diagnosisFor(branch: BranchId, time: TimeCase, surface: Surface, route: Route): Diagnosis {
  const evidence: Evidence = {
    status: STATUS_OF[branch],
    errorType: null,
    message: null,
    requestIds: [],
    gatewayRequestIds: [],
    model: null,
    endpoint: null,
    surface,
    route,
    streaming: null,
    occurredAt: TIMES[time],
    retryAfterMs: null,
    shouldRetry: null,
    rateLimit: {},
    attempts: null,
    sdk: null,
  };
  const input = { branch, variant: null, evidence, untied: false, foreign: false, empty: false };
  return diagnosisSchema.parse({
    classifierVersion: "test",
    branch,
    variant: null,
    confidence: 0.9,
    headline: headlineFor(input) || "Not enough signal to say what failed.",
    card: cardFor(branch, null),
    evidence,
    signals: [],
    occurrences: [],
  });
}

function verdictFor(branch: BranchId, scenario: Scenario, time: TimeCase, client: ClientCase): Verdict {
  const { surface, route } = CLIENTS[client]!;
  const diagnosis = diagnosisFor(branch, time, surface, route);
  const plan = planRetry(diagnosis, DEFAULT_RETRY_CONTEXT, { random: () => 0.5, now: NOW });
  return verdictSchema.parse(
    buildVerdict({ diagnosis, plan, status: statusFor(scenario, time, surface, route), now: NOW }),
  );
}

/** Who acts and whether to retry when no incident explains the error. */
const BRANCH_RULES: Record<BranchId, { who: WhoActs[]; retry: Verdict["retry"] }> = {
  api_error: { who: ["anthropic"], retry: "now" },
  overloaded: { who: ["anthropic"], retry: "now" },
  timeout: { who: ["request", "anthropic"], retry: "now" },
  unknown: { who: ["anthropic"], retry: "now" },
  rate_limit: { who: ["account"], retry: "now" },
  subscription_limit: { who: ["account"], retry: "later" },
  billing: { who: ["account"], retry: "no" },
  connection: { who: ["network"], retry: "now" },
  invalid_request: { who: ["request"], retry: "no" },
  context_window: { who: ["request"], retry: "no" },
  request_too_large: { who: ["request"], retry: "no" },
  authentication: { who: ["account"], retry: "no" },
  permission: { who: ["account"], retry: "no" },
  not_found: { who: ["request"], retry: "no" },
};

function expected(branch: BranchId, scenario: Scenario, time: TimeCase, client: ClientCase) {
  const { route } = CLIENTS[client]!;
  const rule = BRANCH_RULES[branch];
  const serverSide = SERVER_SIDE.has(branch);
  if (serverSide && route === "bedrock") {
    // Anthropic's page is context for Bedrock: the platform acts, whatever Anthropic's page says.
    return { who: rule.who.map((w) => (w === "anthropic" ? "platform" : w)), retry: "now" as const };
  }
  const recent = time !== "last month";
  // An unreadable page still leaves the store's resolved incidents: last month's one is on the path.
  const onPath =
    scenario === "incident on matching component" ||
    scenario === "stale" ||
    (scenario === "major outage" && recent) ||
    (scenario === "unreadable" && !recent);
  if (serverSide && onPath) {
    // It's Anthropic's: retry once it clears (an old incident has).
    return { who: ["anthropic"] as WhoActs[], retry: recent ? ("later" as const) : ("now" as const) };
  }
  const gateway = serverSide && route === "litellm" ? ["gateway" as const] : [];
  return { who: [...rule.who, ...gateway], retry: rule.retry };
}

describe("verdict matrix: branch × status × time × client", () => {
  for (const branch of BRANCH_IDS) {
    describe(branch, () => {
      for (const scenario of SCENARIOS) {
        it(`${scenario}: who acts and retry for every time and client`, () => {
          for (const time of Object.keys(TIMES) as TimeCase[]) {
            for (const client of Object.keys(CLIENTS) as ClientCase[]) {
              const label = `${branch} / ${scenario} / ${time} / ${client}`;
              const verdict = verdictFor(branch, scenario, time, client);
              const want = expected(branch, scenario, time, client);
              expect({ label, who: [...verdict.whoActs].sort(), retry: verdict.retry }).toEqual({
                label,
                who: [...want.who].sort(),
                retry: want.retry,
              });
              expect(verdict.tense, label).toBe(time === "now" ? "current" : "past");
              if (time !== "now") expect(verdict.summary, label).not.toMatch(/right now/i);
              if (scenario === "unreadable") {
                expect(verdict.incident?.ongoing ?? false, label).toBe(false);
                expect(verdict.statusNote, label).toMatch(/could not be read/);
              }
            }
          }
        });
      }
    });
  }
});

describe("verdict: what the matrix's rules rest on", () => {
  it("names the incident, since when, and that retrying waits for it, for a Claude Code 529 during an API incident", () => {
    const verdict = verdictFor("overloaded", "incident on matching component", "now", "Claude Code");
    expect(verdict.summary).toMatch(
      /^It's Anthropic's incident: "Elevated errors \(matching0001\)", open since 2026-12-07 02:30 UTC/,
    );
    expect(verdict.incident).toMatchObject({ relation: "during", ongoing: true, resolvedAt: null });
    expect(verdict.retryWhen).toMatch(/resolves/);
  });

  it("is loud about a major outage on the error's path, and only in the present", () => {
    expect(verdictFor("overloaded", "major outage", "now", "Python SDK").outage).toBe(true);
    expect(verdictFor("invalid_request", "major outage", "now", "Python SDK").outage).toBe(true);
    expect(verdictFor("overloaded", "major outage", "last month", "Python SDK").outage).toBe(false);
    expect(verdictFor("overloaded", "major outage", "now", "Bedrock").outage).toBe(false);
    expect(verdictFor("overloaded", "operational", "now", "Python SDK").outage).toBe(false);
  });

  it("tells an old error in the past, with the incident of its time", () => {
    const verdict = verdictFor("overloaded", "incident on matching component", "last month", "Python SDK");
    expect(verdict.summary).toMatch(/^This error at 2026-11-05 14:00 UTC fell during Anthropic's incident/);
    expect(verdict.incident).toMatchObject({ ongoing: false, resolvedAt: "2026-11-05T15:00:00.000Z" });
  });

  it("says a green page narrows but does not clear, and links the page when it cannot be read", () => {
    expect(verdictFor("overloaded", "operational", "now", "Python SDK").statusNote).toMatch(
      /narrows the cause but does not clear it/,
    );
    const unreadable = verdictFor("overloaded", "unreadable", "now", "Python SDK");
    expect(unreadable.statusNote).toContain("https://status.claude.com");
    expect(unreadable.incident).toBeNull();
  });

  it("gives Claude Code its own knobs and never SDK code; SDK users their SDK's settings", () => {
    const claudeCode = verdictFor("overloaded", "operational", "now", "Claude Code").doNow.join("\n");
    expect(claudeCode).toMatch(/CLAUDE_CODE_MAX_RETRIES/);
    expect(claudeCode).toMatch(/\/model/);
    expect(claudeCode).not.toMatch(/max_retries|maxRetries|anthropic\.Anthropic|new Anthropic/);
    expect(verdictFor("overloaded", "operational", "now", "Python SDK").doNow.join("\n")).toMatch(
      /max_retries=/,
    );
    expect(verdictFor("overloaded", "operational", "now", "TypeScript SDK").doNow.join("\n")).toMatch(
      /maxRetries:/,
    );
    expect(verdictFor("overloaded", "operational", "now", "a gateway").doNow.join("\n")).toMatch(
      /num_retries/,
    );
  });

  it("dates what a stale reading said, and flags a time in the future instead of accepting it", () => {
    expect(verdictFor("overloaded", "stale", "now", "Python SDK").summary).toMatch(
      /\(as the status page said at 2026-12-07 02:50 UTC\)\.$/,
    );
    const diagnosis = diagnosisFor("overloaded", "now", "sdk-python", "anthropic");
    const future = { ...diagnosis, evidence: { ...diagnosis.evidence, occurredAt: "2026-12-08T03:00:00Z" } };
    const plan = planRetry(future, DEFAULT_RETRY_CONTEXT, { random: () => 0.5, now: NOW });
    const verdict = buildVerdict({ diagnosis: future, plan, status: null, now: NOW });
    expect(verdict.tense).toBe("current");
    expect(verdict.timeNote).toMatch(/^The error's time, 2026-12-08 03:00 UTC, is 24 h in the future/);
  });

  it("names the platform's own status page for Bedrock, with Anthropic's as context", () => {
    const verdict = verdictFor("overloaded", "operational", "now", "Bedrock");
    expect(verdict.statusPages).toEqual([
      { name: "AWS Health Dashboard", url: "https://health.aws.amazon.com/health/status", role: "primary" },
      { name: "Claude status", url: "https://status.claude.com", role: "context" },
    ]);
  });
});
