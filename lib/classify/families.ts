import type { BranchId, Route, Surface } from "../diagnosis";
import { TIER, type HitFields, type Signature } from "./signatures";

/**
 * Concept families: for each branch, a few head words and the qualifiers that make them mean that branch,
 * matched within one short stretch of words (each gap bounded, so the patterns stay linear). They follow
 * the wordings platforms, gateways and client versions invent instead of naming one message exactly.
 *
 * Also here: the status grammar (a keyword before the number, or a reason phrase, bracket or error name
 * after it) and client fingerprints for the SDK languages the surface enum learned.
 *
 * Every family is tested with at least three phrasings from different sources in families.test.ts.
 */

/** Up to `n` words of any kind between two parts of a family (bounded: linear to scan). */
const gap = (n: number): string => (n === 0 ? "\\W{1,6}" : `(?:\\W{1,6}\\w{1,30}){0,${n}}\\W{1,6}`);

const family = (
  id: string,
  branch: BranchId,
  label: string,
  source: string,
  pattern: RegExp,
  extra: Partial<Signature> = {},
): Signature => ({
  id: `fam.${id}`,
  label,
  pattern,
  branch,
  tier: TIER.message,
  source,
  example: { text: "", branch },
  ...extra,
});

export const FAMILIES: Signature[] = [
  // context_window: the window or maximum context, in other wordings.
  family(
    "context_overflow",
    "context_window",
    "input over the context window",
    "OpenAI-compatible 'maximum context length'; vLLM; Bedrock 'Input is too long'",
    new RegExp(
      `maximum${gap(1)}context${gap(0)}length|context${gap(0)}(?:window|length|size)${gap(3)}(?:exceed(?:s|ed)?|overflow|too${gap(0)}(?:long|large|small)|is${gap(0)}full)|input${gap(0)}is${gap(0)}too${gap(0)}long${gap(2)}(?:requested${gap(0)})?model|too${gap(0)}many${gap(0)}(?:input${gap(0)})?tokens|exceeds${gap(0)}the${gap(0)}(?:available${gap(0)})?(?:context${gap(0)}size|maximum${gap(0)}number${gap(0)}of${gap(0)}tokens)|tokens?${gap(0)}>${gap(0)}\\d{3,9}${gap(0)}maximum`,
      "gi",
    ),
    { variant: "prompt" },
  ),
  // timeout: timeouts as nouns and deadlines.
  family(
    "timeout_noun",
    "timeout",
    "timeout",
    "botocore ReadTimeoutError; grpc DEADLINE_EXCEEDED; stream idle / watchdog timeouts; undici headers/body timeouts; AbortSignal.timeout; AWS SDK v2's socket timeout 'Connection timed out after Nms'",
    new RegExp(
      `\\bread${gap(0)}timeout|\\b(?:stream|idle|watchdog|response|socket${gap(0)}read)${gap(0)}(?:idle${gap(0)})?time(?:d${gap(0)}out|out)\\b|deadline${gap(0)}exceeded|took${gap(0)}too${gap(0)}long${gap(0)}to${gap(0)}(?:respond|answer|reply|complete)|ReadTimeoutError|ResponseTimeout|\\bTimeoutError:|timed${gap(0)}out${gap(0)}waiting${gap(0)}for|\\bUND_ERR_(?:HEADERS|BODY)_TIMEOUT\\b|\\b(?:Headers|Body)TimeoutError\\b|aborted${gap(0)}due${gap(0)}to${gap(0)}(?:a${gap(0)})?timeout|Connection${gap(0)}timed${gap(0)}out${gap(0)}after${gap(0)}\\d`,
      "gi",
    ),
    { variant: "client", head: true },
  ),
  // request_too_large: payload size.
  family(
    "payload_size",
    "request_too_large",
    "request over the size limit",
    "RFC 9110 413; nginx 'client intended to send too large body'; gateways' 'payload too big'",
    new RegExp(
      `(?:payload|request${gap(0)}body|request|body)${gap(0)}(?:is${gap(0)})?too${gap(0)}(?:big|large)|request${gap(0)}exceeds${gap(0)}(?:the${gap(0)})?maximum${gap(0)}(?:allowed${gap(0)})?size|exceeds${gap(0)}\\d{1,4}${gap(0)}(?:MB|MiB)\\b|too${gap(0)}large${gap(0)}body|PayloadTooLarge|request${gap(0)}entity${gap(0)}too${gap(0)}large`,
      "gi",
    ),
  ),
  // billing: money, without the Console phrase.
  family(
    "credits_exhausted",
    "billing",
    "out of credits",
    "OpenRouter 402; Continue proxy; gateways' 'add funds'",
    new RegExp(
      `(?:no|out${gap(0)}of|zero)${gap(0)}(?:\\w{2,20}${gap(0)})?credits?${gap(0)}(?:remaining|left|balance)?|credits?${gap(0)}(?:exhausted|depleted|ran${gap(0)}out)|(?:cannot|can${gap(0)}only)${gap(0)}afford|add${gap(0)}(?:more${gap(0)})?(?:funds|credits)|insufficient${gap(0)}(?:balance|funds)|returned${gap(0)}a${gap(0)}billing${gap(0)}error|payment${gap(0)}required`,
      "gi",
    ),
    { variant: "credits" },
  ),
  // subscription_limit: plan windows.
  family(
    "plan_window",
    "subscription_limit",
    "plan usage window",
    "Claude Code 'You've hit your limit · resets'; claude.ai 'usage limit'; Max plan weekly limit; 'Extra usage is required' / exhausted",
    new RegExp(
      `hit${gap(0)}your${gap(1)}limit${gap(3)}resets?|(?:session|weekly|5-hour|daily)${gap(0)}(?:usage${gap(0)})?limit${gap(2)}(?:reached|hit|resets?)|\\blimits?\\s{1,6}(?:will\\s{1,6})?resets?\\s{1,6}(?:(?:at|in|on)\\s{1,6})?\\d|\\bextra${gap(0)}usage${gap(1)}(?:is${gap(0)})?(?:required|exhausted|depleted|used${gap(0)}up|limit${gap(0)}reached|not${gap(0)}enabled)|\\b(?:weekly|daily|session|5-hour|monthly)${gap(0)}(?:usage${gap(0)})?(?:quota|limit)${gap(1)}(?:is${gap(0)}|was${gap(0)}|has${gap(0)}been${gap(0)})?(?:used${gap(0)}up|exhausted|exceeded|reached|hit)|\\b(?:Opus|Sonnet)${gap(0)}(?:weekly${gap(0)})?limit${gap(0)}reached|(?:limit|quota)${gap(3)}(?:your${gap(0)})?(?:Claude${gap(0)})?(?:Pro|Max|Team)${gap(0)}(?:plan|subscription)\\b|\\b(?:Pro|Max|Team)${gap(0)}(?:plan|subscription)${gap(3)}(?:limit|quota)${gap(1)}(?:is${gap(0)})?(?:reached|exceeded|exhausted|hit|used${gap(0)}up)`,
      "gi",
    ),
  ),
  // subscription_limit: the plan's weekly or usage limit in the languages Claude's apps are shown in.
  family(
    "plan_window_localised",
    "subscription_limit",
    "plan usage limit (localised)",
    "claude.ai and Claude Code summaries in Italian, Spanish, Portuguese, French, German, Japanese, Chinese, Korean",
    /\blimite\s(?:settimanale|di\sutilizzo|hebdomadaire|d'utilisation|semanal|de\suso)\b|\blímite\s(?:semanal|de\suso)\b|\bWochenlimit\b|\b(?:wöchentliche[sn]?|Nutzungs)[\s-]?limit\b|週間?の?(?:利用)?(?:上限|制限)|(?:每周|每週|周|週)(?:使用|用量)?(?:限额|限額|限制|上限)|주간\s?(?:사용\s?)?(?:한도|제한)/gi,
  ),
  // not_found: model ids the platform does not know, wrong endpoints.
  family(
    "invalid_model",
    "not_found",
    "unknown model id",
    "Bedrock 'provided model identifier is invalid'; OpenAI-compatible 'model does not exist'; Vertex 'Publisher Model ... not found'; retired models ('has been retired', 'is no longer available')",
    new RegExp(
      `model${gap(0)}identifier${gap(0)}is${gap(0)}invalid|(?:invalid|unknown|unsupported)${gap(0)}model${gap(0)}(?:id|name|identifier)?|Publisher${gap(0)}Model\\W{1,6}\\S{1,300}\\s(?:is|was)${gap(0)}not${gap(0)}found|model${gap(2)}(?:is${gap(0)})?not${gap(0)}(?:found|available|supported)|model${gap(2)}does${gap(0)}not${gap(0)}exist|model\\W{1,6}[\\w.:@/-]{1,100}\\W{1,6}(?:does${gap(0)}not${gap(0)}exist|is${gap(0)}not${gap(0)}(?:found|available|supported))|model(?:\\W{1,6}[\\w.:@/-]{1,100})?${gap(0)}(?:has${gap(0)}been|was|is${gap(0)}now)${gap(0)}(?:deprecated${gap(0)}and${gap(0)})?(?:retired|decommissioned|removed|discontinued|sunset)|model(?:\\W{1,6}[\\w.:@/-]{1,100})?${gap(0)}(?:has${gap(0)}been${gap(0)}deprecated${gap(0)}and${gap(0)})?is${gap(0)}no${gap(0)}longer${gap(0)}(?:available|supported|served)`,
      "gi",
    ),
    { variant: "model", route: undefined },
  ),
  family(
    "wrong_endpoint",
    "not_found",
    "wrong endpoint",
    "one-api / OpenAI-compatible relays 'Invalid URL (POST /v1/messages)'; HTML 404 pages; 'no route'",
    new RegExp(
      `invalid${gap(0)}URL${gap(0)}\\(?(?:POST|GET)|<title>${gap(0)}404|404${gap(0)}page${gap(0)}not${gap(0)}found|no${gap(0)}route${gap(0)}(?:found${gap(0)})?(?:for|matched)|Cannot${gap(0)}POST${gap(0)}/`,
      "gi",
    ),
    { variant: "endpoint" },
  ),
  // authentication: credentials rejected, in other wordings.
  family(
    "credentials_rejected",
    "authentication",
    "credentials rejected",
    "AWS 'security token included in the request is invalid'; OAuth session expired; OpenRouter 'User not found'",
    new RegExp(
      `security${gap(0)}token${gap(4)}is${gap(0)}(?:invalid|expired)|(?:OAuth|auth)${gap(0)}(?:session|token)${gap(1)}(?:has${gap(0)})?(?:expired|revoked)|failed${gap(0)}to${gap(0)}authenticate|\\b401${gap(0)}User${gap(0)}not${gap(0)}found|invalid${gap(0)}(?:api${gap(0)})?(?:key|token|credentials)\\b|signature${gap(0)}(?:we${gap(0)}calculated${gap(0)})?does${gap(0)}not${gap(0)}match`,
      "gi",
    ),
    { head: true },
  ),
  // permission: access denied or unavailable in a region.
  family(
    "access_denied",
    "permission",
    "access denied",
    "Bedrock AccessDeniedException; 'not available in your region'; 'country not supported'",
    new RegExp(
      `access${gap(0)}(?:is${gap(0)})?denied|not${gap(0)}(?:available|supported)${gap(0)}in${gap(0)}your${gap(0)}(?:region|country|location)|(?:region|country|territory)${gap(0)}(?:is${gap(0)})?not${gap(0)}supported|not${gap(0)}authorized${gap(0)}to${gap(0)}perform|(?:does${gap(0)}not|doesn't|do${gap(0)}not|don't)${gap(0)}have${gap(0)}access${gap(0)}to\\W{1,6}(?!it\\b)\\w`,
      "gi",
    ),
  ),
  // invalid_request: a field path followed by a constraint.
  family(
    "field_constraint",
    "invalid_request",
    "a field breaks a constraint",
    "Anthropic 'messages.3.content.0: ...'; pydantic; AWS 'failed to satisfy constraint'",
    new RegExp(
      `\\bmessages\\.\\d{1,5}(?:\\.[\\w]{1,30}){0,8}:${gap(0)}(?:\\w{1,30}${gap(0)}){0,4}(?:must|should|cannot|can${gap(0)}not|exceed|is${gap(0)}required|is${gap(0)}not|unexpected|invalid)|failed${gap(0)}to${gap(0)}satisfy${gap(0)}constraint|schema${gap(0)}violations?${gap(0)}found|(?:field${gap(0)})?required${gap(0)}field${gap(0)}missing|Extra${gap(0)}inputs${gap(0)}are${gap(0)}not${gap(0)}permitted`,
      "gi",
    ),
  ),
  // permission: the account or organisation itself is switched off, whatever generic type the body carries
  // (a 400 invalid_request_error saying the organisation is disabled is not a request bug).
  family(
    "account_state",
    "permission",
    "account or organisation disabled",
    "Anthropic 'This organization has been disabled.'; resellers' 'account suspended'; OpenAI-compatible 'unsupported_country_region_territory'",
    new RegExp(
      `(?:organi[sz]ation|\\borg|account|workspace|tenant)${gap(2)}(?:has${gap(0)}been|have${gap(0)}been|is${gap(0)}been|is|was|got)${gap(0)}(?:permanently${gap(0)}|temporarily${gap(0)})?(?:disabled|banned|suspended|deactivated|terminated|blocked|locked)\\b|(?:organi[sz]ation|\\borg|account)${gap(1)}(?:is${gap(0)})?not${gap(0)}(?:allowed|permitted)${gap(0)}to${gap(0)}(?:use|access|make|call)|\\bunsupported(?:${gap(0)}|_)(?:country|region|location)|\\b(?:disabled|banned|suspended|deactivated)${gap(0)}(?:organi[sz]ation|account)`,
      "gi",
    ),
    { variant: "account_state", weight: 2 },
  ),
  // connection: the request got no response at all (no status was ever set), in AWS SDK and HTTP/2 wordings.
  family(
    "no_response",
    "connection",
    "no response came back",
    "AWS SDK v3 http2 handler; IDE reports 'Status Code: N/A'; AWS SDK v2/v3 and Winsock connect timeouts ('timed out without establishing a connection'); botocore EndpointConnectionError; Node HTTP/2 stream errors; curl (52)",
    new RegExp(
      `(?:did${gap(0)}not|didn't|never)${gap(0)}(?:get|receive)${gap(0)}(?:a${gap(0)}|any${gap(0)})?response|\\bno${gap(0)}response${gap(0)}(?:was${gap(0)})?(?:received|returned)|Status${gap(0)}Code\\W{1,4}N/A\\b|httpStatusCode\\W{1,6}undefined|\\bEndpointConnectionError\\b|Could${gap(0)}not${gap(0)}connect${gap(0)}to${gap(0)}the${gap(0)}endpoint${gap(0)}URL|\\bERR_HTTP2_[A-Z_]{3,30}|\\bNGHTTP2_[A-Z_]{3,30}|Empty${gap(0)}reply${gap(0)}from${gap(0)}server|timed${gap(0)}out${gap(0)}without${gap(0)}establishing${gap(0)}a${gap(0)}connection`,
      "gi",
    ),
    { variant: "no_response", weight: 2, head: true },
  ),
  // The AWS SDKs' transport wrappers (v2 and Ruby's Seahorse NetworkingError): a class around a cause, so
  // it votes at class strength and the cause it names (a read timeout, a reset) decides.
  family(
    "aws_transport_wrapper",
    "connection",
    "AWS SDK transport failure",
    "AWS SDK for JavaScript v2 NetworkingError; aws-sdk-ruby Seahorse::Client::NetworkingError; AWS SDK v3 $metadata without a status",
    /\bNetworkingError\b|\bSdkClientException\b|\$metadata\W{1,8}attempts/g,
    { tier: TIER.class, head: true },
  ),
  // rate_limit: throttling said in words (Azure-style gateways, AWS services, relays).
  family(
    "throttled",
    "rate_limit",
    "requests throttled",
    "gateways' 'Request was throttled'; AWS 'Rate exceeded' / 'requests have been throttled'; relays",
    new RegExp(
      `\\b(?:request|requests|call|calls|you|account|client)${gap(1)}(?:was|were|is|are|have${gap(0)}been|has${gap(0)}been|being|got)${gap(0)}throttled\\b|\\bthrottled${gap(0)}(?:by|due${gap(0)}to)\\b|\\bRate${gap(0)}exceeded\\b`,
      "gi",
    ),
  ),
  // invalid_request: max_tokens over the model's output maximum.
  family(
    "output_limit",
    "invalid_request",
    "max_tokens over the output maximum",
    "Anthropic 'max_tokens: N > M, which is the maximum allowed number of output tokens'; OpenAI-compatible 'max_tokens is too large'; Bedrock 'max_tokens exceeds'",
    new RegExp(
      `maximum${gap(0)}(?:allowed${gap(0)})?number${gap(0)}of${gap(0)}output${gap(0)}tokens|\\bmax_tokens\\W{1,6}\\d{1,9}\\s?>\\s?\\d{1,9}|\\bmax_tokens${gap(1)}(?:is${gap(0)})?too${gap(0)}large|\\bmax_tokens${gap(0)}exceeds`,
      "gi",
    ),
    { variant: "output_limit" },
  ),
  // connection: TLS handshakes that fail without a certificate verdict.
  family(
    "tls_handshake",
    "connection",
    "TLS handshake failed",
    "Node 'Client network socket disconnected before secure TLS connection was established'; Python ssl.SSLEOFError; OpenSSL 'wrong version number'; Node ERR_SSL_* codes",
    new RegExp(
      `disconnected${gap(0)}before${gap(0)}secure${gap(0)}TLS|\\bSSLEOFError\\b|EOF${gap(0)}occurred${gap(0)}in${gap(0)}violation${gap(0)}of${gap(0)}protocol|\\bSSLError\\b|(?:TLS|SSL)${gap(0)}handshake${gap(1)}(?:failed|failure|timed${gap(0)}out|timeout)|wrong${gap(0)}version${gap(0)}number|\\bERR_SSL_[A-Z_]{3,40}\\b|\\bEPROTO\\b`,
      "g",
    ),
  ),
  // invalid_request: one image over its size or dimension limit (a 400, not the request's byte limit).
  family(
    "image_limit",
    "invalid_request",
    "image over its size or dimension limit",
    "Anthropic 'image exceeds 5 MB maximum'; 'image dimensions exceed max allowed size'; gateways' 'image too large'",
    new RegExp(
      `\\bimages?${gap(1)}(?:exceeds?|(?:is${gap(0)})?too${gap(0)}(?:large|big)|dimensions?${gap(0)}exceeds?|size${gap(0)}exceeds?)`,
      "gi",
    ),
    { weight: 2, variant: "image_limit" },
  ),
  // overloaded: capacity, in other wordings.
  family(
    "capacity",
    "overloaded",
    "no capacity",
    "Bedrock 'Too many connections' / ModelNotReady; gateways 'provider is overloaded'; 'at capacity'",
    new RegExp(
      `(?:at|over|out${gap(0)}of|insufficient)${gap(0)}capacity|(?:provider|upstream|server|service)${gap(0)}is${gap(0)}(?:currently${gap(0)})?overloaded`,
      "gi",
    ),
    { tier: TIER.type },
  ),
  // connection: a stream that opened and ended with no events; sockets closed.
  family(
    "stream_closed",
    "connection",
    "connection closed",
    "Bun fetch 'socket connection was closed unexpectedly'; undici 'other side closed'; 'stream ended without'",
    new RegExp(
      `socket${gap(0)}(?:connection${gap(0)})?(?:was${gap(0)})?closed${gap(0)}unexpectedly|socket${gap(0)}hang${gap(0)}up|other${gap(0)}side${gap(0)}closed|stream${gap(0)}(?:ended|closed|terminated)${gap(1)}(?:without|before|unexpectedly|prematurely)|ended${gap(0)}with${gap(0)}no${gap(0)}events|Premature${gap(0)}close`,
      "gi",
    ),
    { variant: "dropped" },
  ),
];

// ---------------------------------------------------------------------------------------------------
// The status grammar: a keyword before the number, or a reason phrase, bracket or error name after it.
// ---------------------------------------------------------------------------------------------------
const statusOf = (m: RegExpExecArray): HitFields => {
  const s = m.slice(1).find((g) => g !== undefined);
  return s === undefined ? {} : { status: Number(s) };
};

const statusRule = (
  id: string,
  label: string,
  pattern: RegExp,
  extra: Partial<Signature> = {},
): Signature => ({
  id: `status.${id}`,
  label,
  pattern,
  tier: TIER.status,
  fields: statusOf,
  source: "status grammar (RFC 9110 reason phrases; SDK and gateway renderings)",
  example: { text: "", branch: "unknown" },
  ...extra,
});

export const STATUS_GRAMMAR: Signature[] = [
  // `HTTP 413`, `HTTP/1.1 529`, `http_status_400`, `(HTTP 529)`, `Status Code: 402`, `StatusCode: 400`,
  // `Response 502:`, `API error 429:`, `Error: 400 The ...`. The first of a list (`HTTP 500, 502, or 503`,
  // `HTTP 500/502`) is prose about statuses, not one that came back.
  statusRule(
    "keyword",
    "status after a keyword",
    /\b(?:HTTP(?:\/[\d.]{1,3}|_status_|\s)|status[\s_]?code\s?[:=]?\s?|Response\s|(?:API\s)?error:?\s|(?:with|returned)\s(?:an?\s)?status\s)\s?([45]\d\d)(?!\s?(?:ms|s|bytes|tokens|lines)\b|\d|,\s?[45]\d\d|\s?\/\s?[45]\d\d|\s(?:or|and)\s[45]\d\d)/gi,
  ),
  // A status in parentheses after the words of an error: `API Error on AWS bedrock (429)`,
  // `Authentication error (401)`, `request failed (503)`. Not in a list (`(500, 502)`).
  statusRule(
    "paren_after_error",
    "status in parentheses after an error",
    /\b(?:error|exception|failed|failure)\b[^\n()]{0,40}\(([45]\d\d)\)/gi,
  ),
  // .NET HttpClient: `Response status code does not indicate success: 529 ().`
  statusRule(
    "dotnet",
    "status in .NET's EnsureSuccessStatusCode message",
    /\bdoes\s{1,16}not\s{1,16}indicate\s{1,16}success:\s{1,16}([45]\d\d)\b/g,
    { head: true },
  ),
  // `[429]`, `(status 429)`
  statusRule("bracket", "status in brackets", /\[([45]\d\d)\](?!\()|\(status\s([45]\d\d)\)/g),
  // `404 not_found_error`, `(not_found_error)`, `400 litellm.BadRequestError`, `403 The security token…`
  statusRule(
    "before_type",
    "status before an error name",
    /(?:^|[\s`'"(>:])([45]\d\d):?\s{1,16}(?:(?:[a-z]{2,20}_){1,3}error\b|[\w.]{0,40}(?:Error|Exception)\b)/gm,
    { head: true },
  ),
  // A line that opens with the status and its message: `404 Publisher Model …`, `401 User not found.`
  statusRule(
    "line_start",
    "status opening a line or a quoted message",
    /(?:^[\s>`*-]{0,8}|(?<=\b(?:message|raw|error|detail)["']?\s?:\s?["']|Exception\s-\s))([45]\d\d)\s(?=[A-Z][a-z])/gm,
    { head: true },
  ),
  // `PermissionDeniedError: 403 The …`, `BadRequestError: 400 …`
  statusRule("after_class", "status after an error class", /\b\w{2,40}(?:Error|Exception):\s([45]\d\d)\b/g, {
    head: true,
  }),
  // A 2xx that came back before the failure: facts only, it votes for nothing.
  statusRule("ok", "2xx status", /`(200)\sOK`|\bHTTP\/[\d.]{1,3}\s(200)\sOK\b|\breturned\s`?(200)\b/g, {
    votes: false,
  }),
];

// Types written bare (`type: not_found_error,`) or in parentheses (`(not_found_error)`, `400 invalid_request_error`).
const BARE_TYPES: Array<[string, BranchId]> = [
  ["invalid_request_error", "invalid_request"],
  ["authentication_error", "authentication"],
  ["billing_error", "billing"],
  ["permission_error", "permission"],
  ["not_found_error", "not_found"],
  ["rate_limit_error", "rate_limit"],
  ["timeout_error", "timeout"],
  ["overloaded_error", "overloaded"],
  ["request_too_large", "request_too_large"],
];

export const BARE_TYPE_SIGNATURES: Signature[] = BARE_TYPES.map(([t, branch]) => ({
  id: `type.bare.${t}`,
  label: `error type ${t}`,
  pattern: new RegExp(`(?:\\btype:\\s|\\(|\\b[45]\\d\\d\\s|\`)${t}\\b(?![\\\\"'])`, "g"),
  branch,
  tier: TIER.type,
  claude: t !== "invalid_request_error" && t !== "authentication_error",
  fields: () => ({ errorType: t }),
  source: "Go and Rust clients, reformatted reports",
  example: { text: "", branch },
}));

// ---------------------------------------------------------------------------------------------------
// Client fingerprints: the SDK languages the surface enum learned, and IDE report templates.
// ---------------------------------------------------------------------------------------------------
const print = (id: string, surface: Surface, pattern: RegExp, source: string): Signature => ({
  id: `client.${id}`,
  label: `${surface} client`,
  pattern,
  surface,
  source,
  example: { text: "", branch: "unknown" },
});

export const CLIENT_PRINTS: Signature[] = [
  print(
    "claude_code",
    "claude-code",
    /\bClaude\sCode\b|Double\spress\sesc|\bRequest\stoo\slarge\s\(max\s\d{1,4}\s?MB\)|\b1P\sevent\slogging|"retryInMs"|"isApiErrorMessage"|(?:^|\s)\/(?:compact|context|login|bashes|doctor)\b/gm,
    "Claude Code's name, its humanised messages, its JSONL transcript records and slash commands",
  ),
  print(
    "claude_code_startup",
    "claude-code",
    /Unable\sto\sconnect\sto\sAnthropic\sservices|Failed\sto\sconnect\sto\sapi\.anthropic\.com:/g,
    "Claude Code's start-up connection check",
  ),
  print(
    "typescript_credentials",
    "sdk-typescript",
    /Expected\seither\sapiKey\sor\sauthToken\sto\sbe\sset/g,
    "TS client.ts validateHeaders (the camelCase option names are the TypeScript SDK's)",
  ),
  print(
    "vercel_ai",
    "sdk-typescript",
    /\bAI_[A-Z][A-Za-z]{2,40}Error\b|^Provider:\s{1,4}anthropic\s{0,4}$/gm,
    "Vercel AI SDK error names; Continue's error report template (its TypeScript client calling the API)",
  ),
  print("curl", "curl", /^\s{0,8}(?:\$\s)?curl\s(?:-{1,2}[a-zA-Z]|https?:|["'])/gm, "curl command lines"),
  print(
    "go",
    "sdk-go",
    /anthropic-sdk-go|github\.com\/[\w.-]{1,40}\/[\w.-]{0,40}anthropic|\bgoroutine\s\d{1,9}\s\[|anthropic\sapi\serror\stype:|\.go:\d{1,6}\b|\bpanic:\s/g,
    "anthropics/anthropic-sdk-go; liushuangls/go-anthropic error strings; Go stack traces",
  ),
  print(
    "java",
    "sdk-java",
    /com\.anthropic\.|\bdev\.langchain4j\.|\b(?:Completion|Execution)Exception\b|\bat\s(?:java|jdk|kotlin|org\.springframework)\.[\w.$]{1,120}\(|\bjava\.(?:lang|io|net|util)\.[A-Z]\w{1,60}(?:Exception|Error)\b|Exception\sin\sthread\s"/g,
    "anthropic-sdk-java packages; JVM stack traces",
  ),
  print(
    "ruby",
    "sdk-ruby",
    /\bAnthropic::(?:Errors::)?[A-Z]\w{1,60}|\.rb:\d{1,6}:in\s`|\bFaraday::[A-Z]\w{1,60}|\/gems\/[\w.-]{1,60}\//g,
    "anthropic-sdk-ruby Anthropic::Errors; Ruby backtraces",
  ),
  print(
    "csharp",
    "sdk-csharp",
    /\bHttpRequestException\b|\bSystem\.(?:Net\.Http|Net|IO|Threading\.Tasks)\.[A-Z]\w{1,60}(?:Exception)?\b|\bAnthropic\.SDK\b|\bat\s[\w.]{1,120}\.[A-Z]\w{1,60}\([^)\n]{0,200}\)\sin\s[^\n]{1,200}\.cs:line\s\d{1,6}|\.cs:line\s\d{1,6}/g,
    "tghamm/Anthropic.SDK; anthropic-sdk-csharp; .NET stack traces",
  ),
  print(
    "rust",
    "sdk-rust",
    /\breqwest::|panicked\sat\s|\btarget\/(?:debug|release)\/|\.rs:\d{1,6}:\d{1,4}|\bcargo\srun\b|\[error-kind:/g,
    "Rust clients (reqwest), panics and cargo builds",
  ),
];

const route = (id: string, r: Route, pattern: RegExp, source: string): Signature => ({
  id: `route.${id}`,
  label: `${r} route`,
  pattern,
  route: r,
  source,
  example: { text: "", branch: "unknown" },
});

export const ROUTE_PRINTS: Signature[] = [
  route(
    "aws",
    "bedrock",
    /security\stoken\sincluded\sin\sthe\srequest|x-amzn-(?:RequestId|ErrorType)|\.amazonaws\.com|\breq_bdrk_/gi,
    "AWS credential wording, headers and endpoints",
  ),
  route(
    "litellm_proxy",
    "litellm",
    /litellm[\s_-]{0,3}(?:proxy|gateway)|\\{0,3}["']message\\{0,3}["']\s?:\s?\\{0,3}["']litellm\.[A-Z]\w{1,40}Error|(?:proxy|gateway)\s\(litellm\)|^litellm-\d{1,3}\s{1,4}\||\\{0,3}["']type\\{0,3}["']\s?:\s?\\{0,3}["']None\\{0,3}["']\s?,\s?\\{0,3}["']param/gim,
    "LiteLLM proxy deployments, its envelope (str(None) fields), and a litellm exception sent as an error body's message (only a proxy sends it over HTTP)",
  ),
  route("vertex_id", "vertex", /\breq_vrtx_/g, "Vertex request ids"),
  route(
    "relay",
    "other-gateway",
    /<center>nginx|^Provider:\s{1,4}[\w-]{0,30}proxy\s{0,4}$|\\{0,3}["']param\\{0,3}["']\s?:\s?\\{0,3}["']\\{0,3}["']|\\{0,3}["']type\\{0,3}["']\s?:\s?\\{0,3}["'][a-z_]{2,40}\\{0,3}["']\s?,\s?\\{0,3}["']code\\{0,3}["']/gm,
    "nginx error pages of a user's own proxy; IDE templates naming a proxy; OpenAI-compatible envelopes (param/code keys) from relays",
  ),
];

/** The type of an OpenAI-compatible envelope (`"type": "insufficient_quota", "code": …`): evidence, no vote. */
export const ENVELOPE_TYPES: Signature[] = [
  {
    id: "type.openai_compatible",
    label: "OpenAI-compatible error type",
    pattern:
      /\\{0,3}["']type\\{0,3}["']\s{0,16}:\s{0,16}\\{0,3}["']([a-z][a-z_]{1,40})\\{0,3}["']\s{0,16},\s{0,16}\\{0,3}["'](?:code|param)\\{0,3}["']/g,
    fields: (m) => (m[1] === "error" || m[1] === "None" ? {} : { errorType: m[1] }),
    source: "OpenAI-compatible error envelopes (relays, LiteLLM, one-api)",
    example: { text: "", branch: "unknown" },
  },
];

/** A model that is not Claude, named in the paste: with no Claude model beside it, the error is not Claude's. */
export const OTHER_MODEL =
  /\b(?:gpt-(?:3\.5|4|4o|4\.1|5)[\w.-]{0,30}|o[134]-(?:mini|preview)\b|gemini[-\d][\w.-]{0,40}|gemma[\w.-]{0,30}|llama[\w.-]{0,30}|qwen[\w.-]{0,30}|glm-[\w.-]{1,30}|mistral[\w.-]{0,30}|mixtral[\w.-]{0,30}|deepseek[\w.-]{0,30}|kimi[\w.-]{0,30}|minimax[\w.-]{0,30}|mimo-[\w.-]{1,30}|titan[\w.-]{0,30}|cohere\.[\w.-]{1,30}|grok-[\w.-]{1,30})/i;
/** A Claude model, by id or family name. */
export const CLAUDE_MODEL = /\bclaude[-\w.@:]{0,60}|\b(?:opus|sonnet|haiku)\b/i;

/** Every scanned pattern that carries no example of its own: the families, status grammar and prints. */
export const UNEXAMPLED_SIGNATURES: readonly Signature[] = [
  ...FAMILIES,
  ...STATUS_GRAMMAR,
  ...BARE_TYPE_SIGNATURES,
  ...CLIENT_PRINTS,
  ...ROUTE_PRINTS,
  ...ENVELOPE_TYPES,
];
