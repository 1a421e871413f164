import { DiagnosisCancelledError, PoolBusyError } from "../pool/pool";
import { errorResponse } from "./errors";

/**
 * The answer for a diagnosis the pool would not or could not finish: 503 with Retry-After when it shed the
 * request, an envelope nobody reads when the client already left; null for anything else (rethrow it).
 */
export function diagnosisRefusal(error: unknown): Response | null {
  if (error instanceof PoolBusyError)
    return errorResponse(
      503,
      "overloaded",
      `The server is busy with other large pastes; try again in ${error.retryAfterSeconds} s.`,
      { "Retry-After": String(error.retryAfterSeconds) },
    );
  if (error instanceof DiagnosisCancelledError)
    return errorResponse(499, "cancelled", "The client closed the request before the diagnosis finished.");
  return null;
}
