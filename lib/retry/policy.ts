import { isRetryableStatus, type RetryFacts } from "./facts";
import { formatInstant } from "./format";
import type { ResumeReading } from "./resume-at";
import type { RetryContext } from "./schema";

// Per-branch retry policy. Sources: ../shared/reference/claude-errors.md §1, §3, §4, §9 and the corpus README.

/** A branch's verdict before the schedule is built. */
export type BranchDecision =
  | { retry: false; reason: string; stopRule: string; resumeAt: string | null }
  | {
      retry: true;
      reason: string;
      /** What to do once the schedule is spent. */
      afterStop: string;
      /** Multiplies the context's base delay: overload and unpaced 429s need longer first waits. */
      baseFactor: number;
      /** At most this many attempts, the first included. */
      attemptsCap: number | null;
      /** No wait shorter than this, when the server gave no retry-after but the error names a window. */
      floorMs?: number;
    };

const STATUS_PAGE = "check status.claude.com";

/** The verdict for the diagnosis' branch and variant, before x-should-retry, retry-after and attempts seen. */
export function decideForBranch(facts: RetryFacts, context: RetryContext): BranchDecision {
  switch (facts.branch) {
    case "api_error":
      return retry(
        "A 5xx api_error is an unexpected failure on the server side and usually brief, so a retry with backoff is worth making.",
        `${STATUS_PAGE} and quote the request id to support if it persists`,
      );
    case "overloaded":
      return retry(
        "Overloaded (529) means the API is busy for everyone, not that you hit a quota, so back off and retry.",
        `lower your concurrency (fewer requests in flight), ${STATUS_PAGE}, and, as a deliberate choice rather than an automatic fallback, send the work to another model if its output and cost suit the task`,
        { baseFactor: 2 },
      );
    case "timeout":
      return retry(
        "A timeout usually passes, so another attempt is worth making; a request that keeps timing out needs streaming or a longer client timeout instead.",
        `stream long outputs, raise the client timeout (timeout= in the SDKs, API_TIMEOUT_MS in Claude Code) and ${STATUS_PAGE}`,
        { attemptsCap: context.mode === "interactive" ? 2 : null },
      );
    case "connection":
      return connection(facts);
    case "rate_limit":
      if (facts.resume !== null)
        return untilReset(facts, facts.resume, "This 429 names a reset time; requests fail until then.", "");
      if (facts.retryAfterMs === null && facts.limitWindowMs !== null) return overWindow(facts, context);
      return retry(
        facts.retryAfterMs === null
          ? "A 429 rate limit clears as your token bucket refills, so retry with longer backoff; no retry-after was shown."
          : "A 429 rate limit clears as your token bucket refills, so retry, never before the server's retry-after.",
        "lower concurrency or prompt size, read the anthropic-ratelimit-* headers to see which limit you hit, and ask for a higher tier if the load is steady",
        { baseFactor: facts.retryAfterMs === null ? 2 : 1 },
      );
    case "subscription_limit":
      return facts.resume === null
        ? stop(
            "A Claude plan limit (session, weekly or extra usage) does not clear by retrying; it resets at a fixed time.",
            "Do not retry until the limit resets (Claude Code's /status shows when) or extra usage is turned on; switching to an API key is the other way out.",
          )
        : untilReset(
            facts,
            facts.resume,
            "A Claude plan limit (session, weekly or extra usage) does not clear by retrying; it resets at a fixed time.",
            " Turning on extra usage or switching to an API key is the other way out.",
          );
    case "billing":
      return billing(facts);
    case "invalid_request":
      return clientError(
        facts,
        "The request itself is rejected; resent unchanged it fails the same way.",
        "Do not retry; fix the payload first (the message names the field).",
      );
    case "context_window":
      return clientError(
        facts,
        "The prompt is over the model's context window; the same request fails every time.",
        "Do not retry; trim or compact the history, count tokens, or lower max_tokens.",
      );
    case "request_too_large":
      return clientError(
        facts,
        "The request body is over the byte limit (32 MB for Messages); the same body fails every time.",
        "Do not retry; shrink the payload (resize or drop images and PDFs, or use the Files API).",
      );
    case "authentication":
      return clientError(
        facts,
        "The credential is rejected; waiting cannot fix a key or a token.",
        "Do not retry; check which credential is active, then create a new key or log in again (/login in Claude Code).",
      );
    case "permission":
      return clientError(
        facts,
        "The credential lacks access to this organisation, workspace or model; retries get the same answer.",
        "Do not retry; ask an admin to grant access or use a credential that has it.",
      );
    case "not_found":
      return clientError(
        facts,
        "The endpoint, model id or resource does not exist for this credential; retries get the same answer.",
        "Do not retry; check the model id spelling and region, and the endpoint path.",
      );
    case "unknown":
      return unknown(facts, context);
  }
}

function retry(
  reason: string,
  afterStop: string,
  tuning: { baseFactor?: number; attemptsCap?: number | null } = {},
): BranchDecision {
  return {
    retry: true,
    reason,
    afterStop,
    baseFactor: tuning.baseFactor ?? 1,
    attemptsCap: tuning.attemptsCap ?? null,
  };
}

/**
 * A 429 that names a per-minute (or longer) limit and shows no retry-after: the bucket refills over that
 * window, so seconds of backoff only fail again. A person comes back when the window has passed; a job
 * spreads its attempts over it.
 */
function overWindow(facts: RetryFacts, context: RetryContext): BranchDecision {
  const windowMs = facts.limitWindowMs ?? 60_000;
  const reason = `This 429 names a limit per ${windowMs >= 86_400_000 ? "day" : windowMs >= 3_600_000 ? "hour" : "minute"} and shows no retry-after; the limit refills over that window, so a few seconds of backoff only fail again.`;
  if (context.mode === "interactive") {
    const resumeAt = new Date(facts.reference.ms + windowMs).toISOString();
    return stop(
      reason,
      `Do not retry before ${formatInstant(resumeAt)}, when the window has refilled; then lower the tokens or requests sent per window, or log the response's retry-after header to wait exactly as long as the server asks.`,
      resumeAt,
    );
  }
  return {
    ...(retry(
      reason,
      "lower the tokens or requests sent per window, read the anthropic-ratelimit-* headers to see which limit you hit, and ask for a higher tier if the load is steady",
      { baseFactor: 2 },
    ) as Extract<BranchDecision, { retry: true }>),
    floorMs: Math.min(windowMs / 2, 30_000),
  };
}

function stop(reason: string, stopRule: string, resumeAt: string | null = null): BranchDecision {
  return { retry: false, reason, stopRule, resumeAt };
}

/** "Do not retry until …" with the zone the time was read in; an old paste whose reset has passed says so. */
function untilReset(facts: RetryFacts, resume: ResumeReading, reason: string, extra: string): BranchDecision {
  const when = formatInstant(resume.at);
  if (Date.parse(resume.at) <= facts.reference.ms) {
    // An old paste: the reset it names is already behind the error's time (or now, when that is unknown).
    return stop(
      reason,
      `The reset time in the message, ${when}, has already passed: send one request by hand to check before any retry loop runs again.${extra}`,
      resume.at,
    );
  }
  const zoneNote = resume.localTimeAssumed
    ? " (the message gave a local time without a zone; it is read in the offset of the error's timestamp, UTC when it shows none, so check it against your clock)"
    : resume.zone !== null && resume.zone !== "UTC"
      ? ` (${resume.zone} time in the message)`
      : "";
  return stop(
    reason,
    `Do not retry until ${when}${zoneNote}; stop every retry loop on this error, the SDKs' own included (max_retries=0).${extra}`,
    resume.at,
  );
}

const CONNECTION_FIXED: Readonly<Record<string, { reason: string; stopRule: string }>> = {
  tls: {
    reason:
      "A TLS certificate failure (often a proxy intercepting TLS) fails the same way every time; waiting cannot fix a certificate.",
    stopRule:
      "Do not retry; install the proxy's CA certificate (NODE_EXTRA_CA_CERTS for Node, SSL_CERT_FILE for Python) and never turn certificate checks off.",
  },
  dns: {
    reason:
      "The host name does not resolve; a wrong base URL or a missing region (bedrock-runtime.undefined...) fails the same way every time, and waiting cannot add a region.",
    stopRule:
      "Do not retry; check the base URL and the configured region, then retry once the name resolves (nslookup the host).",
  },
  proxy: {
    reason:
      "A proxy is refusing the connection or asking for credentials; it answers the same way until its configuration changes.",
    stopRule:
      "Do not retry; check HTTPS_PROXY and the proxy's credentials, then test with curl -I https://api.anthropic.com.",
  },
};

function connection(facts: RetryFacts): BranchDecision {
  const fixed = facts.variant === null ? undefined : CONNECTION_FIXED[facts.variant];
  if (fixed !== undefined) return stop(fixed.reason, fixed.stopRule);
  return retry(
    "No response came back (the connection failed or dropped), which is often momentary, so retry with backoff.",
    "check the network path (curl -I https://api.anthropic.com, VPN, proxy, DNS)",
  );
}

function billing(facts: RetryFacts): BranchDecision {
  const tierCap = facts.variant === "tier_cap";
  const reason = tierCap
    ? "Your organisation's tier monthly spend cap is reached (enforced_spend_limit_reached); every request fails until access returns."
    : facts.variant === "spend_limit"
      ? "The spend limit set for your organisation or workspace is reached; requests fail until it resets or is raised."
      : facts.variant === "credits"
        ? "The prepaid credit balance is too low; no request succeeds until credits are added."
        : "A billing problem blocks every request until it is fixed in the Console.";
  const futile = tierCap
    ? " The Python and TypeScript SDKs retry this 429 anyway, which only repeats the failure."
    : "";
  if (facts.resume !== null) {
    const raise = tierCap
      ? " Raising your usage tier lifts it sooner."
      : " Raising the limit in the Console lifts it sooner.";
    return untilReset(facts, facts.resume, reason, `${raise}${futile}`);
  }
  if (facts.variant === "credits") {
    return stop(
      reason,
      "Do not retry until credits are added (Console, Plans & Billing); then send one request to confirm.",
    );
  }
  if (facts.variant === "spend_limit") {
    return stop(
      reason,
      "Do not retry until the limit resets or is raised in the Console (Settings, Limits); then send one request to confirm.",
    );
  }
  if (tierCap) {
    return stop(
      reason,
      `Do not retry until the cap resets at the start of next month (UTC) or your tier is raised.${futile}`,
    );
  }
  return stop(
    reason,
    "Do not retry until billing is fixed in the Console (payment method, credits, spend limits); then send one request to confirm.",
  );
}

function clientError(facts: RetryFacts, reason: string, stopRule: string): BranchDecision {
  // 408, 409 and 429 are retryable by nature whatever the wording (timeout, conflict, throttle).
  if (facts.status === 408 || facts.status === 409 || facts.status === 429) {
    return retry(
      `Status ${facts.status} is retryable by nature (${STATUS_MEANING[facts.status]}), so a retry with backoff is worth making.`,
      "fix the request if the same status keeps coming back",
    );
  }
  return stop(reason, stopRule);
}

const STATUS_MEANING: Readonly<Record<number, string>> = {
  408: "the server timed out waiting for the request",
  409: "a conflicting change was in progress",
  429: "a throttle",
};

function unknown(facts: RetryFacts, context: RetryContext): BranchDecision {
  const background = context.mode === "background";
  if (isRetryableStatus(facts.status) || (facts.status === null && facts.shouldRetry === true)) {
    const shown = facts.status === null ? "the server's x-should-retry: true" : `status ${facts.status}`;
    return retry(
      `The error is not recognised, but ${shown} is retryable by nature, so retry a little and then stop.`,
      `${STATUS_PAGE} and escalate with the request id`,
      { attemptsCap: background ? 3 : 2 },
    );
  }
  return stop(
    "The error is not recognised and shows no retryable status, so a blind retry is a guess.",
    "Do not retry; read the full error (status, error.type, request id) and escalate with it.",
  );
}
