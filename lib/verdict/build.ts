import type { Actor, BranchId, Diagnosis, Route, Surface } from "../diagnosis";
import { clientName } from "../retry/facts";
import { formatDuration, formatInstant } from "../retry/format";
import { referenceTime } from "../retry/reference-time";
import type { RetryPlan } from "../retry/schema";
import type { StatusContext } from "../status/context";
import { incidentOnPath, surfaceComponents } from "../status/correlate";
import type { StatusIncident } from "../status/reading";
import { isFinished } from "../status/span";
import { clientGuidance, watchAdvice } from "./guidance";
import { describeLimit, readLimit, WINDOW_MS } from "./limits";
import type { StatusPageLink, Verdict, VerdictIncident, VerdictLimit, VerdictRetry, WhoActs } from "./schema";
import {
  CLAUDE_STATUS_PAGE_URL,
  isGatewayRoute,
  isPlatformRoute,
  routeName,
  statusPagesFor,
} from "./status-pages";

/** An error older than this is told in the past tense: nothing about it is "right now". */
export const PAST_AFTER_MS = 15 * 60_000;
/** A time further ahead than this is a wrong clock or zone, not the present. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Everything the verdict is made from; pure, so the same inputs give the same verdict. */
export type VerdictInput = {
  diagnosis: Pick<Diagnosis, "branch" | "variant" | "evidence" | "card" | "headline">;
  plan: Pick<RetryPlan, "retryable" | "resumeAt" | "maxAttempts" | "totalBudgetMs" | "retryAfterMs">;
  /** null when the status page was not asked (offline CLI, tests). */
  status: StatusContext | null;
  now: Date;
};

/** Failures on Anthropic's side (or the platform's): the branches a status-page incident can explain. */
function isServerSide(branch: BranchId, variant: string | null, status: number | null): boolean {
  if (branch === "api_error" || branch === "overloaded" || branch === "timeout") return true;
  if (branch === "rate_limit") return variant === "server_throttle";
  return branch === "unknown" && status !== null && status >= 500;
}

type Clock = {
  /** The error's time in epoch ms; `now` when neither the paste nor the user gave one. */
  at: number;
  given: boolean;
  tense: Verdict["tense"];
  occurredAt: string | null;
  timeNote: string | null;
};

function readClock(occurredAt: string | null, now: Date): Clock {
  const nowMs = now.getTime();
  if (occurredAt === null)
    return { at: nowMs, given: false, tense: "current", occurredAt: null, timeNote: null };
  const read = referenceTime(occurredAt, new Date(Number.NaN)).ms;
  if (!Number.isFinite(read)) {
    return {
      at: nowMs,
      given: false,
      tense: "current",
      occurredAt: null,
      timeNote: "The error's time could not be read, so it is treated as now.",
    };
  }
  const iso = new Date(read).toISOString();
  if (read - nowMs > FUTURE_TOLERANCE_MS) {
    return {
      at: nowMs,
      given: false,
      tense: "current",
      occurredAt: iso,
      timeNote: `The error's time, ${formatInstant(iso)}, is ${formatDuration(read - nowMs)} in the future: check the clock or time zone it was written in; it is treated as now.`,
    };
  }
  const past = nowMs - read > PAST_AFTER_MS;
  return { at: read, given: true, tense: past ? "past" : "current", occurredAt: iso, timeNote: null };
}

type StatusState = "not-asked" | "unreadable" | "stale" | "fresh";

function statusState(status: StatusContext | null): StatusState {
  if (status === null) return "not-asked";
  if (status.source === "unavailable") return "unreadable";
  return status.source === "stale" ? "stale" : "fresh";
}

/** The incident on the error's path that the verdict rests on, and whether it is still open now. */
function matchIncident(
  status: StatusContext | null,
  state: StatusState,
  clock: Clock,
  surface: Surface,
  route: Route,
): { incident: StatusIncident; relation: VerdictIncident["relation"]; ongoing: boolean } | null {
  if (status === null) return null;
  const openNow = new Set(state === "unreadable" ? [] : status.activeIncidents.map((i) => i.id));
  // An unreadable page confirms nothing open: a stored incident without an end is never "ongoing".
  const usable = (incident: StatusIncident) => state !== "unreadable" || isFinished(incident);
  const ongoing = (incident: StatusIncident) => openNow.has(incident.id) && !isFinished(incident);
  const correlated = status.correlatedIncidents.find(
    (incident) => usable(incident) && incidentOnPath(incident, surface, route),
  );
  if (correlated !== undefined) {
    return { incident: correlated, relation: correlated.relation, ongoing: ongoing(correlated) };
  }
  if (!clock.given && clock.tense === "current") {
    // No time in the paste: the error is taken as now, so an incident open now is "during".
    const open = status.activeIncidents.find(
      (incident) => usable(incident) && !isFinished(incident) && incidentOnPath(incident, surface, route),
    );
    if (open !== undefined) return { incident: open, relation: "during", ongoing: state !== "unreadable" };
  }
  return null;
}

/** A component on the error's path reported in major outage by the reading. */
function outageComponent(status: StatusContext | null, state: StatusState, surface: Surface, route: Route) {
  if (status === null || state === "unreadable") return null;
  const path = surfaceComponents(surface, route);
  return (
    status.components.find(
      (c) => c.status === "major_outage" && path.some((p) => p.id === c.id || p.matchesName(c.name)),
    ) ?? null
  );
}

const ACTOR_TO_WHO: Record<Actor, WhoActs> = {
  anthropic: "anthropic",
  "your-account": "account",
  "your-request": "request",
  "your-network": "network",
  gateway: "gateway",
  you: "request",
};

function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Who acts from the branch card, with Anthropic's part moved to the platform or shared with the gateway. */
function baseWhoActs(input: VerdictInput, serverSide: boolean): WhoActs[] {
  const { card, evidence, branch, variant, headline } = input.diagnosis;
  if (branch === "unknown") {
    // Positive evidence that Claude was never asked: the party the classifier names acts.
    if (variant === "other_provider" || variant === "other_model" || headline.includes("another provider"))
      return ["other-provider"];
    if (variant === "no_provider") return ["gateway"];
  }
  let who: WhoActs[] =
    branch === "unknown"
      ? [serverSide ? "anthropic" : "request"]
      : card.whoActs.map((actor) => ACTOR_TO_WHO[actor]);
  if (isPlatformRoute(evidence.route)) who = who.map((w) => (w === "anthropic" ? "platform" : w));
  if (isGatewayRoute(evidence.route) && serverSide) who = [...who, "gateway"];
  return dedupe(who);
}

function incidentView(match: NonNullable<ReturnType<typeof matchIncident>>): VerdictIncident {
  const { incident, relation, ongoing } = match;
  const latest = (incident as StatusIncident & { latestUpdate?: string | null }).latestUpdate;
  return {
    name: incident.name,
    url: incident.shortlink ?? incident.url,
    impact: incident.impact,
    startedAt: incident.startedAt ?? incident.createdAt,
    resolvedAt: incident.resolvedAt ?? (isFinished(incident) ? incident.updatedAt : null),
    relation,
    ongoing,
    components: incident.components,
    latestUpdate: typeof latest === "string" ? latest : null,
  };
}

/** "the error (2026-12-01 14:02 UTC)" in the past tense, "this error" otherwise. */
function errorPhrase(clock: Clock): string {
  return clock.tense === "past" && clock.occurredAt !== null
    ? `This error at ${formatInstant(clock.occurredAt)}`
    : "This error";
}

function budgetPhrase(input: VerdictInput): string {
  const { plan, diagnosis } = input;
  if (diagnosis.evidence.surface === "claude-code") return "";
  if (plan.maxAttempts <= 1) return "";
  return ` (${plan.maxAttempts} attempts within ${formatDuration(plan.totalBudgetMs)})`;
}

/** What the branch itself says happened, as the opening of the summary, in the verdict's tense. */
function branchLead(input: VerdictInput, clock: Clock): string {
  const { branch, variant, evidence } = input.diagnosis;
  const past = clock.tense === "past";
  const where = routeName(evidence.route);
  const side = isPlatformRoute(evidence.route) && where !== null ? where : "Anthropic";
  switch (branch) {
    case "overloaded":
      return past
        ? `${side} was overloaded when this error happened (not your quota or key)`
        : `${side} is overloaded (not your quota or key)`;
    case "api_error":
      return past
        ? `A server error inside ${side} at ${formatInstant(clock.occurredAt ?? "")}`
        : `A server error inside ${side}, not in your key or request`;
    case "timeout":
      return past ? "The request timed out" : "The request timed out";
    case "rate_limit":
      return variant === "server_throttle"
        ? `${side} briefly throttled requests (not your usage limit)`
        : "Your organisation hit a rate limit";
    default:
      return input.diagnosis.card.title;
  }
}

type Core = {
  summary: string;
  whoActs: WhoActs[];
  retry: VerdictRetry;
  retryAt: string | null;
  retryWhen: string | null;
};

/** The branch's own answer when no incident explains it. */
function branchCore(
  input: VerdictInput,
  clock: Clock,
  serverSide: boolean,
  limit: VerdictLimit | null,
  now: Date,
): Core {
  const { diagnosis, plan } = input;
  const whoActs = baseWhoActs(input, serverSide);
  const headline = stripRightNow(diagnosis.headline, clock);
  const limited = rateLimitCore(input, clock, limit, whoActs, now);
  if (limited !== null) return limited;
  const cause = diagnosis.branch === "connection" ? connectionCause(diagnosis.evidence.message) : null;
  if (cause !== null) return { ...cause, whoActs };
  if (plan.retryable) {
    if (serverSide) {
      const lead = branchLead(input, clock);
      const action =
        clock.tense === "past"
          ? "it has likely passed, so a retry now should work"
          : diagnosis.evidence.surface === "claude-code"
            ? "let Claude Code's own retries run, then send the prompt again"
            : `retry with backoff${budgetPhrase(input)}`;
      return { summary: `${lead}; ${action}.`, whoActs, retry: "now", retryAt: null, retryWhen: null };
    }
    return { summary: headline, whoActs, retry: "now", retryAt: null, retryWhen: null };
  }
  const retryableBranch = serverSide || diagnosis.card.retry === "yes";
  if (retryableBranch && plan.resumeAt === null && diagnosis.evidence.shouldRetry !== false) {
    // The client already spent its attempts: another burst now would fail the same way.
    // The headline's first sentence says what happened; its advice is replaced by the pause.
    const lead = serverSide
      ? branchLead(input, clock)
      : (headline.split(". ")[0] ?? headline).replace(/\.$/, "");
    const { attempts, surface } = diagnosis.evidence;
    const tried =
      attempts === null
        ? `${clientName(surface)} already retried and gave up`
        : `${clientName(surface)} already made ${attempts.seen} attempts and gave up`;
    const action =
      clock.tense === "past"
        ? "it has likely passed, so a retry now should work"
        : `${tried.startsWith("The ") ? `t${tried.slice(1)}` : tried}, so pause a few minutes before sending it again`;
    return {
      summary: `${lead}; ${action}.`,
      whoActs,
      retry: clock.tense === "past" ? "now" : "later",
      retryAt: null,
      retryWhen:
        clock.tense === "past"
          ? null
          : "after a pause of a few minutes, or once the status page shows recovery",
    };
  }
  if (plan.resumeAt !== null) {
    if (Date.parse(plan.resumeAt) <= now.getTime()) {
      return {
        summary: `${headline} The time it named, ${formatInstant(plan.resumeAt)}, has passed: send one request to check.`,
        whoActs,
        retry: "now",
        retryAt: null,
        retryWhen: null,
      };
    }
    return {
      summary: headline,
      whoActs,
      retry: "later",
      retryAt: new Date(plan.resumeAt).toISOString(),
      retryWhen: null,
    };
  }
  if (diagnosis.card.retry === "after-reset") {
    return {
      summary: headline,
      whoActs,
      retry: "later",
      retryAt: null,
      retryWhen: "when the plan's usage window resets",
    };
  }
  return { summary: headline, whoActs, retry: "no", retryAt: null, retryWhen: null };
}

/**
 * A rate limit the paste names: which one and its value lead the summary, and a retry waits for its
 * window (or the reset the headers give) unless the server's retry-after already paces the plan.
 */
function rateLimitCore(
  input: VerdictInput,
  clock: Clock,
  limit: VerdictLimit | null,
  whoActs: WhoActs[],
  now: Date,
): Core | null {
  const { diagnosis, plan } = input;
  if (limit === null || diagnosis.branch !== "rate_limit" || diagnosis.variant === "server_throttle")
    return null;
  const owner =
    diagnosis.variant === "cloud_quota"
      ? (routeName(diagnosis.evidence.route) ?? "The platform")
      : "Your organisation";
  const lead = `${owner} hit ${describeLimit(limit)}`;
  if (clock.tense === "past") {
    return {
      summary: `${lead} at ${formatInstant(clock.occurredAt ?? "")}; that window has long refilled, so a retry now should work.`,
      whoActs,
      retry: "now",
      retryAt: null,
      retryWhen: null,
    };
  }
  if (plan.retryable && plan.retryAfterMs !== null) {
    return {
      summary: `${lead}; retry no sooner than the retry-after it sent (${formatDuration(plan.retryAfterMs)}), and lower the ${limit.kind.replace("-", " ")} you send per ${limit.per}.`,
      whoActs,
      retry: "now",
      retryAt: null,
      retryWhen: null,
    };
  }
  const reset = limit.resetAt !== null && Date.parse(limit.resetAt) > now.getTime() ? limit.resetAt : null;
  const retryAt =
    reset ??
    new Date(Math.max(clock.at, now.getTime() - WINDOW_MS[limit.per]) + WINDOW_MS[limit.per]).toISOString();
  const why =
    reset !== null
      ? "the headers give its reset"
      : `the paste shows no retry-after, and a per-${limit.per} window refills within ${formatDuration(WINDOW_MS[limit.per])}`;
  return {
    summary: `${lead}; ${why}, so retry after ${formatInstant(retryAt)} and lower the ${limit.kind.replace("-", " ")} you send per ${limit.per}.`,
    whoActs,
    retry: "later",
    retryAt,
    retryWhen: null,
  };
}

// The cause a generic connection error's message names, with the fix for that cause. DNS, TLS and proxy
// failures are the classifier's own variants; these are the ones left in a bare "connection error".
const CONNECTION_CAUSES: readonly { pattern: RegExp; core: Omit<Core, "whoActs"> }[] = [
  {
    pattern: /\bECONNREFUSED\b/,
    core: {
      summary:
        "The connection was refused (ECONNREFUSED): nothing answers at that address and port, so check the base URL, the port and any local proxy; retrying the same address will not help.",
      retry: "no",
      retryAt: null,
      retryWhen: null,
    },
  },
  {
    pattern: /\bECONNRESET\b|\bsocket hang up\b/i,
    core: {
      summary:
        "The connection was reset mid-request (ECONNRESET), often by a proxy or an idle timeout on the way; retry with backoff, and check proxies that cut long requests if it repeats.",
      retry: "now",
      retryAt: null,
      retryWhen: null,
    },
  },
  {
    pattern: /\bETIMEDOUT\b|\bConnectTimeoutError\b/,
    core: {
      summary:
        "The connection timed out before the API answered (ETIMEDOUT): retry with backoff, and check the network path (VPN, firewall, proxy) if it repeats.",
      retry: "now",
      retryAt: null,
      retryWhen: null,
    },
  },
];

function connectionCause(message: string | null): Omit<Core, "whoActs"> | null {
  if (message === null) return null;
  return CONNECTION_CAUSES.find((cause) => cause.pattern.test(message))?.core ?? null;
}

/** The classifier's headline speaks of the present; an old error is told in the past. */
function stripRightNow(headline: string, clock: Clock): string {
  if (clock.tense !== "past") return headline;
  return headline
    .replace(/ right now,?/g, "")
    .replace(/\bis overloaded\b/g, "was overloaded")
    .replace(/\bClaude is\b/g, "Claude was");
}

/** "It's them": an incident on the error's path explains a server-side failure. */
function incidentCore(input: VerdictInput, clock: Clock, incident: VerdictIncident, owner: string): Core {
  const who: WhoActs[] = isPlatformRoute(input.diagnosis.evidence.route) ? ["platform"] : ["anthropic"];
  const since = formatInstant(incident.startedAt);
  const name = `"${incident.name}"`;
  if (incident.ongoing) {
    const summary =
      clock.tense === "past"
        ? `${errorPhrase(clock)} fell during ${owner}'s incident ${name}, which is still open (since ${since}); retrying will not help until it clears.`
        : `It's ${owner}'s incident: ${name}, open since ${since}; retrying will not help until it clears.`;
    return {
      summary,
      whoActs: who,
      retry: "later",
      retryAt: null,
      retryWhen: `when ${owner} resolves "${incident.name}"`,
    };
  }
  const ended = incident.resolvedAt === null ? "" : `, resolved ${formatInstant(incident.resolvedAt)}`;
  const relation =
    incident.relation === "during"
      ? "fell during"
      : incident.relation === "shortly-before"
        ? "came just after"
        : "came just before";
  return {
    summary: `${errorPhrase(clock)} ${relation} ${owner}'s incident ${name} (since ${since}${ended}); it is over, so a retry now should work.`,
    whoActs: who,
    retry: "now",
    retryAt: null,
    retryWhen: null,
  };
}

function outageCore(input: VerdictInput, componentName: string, owner: string): Core {
  return {
    summary: `${componentName} is in a major outage on ${owner}'s status page; retrying will not help until it recovers.`,
    whoActs: isPlatformRoute(input.diagnosis.evidence.route) ? ["platform"] : ["anthropic"],
    retry: "later",
    retryAt: null,
    retryWhen: `when ${componentName} is back to operational`,
  };
}

function statusNoteFor(
  status: StatusContext | null,
  state: StatusState,
  input: VerdictInput,
  match: ReturnType<typeof matchIncident>,
  pageUrl: string,
): string | null {
  if (status === null) return null;
  const { route } = input.diagnosis.evidence;
  const platform = isPlatformRoute(route) ? routeName(route) : null;
  if (state === "unreadable") {
    return `The status page could not be read, so nothing here is known about a current incident; open ${pageUrl} in your browser.`;
  }
  const asOf =
    state === "stale" && status.checkedAt !== null
      ? ` (as last read at ${formatInstant(status.checkedAt)}; the page has not answered since)`
      : "";
  if (match !== null) {
    const context = platform !== null ? ` It is context only: the request went through ${platform}.` : "";
    return `Status page${asOf}: "${match.incident.name}" ${match.ongoing ? "is open" : "is resolved"}.${context}`;
  }
  const elsewhere = status.correlatedIncidents[0] ?? status.activeIncidents[0];
  if (platform !== null) {
    return `Anthropic's page${asOf} does not cover ${platform}; its own status page answers for this path.`;
  }
  if (elsewhere !== undefined) {
    return `Status page${asOf}: "${elsewhere.name}" is on ${elsewhere.components.join(", ") || "another component"}, not on this error's path; it is not the answer here.`;
  }
  return `The status page${asOf} shows no incident on this error's path; a green page narrows the cause but does not clear it.`;
}

/**
 * The one answer for a diagnosis: who acts, whether and when to retry, the incident it rests on, in the
 * tense of the error's time and the words of the client it came from.
 */
export function buildVerdict(input: VerdictInput): Verdict {
  const { diagnosis, status, now } = input;
  const { evidence, branch, variant } = diagnosis;
  const { surface, route } = evidence;
  const clock = readClock(evidence.occurredAt, now);
  const state = statusState(status);
  const serverSide = isServerSide(branch, variant, evidence.status);
  const pageUrl = status?.pageUrl ?? CLAUDE_STATUS_PAGE_URL;
  const platform = isPlatformRoute(route);
  const owner = "Anthropic";

  const limit = branch === "rate_limit" || branch === "billing" ? readLimit(evidence) : null;
  const match = matchIncident(status, state, clock, surface, route);
  const outage = clock.tense === "current" ? outageComponent(status, state, surface, route) : null;
  const incident = match === null ? null : incidentView(match);

  let core: Core;
  if (serverSide && incident !== null && !platform) core = incidentCore(input, clock, incident, owner);
  else if (serverSide && outage !== null && !platform) core = outageCore(input, outage.name, owner);
  else core = branchCore(input, clock, serverSide, limit, now);

  if (state === "stale" && status?.checkedAt != null && (incident?.ongoing === true || outage !== null)) {
    // The page stopped answering: what it said is dated, never passed off as the present.
    core = {
      ...core,
      summary: core.summary.replace(
        /\.$/,
        ` (as the status page said at ${formatInstant(status.checkedAt)}).`,
      ),
    };
  }
  const pages: StatusPageLink[] = statusPagesFor(route, pageUrl);
  const guidance = clientGuidance({
    branch,
    variant,
    surface,
    route,
    retry: core.retry,
    serverSide,
    firstMove: diagnosis.card.firstMove,
  });
  const changesIf = changesIfFor(core, serverSide, state, incident, platform);
  const doNow = dedupe([
    ...(limit !== null ? limitAdvice(limit, evidence) : []),
    ...guidance,
    ...(serverSide ? [watchAdvice(route, pages, incident)] : []),
    ...(state === "unreadable" ? [`Open ${pageUrl} in your browser to see the status for yourself.`] : []),
  ]);

  const outageLoud =
    outage !== null || (incident !== null && incident.ongoing && incident.impact === "critical");
  return {
    summary: core.summary,
    whoActs: core.whoActs,
    retry: core.retry,
    retryAt: core.retryAt,
    retryWhen: core.retryWhen,
    incident,
    tense: clock.tense,
    occurredAt: clock.occurredAt,
    outage: clock.tense === "current" && outageLoud && !platform,
    doNow: doNow.length > 0 ? doNow : [diagnosis.card.firstMove],
    changesIf,
    statusNote: statusNoteFor(status, state, input, match, pageUrl),
    timeNote: clock.timeNote,
    statusPages: pages,
    limit,
  };
}

function changesIfFor(
  core: Core,
  serverSide: boolean,
  state: StatusState,
  incident: VerdictIncident | null,
  platform: boolean,
): string[] {
  const out: string[] = [];
  if (incident?.ongoing) out.push(`"${incident.name}" is resolved: retry then.`);
  if (serverSide && incident === null && !platform)
    out.push(
      "An incident is posted for the component this error went through: then it is Anthropic's to fix.",
    );
  if (serverSide && core.retry === "now")
    out.push(
      "The same error keeps coming back after the retries: lower concurrency, try another model, and check your side.",
    );
  if (state === "unreadable")
    out.push("The status page answers again: the incident picture may change this answer.");
  return out;
}

/** What to do about a named limit, and how to see the retry-after a log or traceback leaves out. */
function limitAdvice(limit: VerdictLimit, evidence: VerdictInput["diagnosis"]["evidence"]): string[] {
  const what = limit.kind.replace("-", " ");
  const out = [
    limit.kind === "requests"
      ? `Spread requests so no ${limit.per} sends more than ${limit.value?.toLocaleString("en-US") ?? "the limit"}: lower concurrency or queue them.`
      : `Send fewer ${what} per ${limit.per}: trim or cache the prompt${limit.kind === "output-tokens" ? ", lower max_tokens" : ""}, or spread requests over the ${limit.per}.`,
  ];
  if (
    evidence.retryAfterMs === null &&
    Object.keys(evidence.rateLimit).length === 0 &&
    evidence.surface !== "claude-code"
  ) {
    out.push(
      "This paste has no response headers: the API's retry-after and anthropic-ratelimit-* headers are on the error's response (Python: e.response.headers; TypeScript: err.headers); log them to see when the limit resets.",
    );
  }
  return out;
}
