import type { BranchId } from "../diagnosis";
import { redact } from "../redact";
import type { DiagnosisReport } from "../report";
import { formatInstant } from "../retry";
import type { StopFailureError } from "./payload";

// The advice is worded in Claude Code's own commands and phrases, as its error reference uses them
// (https://code.claude.com/docs/en/errors): it has already retried transient failures up to 10 times before a
// turn ends; "try again" resends the last message; /model switches model (capacity is per model); /usage
// shows plan limits and resets; /status shows the active credential; /login signs in again; /compact and
// /clear shrink the context; /feedback reports an error with its request details.

const ADVICE: Record<BranchId, string> = {
  overloaded:
    "Claude Code already retried. Type `try again` in a few minutes, or run /model to switch model (capacity is per model).",
  api_error:
    "Claude Code already retried. Wait a minute and type `try again`; if it persists with no incident posted, run /feedback.",
  rate_limit:
    "Claude Code already retried. Wait, then type `try again`; run /status to check the active credential (a stray ANTHROPIC_API_KEY routes through a low-tier key) and lower parallel subagents.",
  subscription_limit:
    "Waiting is the fix: run /usage for the reset time; for a per-model (Opus) limit run /model to keep working.",
  billing:
    "Do not retry: run /status and check the API key row (unset a stray ANTHROPIC_API_KEY to use your subscription), or add credits in the Console.",
  timeout:
    "Type `try again`; split the work into smaller prompts, and raise API_TIMEOUT_MS on a slow network or proxy.",
  connection:
    "Check the network, proxy or VPN (NODE_EXTRA_CA_CERTS for a TLS-inspecting proxy), then type `try again`.",
  invalid_request:
    "Resending the same request fails the same way: run /compact or /clear, or undo the last change to settings, then try again.",
  context_window: "Run /compact (or /clear), then type `try again`.",
  request_too_large: "Remove the large file, image or PDF from the conversation (or /clear), then try again.",
  authentication:
    "Do not retry: run /login (or fix ANTHROPIC_API_KEY / apiKeyHelper), then type `try again`.",
  permission:
    "Do not retry: run /status to see which account and organisation are in use; the organisation's admin has to grant access.",
  not_found: "Run /model and pick a model this account can use, then type `try again`.",
  unknown: "Type `try again` once; if the same error comes back, run /feedback and attach the packet below.",
};

/** The recovery branch Claude Code's own `error` value points to, used when the text alone decides nothing. */
export const BRANCH_FOR_ERROR: Record<StopFailureError, BranchId> = {
  rate_limit: "rate_limit",
  overloaded: "overloaded",
  authentication_failed: "authentication",
  oauth_org_not_allowed: "permission",
  billing_error: "billing",
  invalid_request: "invalid_request",
  model_not_found: "not_found",
  server_error: "api_error",
  max_output_tokens: "unknown",
  unknown: "unknown",
};

const MAX_OUTPUT_TOKENS_ADVICE =
  "The reply hit its output-token limit: ask for a shorter answer or for the work in parts, then type `continue`.";

/** When to retry, from the report's verdict (lib/verdict): now, later (from a time or an event), or no. */
function retryWords(report: DiagnosisReport): string {
  const { verdict } = report;
  if (verdict.retry === "no") return "Retry: no.";
  if (verdict.retry === "now") return "Retry: now.";
  if (verdict.retryAt !== null) return `Retry: not before ${formatInstant(verdict.retryAt)}.`;
  return verdict.retryWhen === null ? "Retry: later." : `Retry: ${verdict.retryWhen}.`;
}

/** The incident the verdict rests on, or what the status page said when there is none. */
function incidentWords(report: DiagnosisReport): string | null {
  const { incident } = report.verdict;
  if (incident !== null) {
    return `Incident: "${incident.name}" (${incident.impact}, ${incident.ongoing ? "ongoing" : "resolved"}) ${incident.url}.`;
  }
  const context = report.statusContext;
  if (context === null) return null;
  if (context.source === "unavailable") return "Status page: could not be read.";
  return `Status page: ${context.description}, no incident near the error.`;
}

/**
 * The retry advice in Claude Code's terms: the verdict's first step when it already speaks to Claude Code (it
 * does for errors it recognises as Claude Code's), otherwise this branch's line above.
 */
function adviceFor(report: DiagnosisReport | null, branch: BranchId, knownError: StopFailureError): string {
  if (knownError === "max_output_tokens") return MAX_OUTPUT_TOKENS_ADVICE;
  const first = report?.verdict.doNow[0];
  if (report !== null && report.evidence.surface === "claude-code" && first !== undefined) return first;
  return ADVICE[branch];
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]+/g;

const flatten = (text: string) => text.replace(CONTROL_CHARS, " ").replace(/ {2,}/g, " ").trim();

/** One line, no control characters, nothing secret. */
export function oneLine(text: string, maxChars = 900): string {
  const flat = flatten(redact(text).text);
  return flat.length > maxChars ? `${flat.slice(0, maxChars - 1)}…` : flat;
}

export type HookLineInput = {
  report: DiagnosisReport | null;
  /** The branch the line names: the classifier's, or the one Claude Code's `error` value points to. */
  branch: BranchId;
  claudeCodeError: string | null;
  knownError: StopFailureError;
  requestId: string | null;
  packetPath: string | null;
  /** Said when part of the work could not be done (no transcript, no input). */
  notes: readonly string[];
};

/** The one line Claude Code is given as `systemMessage`: verdict, retry advice in its terms, incident, packet. */
export function hookLine(input: HookLineInput): string {
  const { report, branch } = input;
  const variant =
    report !== null && report.branch === branch && report.variant !== null ? `:${report.variant}` : "";
  const parts = [`Claude Error Triage [${branch}${variant}]`];
  // The report speaks for the line only when it decided the branch; when the text settled nothing and the branch
  // comes from Claude Code's own `error` value, its "unknown" verdict would contradict the branch named.
  const decided = report !== null && report.branch === branch ? report : null;
  if (decided !== null) {
    const summary = decided.verdict.summary;
    parts.push(summary.endsWith(".") ? summary : `${summary}.`);
    parts.push(retryWords(decided));
  } else if (input.claudeCodeError !== null) {
    parts.push(
      `Claude Code stopped on an API error (${input.claudeCodeError})${report === null ? "" : "; its text alone did not settle the branch"}.`,
    );
  } else {
    parts.push("Claude Code stopped on an API error.");
  }
  parts.push(adviceFor(decided, branch, input.knownError));
  const incident = report === null ? null : incidentWords(report);
  if (incident !== null) parts.push(incident);
  if (input.requestId !== null) parts.push(`Request id: ${input.requestId}.`);
  for (const note of input.notes) parts.push(`(${note})`);
  // The packet's path is ours (project folder, time, request id): redaction would only mangle it.
  const packet = input.packetPath === null ? "" : ` Support packet: ${flatten(input.packetPath)}`;
  return `${oneLine(parts.join(" "))}${packet}`;
}

/** A short notification for the terminal: branch and the first clause of the verdict. */
export function notificationText(line: string): string {
  return line.replace(/^Claude Error Triage /, "").slice(0, 180);
}
