import { z } from "zod";

// What Claude Code sends a StopFailure hook on standard input (Hooks reference, "StopFailure input" and
// "Common input fields": https://code.claude.com/docs/en/hooks#stopfailure). `error` is one of the values
// below, `error_details` and `last_assistant_message` (the rendered error text, e.g. "API Error: Rate limit
// reached") are optional. Newer Claude Code versions may add values and fields: nothing here rejects them.

/** The `error` values the Hooks reference lists for StopFailure (also its matcher values). */
export const STOP_FAILURE_ERRORS = [
  "rate_limit",
  "overloaded",
  "authentication_failed",
  "oauth_org_not_allowed",
  "billing_error",
  "invalid_request",
  "model_not_found",
  "server_error",
  "max_output_tokens",
  "unknown",
] as const;
export type StopFailureError = (typeof STOP_FAILURE_ERRORS)[number];

export function isStopFailureError(value: string): value is StopFailureError {
  return (STOP_FAILURE_ERRORS as readonly string[]).includes(value);
}

// Each field is checked by hand below (a wrong type drops that field, not the payload), so zod only has to say
// "an object": a looseObject keeps fields a newer Claude Code adds.
const inputSchema = z.looseObject({
  hook_event_name: z.unknown().optional(),
  session_id: z.unknown().optional(),
  transcript_path: z.unknown().optional(),
  cwd: z.unknown().optional(),
  error: z.unknown().optional(),
  error_details: z.unknown().optional(),
  last_assistant_message: z.unknown().optional(),
});

/** The hook input as the hook uses it: every field optional, each either a usable string or null. */
export type StopFailureInput = {
  event: string | null;
  sessionId: string | null;
  transcriptPath: string | null;
  cwd: string | null;
  /** The `error` value as sent (a value this version does not know is kept, and reads as "unknown"). */
  error: string | null;
  knownError: StopFailureError;
  errorDetails: string | null;
  lastAssistantMessage: string | null;
  /** Why the input could not be read as a StopFailure payload; null when it could. */
  problem: string | null;
};

const EMPTY: Omit<StopFailureInput, "problem"> = {
  event: null,
  sessionId: null,
  transcriptPath: null,
  cwd: null,
  error: null,
  knownError: "unknown",
  errorDetails: null,
  lastAssistantMessage: null,
};

// A field longer than this is not something Claude Code sends; it is cut rather than carried through.
const MAX_FIELD_CHARS = 64 * 1024;

function text(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed.length === 0 ? null : trimmed.slice(0, MAX_FIELD_CHARS);
  }
  // error_details is documented as "additional details"; a structured value is kept as its JSON.
  if (value !== null && typeof value === "object") {
    try {
      return JSON.stringify(value).slice(0, MAX_FIELD_CHARS);
    } catch {
      return null;
    }
  }
  if (typeof value === "number") return String(value);
  return null;
}

function pathLike(value: unknown): string | null {
  const candidate = typeof value === "string" ? text(value) : null;
  return candidate !== null && !candidate.includes("\u0000") ? candidate : null;
}

/** Reads the hook's standard input. Never throws: empty, garbage or foreign input comes back with `problem`. */
export function parseStopFailureInput(raw: string): StopFailureInput {
  if (raw.trim().length === 0) return { ...EMPTY, problem: "the hook received no input" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ...EMPTY, problem: "the hook input is not JSON" };
  }
  const parsed = inputSchema.safeParse(json);
  if (!parsed.success) return { ...EMPTY, problem: "the hook input is not a JSON object" };
  const data = parsed.data;
  const error = text(data.error);
  const event = text(data.hook_event_name);
  return {
    event,
    sessionId: text(data.session_id),
    transcriptPath: pathLike(data.transcript_path),
    cwd: pathLike(data.cwd),
    error,
    knownError: error !== null && isStopFailureError(error) ? error : "unknown",
    errorDetails: text(data.error_details),
    lastAssistantMessage: text(data.last_assistant_message),
    problem:
      event !== null && event !== "StopFailure" ? `the hook was run for ${event}, not StopFailure` : null,
  };
}
