import { MAX_WAIT_MS } from "./backoff";
import { formatDuration } from "./format";
import { DEFAULT_RETRY_CONTEXT } from "./context";
import type { RetryContext, RetryPlan } from "./schema";

// Code a developer can paste, generated from a plan. The loops replace the SDKs' own retries (max_retries=0) so
// that attempts do not multiply, read retry-after the way the SDKs do (retry-after-ms first, then retry-after),
// and obey x-should-retry before the status rule (anthropic-sdk-python `_base_client.py`, -typescript `client.ts`).

/** Python and TypeScript code for a plan. */
export interface RetrySnippets {
  python: string;
  typescript: string;
}

const EXAMPLE_MODEL = "claude-sonnet-4-5";
// A person should not wait the SDK default of 10 minutes for one call; a job may.
const TIMEOUT_MS: Record<RetryContext["mode"], number> = { interactive: 120_000, background: 600_000 };

/** Client setup and a call wrapper that follows the plan; for a plan that does not retry, one that fails fast. */
export function retrySnippets(plan: RetryPlan, context: RetryContext = DEFAULT_RETRY_CONTEXT): RetrySnippets {
  const timeoutMs = TIMEOUT_MS[context.mode];
  return plan.retryable
    ? { python: pythonLoop(plan, timeoutMs), typescript: typescriptLoop(plan, timeoutMs) }
    : { python: pythonFailFast(plan, timeoutMs), typescript: typescriptFailFast(plan, timeoutMs) };
}

function pythonLoop(plan: RetryPlan, timeoutMs: number): string {
  const waits = plan.schedule.map((w) => `(${seconds(w.minDelayMs)}, ${seconds(w.maxDelayMs)})`).join(", ");
  return `${header("#", plan)}
import random
import time
from typing import Callable, TypeVar

import anthropic

T = TypeVar("T")

# The loop below does the retrying; the SDK's own retries stay off so attempts do not multiply.
client = anthropic.Anthropic(max_retries=0, timeout=${seconds(timeoutMs)})

# One (min, max) window in seconds per retry: capped exponential backoff with full jitter.
WAITS_S = [${waits}]
MAX_WAIT_S = ${seconds(MAX_WAIT_MS)}


def retry_after_s(err: anthropic.APIError) -> float:
    """The server's retry-after in seconds; 0 when absent."""
    if not isinstance(err, anthropic.APIStatusError):
        return 0.0
    headers = err.response.headers
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000
        return float(headers.get("retry-after", "0"))
    except ValueError:
        return 0.0  # an HTTP-date retry-after: read it with email.utils.parsedate_to_datetime


def should_retry(err: anthropic.APIError) -> bool:
    if isinstance(err, anthropic.APIConnectionError):
        return True
    if not isinstance(err, anthropic.APIStatusError):
        return False
    flag = err.response.headers.get("x-should-retry")
    if flag in ("true", "false"):
        return flag == "true"
    return err.status_code in (408, 409, 429) or err.status_code >= 500


def with_retry(call: Callable[[], T]) -> T:
    attempt = 1
    while True:
        try:
            return call()
        except anthropic.APIError as err:
            # Stop rule: out of windows, or an error that is not retryable.
            if attempt > len(WAITS_S) or not should_retry(err):
                raise
            low, high = WAITS_S[attempt - 1]
            shift = max(0.0, retry_after_s(err) - low)  # never before retry-after
            low, high = low + shift, min(MAX_WAIT_S, high + shift)
            if low >= MAX_WAIT_S:
                raise
            time.sleep(random.uniform(low, high))  # full jitter
            attempt += 1


def ask(prompt: str) -> anthropic.types.Message:
    return with_retry(
        lambda: client.messages.create(
            model=${JSON.stringify(EXAMPLE_MODEL)},
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        )
    )
`;
}

function typescriptLoop(plan: RetryPlan, timeoutMs: number): string {
  const waits = plan.schedule.map((w) => `[${w.minDelayMs}, ${w.maxDelayMs}]`).join(", ");
  return `${header("//", plan)}
import Anthropic, { APIConnectionError, APIError } from "@anthropic-ai/sdk";

// The loop below does the retrying; the SDK's own retries stay off so attempts do not multiply.
const client = new Anthropic({ maxRetries: 0, timeout: ${timeoutMs} });

// One [min, max] window in milliseconds per retry: capped exponential backoff with full jitter.
const WAITS_MS: ReadonlyArray<readonly [number, number]> = [${waits}];
const MAX_WAIT_MS = ${MAX_WAIT_MS};

function retryAfterMs(err: APIError): number {
  const ms = Number(err.headers?.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms)) return Math.max(0, ms);
  const value = err.headers?.get("retry-after") ?? "";
  const secondsValue = Number(value);
  if (value !== "" && Number.isFinite(secondsValue)) return Math.max(0, secondsValue * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 0;
}

function shouldRetry(err: APIError): boolean {
  if (err instanceof APIConnectionError) return true;
  const flag = err.headers?.get("x-should-retry");
  if (flag === "true" || flag === "false") return flag === "true";
  const status = err.status;
  return status !== undefined && (status === 408 || status === 409 || status === 429 || status >= 500);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      const window = WAITS_MS[attempt - 1];
      // Stop rule: out of windows, or an error that is not retryable.
      if (!(err instanceof APIError) || window === undefined || !shouldRetry(err)) throw err;
      const shift = Math.max(0, retryAfterMs(err) - window[0]); // never before retry-after
      const low = window[0] + shift;
      const high = Math.min(MAX_WAIT_MS, window[1] + shift);
      if (low >= MAX_WAIT_MS) throw err;
      await sleep(low + Math.random() * (high - low)); // full jitter
    }
  }
}

export function ask(prompt: string): Promise<Anthropic.Message> {
  return withRetry(() =>
    client.messages.create({
      model: ${JSON.stringify(EXAMPLE_MODEL)},
      max_tokens: 1024,
      messages: [{ role: "user", content: prompt }],
    }),
  );
}
`;
}

function pythonFailFast(plan: RetryPlan, timeoutMs: number): string {
  const resume =
    plan.resumeAt === null
      ? ""
      : `
# Access returns at this time; a call before it fails the same way.
RESUME_AT = datetime.fromisoformat(${JSON.stringify(plan.resumeAt.replace(/Z$/, "+00:00"))})
`;
  const guard =
    plan.resumeAt === null
      ? ""
      : `    if datetime.now(timezone.utc) < RESUME_AT:
        raise RuntimeError(f"Do not retry until {RESUME_AT.isoformat()}")
`;
  return `${header("#", plan)}
${plan.resumeAt === null ? "" : "from datetime import datetime, timezone\n"}from typing import Callable, TypeVar

import anthropic

T = TypeVar("T")

# Do not retry: fail fast. By default the SDK would resend retryable statuses up to 2 more times.
client = anthropic.Anthropic(max_retries=0, timeout=${seconds(timeoutMs)})
${resume}

def call_once(call: Callable[[], T]) -> T:
${guard}    try:
        return call()
    except anthropic.APIStatusError as err:
        raise RuntimeError(
            f"Claude API error {err.status_code} (request id {err.request_id}): do not retry, see the stop rule"
        ) from err


def ask(prompt: str) -> anthropic.types.Message:
    return call_once(
        lambda: client.messages.create(
            model=${JSON.stringify(EXAMPLE_MODEL)},
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        )
    )
`;
}

function typescriptFailFast(plan: RetryPlan, timeoutMs: number): string {
  const resume =
    plan.resumeAt === null
      ? ""
      : `
// Access returns at this time; a call before it fails the same way.
const RESUME_AT = Date.parse(${JSON.stringify(plan.resumeAt)});
`;
  const guard =
    plan.resumeAt === null
      ? ""
      : `  if (Date.now() < RESUME_AT) throw new Error(\`Do not retry until \${new Date(RESUME_AT).toISOString()}\`);
`;
  return `${header("//", plan)}
import Anthropic, { APIError } from "@anthropic-ai/sdk";

// Do not retry: fail fast. By default the SDK would resend retryable statuses up to 2 more times.
const client = new Anthropic({ maxRetries: 0, timeout: ${timeoutMs} });
${resume}
export async function callOnce<T>(call: () => Promise<T>): Promise<T> {
${guard}  try {
    return await call();
  } catch (err) {
    if (err instanceof APIError) {
      const id = err.requestID ?? "unknown";
      throw new Error(\`Claude API error \${err.status ?? "without status"} (request id \${id}): do not retry, see the stop rule\`, {
        cause: err,
      });
    }
    throw err;
  }
}

export function ask(prompt: string): Promise<Anthropic.Message> {
  return callOnce(() =>
    client.messages.create({
      model: ${JSON.stringify(EXAMPLE_MODEL)},
      max_tokens: 1024,
      messages: [{ role: "user", content: prompt }],
    }),
  );
}
`;
}

/** The plan in comment lines at the top of a snippet. */
function header(mark: "#" | "//", plan: RetryPlan): string {
  const lines = [
    ...wrap(`${plan.retryable ? "Retry plan" : "Do not retry"}: ${plan.reason}`),
    ...wrap(`Stop rule: ${plan.stopRule}`),
    ...wrap(`Before retrying: ${plan.idempotency}`),
  ];
  const breaker = plan.circuitBreaker;
  if (breaker !== null) {
    lines.push(
      ...wrap(
        `Circuit breaker: after ${breaker.failureThreshold} failures within ${formatDuration(breaker.windowMs)} on this route, stop sending for ${formatDuration(breaker.probeAfterMs)}, then let one probe through.`,
      ),
    );
  }
  return lines.map((line) => `${mark} ${line}`).join("\n");
}

/** Words wrapped at 100 columns, with line breaks in the text flattened so a comment cannot end early. */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (word === "") continue;
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s}.0` : String(s);
}
