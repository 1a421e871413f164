import type { RetryFacts } from "./facts";
import type { RetryContext } from "./schema";

// Resuming a broken stream: DOC-STREAM "Error recovery" (../shared/reference/claude-errors.md §2).
const RESUME_STREAM =
  "The error came inside a stream after output began: keep the partial output and continue from it rather than resending the whole request (Claude 4.5 and earlier: send the partial text as the start of the assistant turn; newer models: add a user turn asking to continue); tool_use and thinking blocks cannot be resumed partially, so resend that turn.";

/** What to do before another attempt, given where the error came from and what the work does. */
export function idempotencyAdvice(facts: RetryFacts, context: RetryContext, retryable: boolean): string {
  const parts: string[] = [];
  if (facts.streaming) parts.push(RESUME_STREAM);
  const noAnswer = facts.branch === "timeout" || facts.branch === "connection";
  if (noAnswer && retryable) {
    parts.push(
      "No answer arrived, yet if the request reached the server the first attempt may still have been processed (and billed).",
    );
  }
  if (context.sideEffects) {
    parts.push(
      "Before any resend, give the job step an idempotency key (job id plus step) and check whether its side effect already happened; retry only the Claude call, not the surrounding job, and run the side effect once, after a success.",
    );
    if (facts.streaming) parts.push("Run no tool call from a partial turn until the turn completes.");
  } else if (retryable) {
    parts.push(
      "The call has no side effects of its own, so resending it is safe; turn the SDK's own retries off (max_retries=0) while your loop retries, or the attempts multiply.",
    );
  } else {
    parts.push(
      "Nothing is resent under this plan; when you try again by hand, one request is enough to confirm the fix.",
    );
  }
  return parts.join(" ");
}
