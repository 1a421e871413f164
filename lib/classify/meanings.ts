import type { BranchId, Route } from "../diagnosis";

/**
 * What a (route, status, type) means, as data. The classifier reads the status and the type from the paste;
 * which branch they mean can depend on who answered: AWS names its exceptions and answers a bare 503 for
 * Bedrock's capacity; Vertex prints Google status strings; OpenRouter uses 402 for credits and 408 for a
 * provider's timeout. A row with a `type` names an exception or status string (matched whatever the status);
 * a row with a `status` and no `type` gives the meaning of a bare status on that route.
 *
 * Sources: AWS-TS and the aws-sdk-bedrockruntime Error enum (../shared/reference/claude-errors.md §5.1),
 * the AWS JSON/Coral protocol's common errors (`__type`, `x-amzn-ErrorType`), OR-ERR (§5.3).
 */
export type Meaning = {
  route: Route;
  /** The status the platform answers with (documentation), or the bare status this row reads. */
  status: number | null;
  type: string | null;
  branch: BranchId;
  variant?: string;
};

export const MEANINGS: readonly Meaning[] = [
  // Amazon Bedrock runtime exceptions.
  {
    route: "bedrock",
    status: 429,
    type: "ThrottlingException",
    branch: "rate_limit",
    variant: "cloud_quota",
  },
  {
    route: "bedrock",
    status: 429,
    type: "ServiceQuotaExceededException",
    branch: "rate_limit",
    variant: "cloud_quota",
  },
  { route: "bedrock", status: 429, type: "ModelNotReadyException", branch: "overloaded" },
  { route: "bedrock", status: 503, type: "ServiceUnavailableException", branch: "overloaded" },
  { route: "bedrock", status: 400, type: "ValidationException", branch: "invalid_request" },
  {
    route: "bedrock",
    status: 403,
    type: "AccessDeniedException",
    branch: "permission",
    variant: "model_access",
  },
  { route: "bedrock", status: 404, type: "ResourceNotFoundException", branch: "not_found" },
  { route: "bedrock", status: 408, type: "ModelTimeoutException", branch: "timeout" },
  { route: "bedrock", status: 424, type: "ModelErrorException", branch: "api_error" },
  { route: "bedrock", status: null, type: "ModelStreamErrorException", branch: "api_error" },
  { route: "bedrock", status: 500, type: "InternalServerException", branch: "api_error" },
  // The AWS protocol's own errors, from any AWS endpoint (raw `__type` / Coral bodies).
  { route: "bedrock", status: 403, type: "UnrecognizedClientException", branch: "authentication" },
  { route: "bedrock", status: 400, type: "ExpiredTokenException", branch: "authentication" },
  { route: "bedrock", status: 400, type: "IncompleteSignature", branch: "authentication" },
  { route: "bedrock", status: 403, type: "InvalidSignatureException", branch: "authentication" },
  { route: "bedrock", status: 403, type: "MissingAuthenticationTokenException", branch: "authentication" },
  // An operation the endpoint does not have: the URL path is wrong (a bridge built a route that is not there).
  {
    route: "bedrock",
    status: 400,
    type: "UnknownOperationException",
    branch: "not_found",
    variant: "endpoint",
  },
  { route: "bedrock", status: 400, type: "SerializationException", branch: "invalid_request" },
  { route: "bedrock", status: 500, type: "InternalFailure", branch: "api_error" },
  {
    route: "bedrock",
    status: 429,
    type: "TooManyRequestsException",
    branch: "rate_limit",
    variant: "cloud_quota",
  },
  // A bare status from a platform route means that platform's error for it.
  { route: "bedrock", status: 503, type: null, branch: "overloaded" },
  { route: "bedrock", status: 429, type: null, branch: "rate_limit", variant: "cloud_quota" },
  { route: "bedrock", status: 424, type: null, branch: "api_error" },
  { route: "vertex", status: 429, type: null, branch: "rate_limit", variant: "cloud_quota" },
  { route: "vertex", status: 503, type: null, branch: "overloaded" },
  { route: "openrouter", status: 402, type: null, branch: "billing", variant: "credits" },
  { route: "openrouter", status: 408, type: null, branch: "timeout" },
  { route: "openrouter", status: 502, type: null, branch: "api_error" },
];

/** Rows naming an exception or status string of `route`. */
export const typedMeanings = (route: Route): Meaning[] =>
  MEANINGS.filter((m) => m.route === route && m.type !== null);

/** The meaning of a bare `status` on `route`, if that route gives it one. */
export function bareStatusMeaning(route: Route, status: number): Meaning | undefined {
  return MEANINGS.find((m) => m.route === route && m.type === null && m.status === status);
}
