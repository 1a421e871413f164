import { ALNUM_CHARS, B64URL, charSet } from "./chars";
import {
  bearer,
  emails,
  flags,
  highEntropy,
  jwtTokens,
  ipv4,
  ipv6,
  fieldPairs,
  headerFieldValues,
  NAME_FIELD_ANCHORS,
  yamlNameValueLines,
  tuplePairs,
  namedValues,
  phones,
  privateKeys,
  queryCredentials,
  token,
  urlCredentials,
  wrappedJwts,
  type Detector,
} from "./detectors";
import { PREFIX_KINDS, PREFIX_RULES, prefixTokens } from "./prefixes";
import {
  COMMAND_ANCHORS,
  LANGUAGE_PAIR_ANCHORS,
  PRINTED_VARIABLE_ANCHORS,
  printedVariables,
  languagePairs,
  FOREIGN_ANCHORS,
  FOREIGN_KEY_ANCHORS,
  SESSION_COOKIE_ANCHORS,
  arrayPairs,
  commandSecrets,
  cookieReprs,
  csvColumns,
  foreignLabels,
  pwNames,
  PW_ANCHORS,
  labelLines,
  pgpassLines,
  sessionCookies,
  xmlAttributePairs,
  xmlElements,
} from "./readers";

function labelForPrefixKind(id: string): string {
  const words = id.split("-");
  const head = words[0] ?? id;
  return [head.charAt(0).toUpperCase() + head.slice(1), ...words.slice(1)].join(" ");
}

/** The characters of a JWT: three base64url parts joined by dots (padding seen in the wild). */
const JWT_BODY = charSet(`${ALNUM_CHARS}_-.=`);
const jwts = jwtTokens(JWT_BODY);

/**
 * One kind of secret or personal data. Order matters: when two rules claim overlapping text, the earlier
 * (more specific) kind names the placeholder. `detect` is absent for kinds that only the structural
 * detectors (field names, headers) emit. Regexes are bounded and have literal prefixes; distinctive prefixes
 * take no left boundary so ANSI codes, `%3D`, `\n` and glued keys do not hide them (redaction.md §4).
 */
export interface RedactionKind {
  id: string;
  label: string;
  /** Where the shape comes from (redaction.md source keys). */
  source: string;
  detect?: Detector;
  /** Personal data rather than a credential. */
  pii?: boolean;
  /** Literal prefilter: the rule runs on a view only if one of these occurs in it (case-sensitive). */
  anchors?: readonly string[];
  /** More detectors emitting this kind, each with its own prefilter. */
  readers?: ReadonlyArray<{ anchors?: readonly string[]; detect: Detector }>;
}

const SK_ANT_BODY = { body: B64URL, split: "sk-ant-" } as const;
const AWS_B64 = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=%");

function skKind(value: string): string {
  if (value.startsWith("sk-or-")) return "openrouter-api-key";
  if (/^sk-(?:proj|svcacct|admin|service)-/.test(value) || value.includes("T3BlbkFJ"))
    return "openai-api-key";
  return "sk-api-key";
}

export const REDACTION_KINDS: readonly RedactionKind[] = [
  {
    id: "private-key",
    anchors: ["-----BEGIN"],
    label: "Private key (PEM)",
    source:
      "GL private-key, TH privatekey, SL secretlint-rule-privatekey; JSON `\\n` joins and truncated blocks per redaction.md §2",
    detect: privateKeys,
  },
  {
    id: "anthropic-api-key",
    anchors: ["sk-ant-"],
    label: "Anthropic API key",
    source:
      "GL anthropic-api-key, TH anthropic, SL secretlint-rule-anthropic (api0\\d): sk-ant-api03- + 93 + AA = 108",
    detect: token(/sk-ant-api\d{2}-[\w-]{20,400}/g, { ...SK_ANT_BODY, total: 108 }),
  },
  {
    id: "anthropic-admin-key",
    anchors: ["sk-ant-"],
    label: "Anthropic Admin API key",
    source: "GL anthropic-admin-api-key, TH anthropic: sk-ant-admin01- + 93 + AA = 110",
    detect: token(/sk-ant-admin\d{2}-[\w-]{20,400}/g, { ...SK_ANT_BODY, total: 110 }),
  },
  {
    id: "anthropic-oauth-token",
    anchors: ["sk-ant-"],
    label: "Claude OAuth access token",
    source:
      "DOC-CC CLAUDE_CODE_OAUTH_TOKEN, credentials.json accessToken; proposed GL claude_code.go; no fixed length",
    detect: token(/sk-ant-oat\d{2}-[\w-]{20,400}/g, { ...SK_ANT_BODY, wrap: true }),
  },
  {
    id: "anthropic-refresh-token",
    anchors: ["sk-ant-"],
    label: "Claude OAuth refresh token",
    source: "DOC-CC credentials.json refreshToken (sk-ant-ort01-); no anchor rule",
    detect: token(/sk-ant-ort\d{2}-[\w-]{20,400}/g, { ...SK_ANT_BODY, wrap: true }),
  },
  {
    id: "anthropic-session-key",
    anchors: ["sk-ant-"],
    label: "claude.ai session key",
    source: "GH anthropic_session_id; browser Copy-as-cURL `sessionKey=sk-ant-sid01-…`",
    detect: token(/sk-ant-sid\d{2}-[\w-]{16,400}/g, { ...SK_ANT_BODY, wrap: true }),
  },
  {
    id: "anthropic-credential",
    anchors: ["sk-ant-"],
    label: "Anthropic credential (other sk-ant- form)",
    source: "redaction.md §2 catch-all for future sk-ant-<kind><NN>- forms",
    detect: token(/sk-ant-(?!(?:api|admin|oat|ort|sid)\d\d-)[\w-]{16,400}/g, { ...SK_ANT_BODY, wrap: true }),
  },
  {
    id: "openrouter-api-key",
    anchors: ["sk-"],
    label: "OpenRouter API key",
    source: "TH openrouter: sk-or-v1- + 64 hex",
    detect: token(/sk-(?:or-v1|proj|svcacct|admin|service)-[\w-]{16,400}/g, {
      kindOf: skKind,
      body: B64URL,
      wrap: true,
      split: "sk-",
    }),
  },
  {
    id: "openai-api-key",
    label: "OpenAI API key",
    source: "GL openai-api-key, TH openai/openaiadmin, DS openai.py (T3BlbkFJ marker)",
  },
  {
    id: "sk-api-key",
    anchors: ["sk-"],
    label: "sk- style API key (DeepSeek, LiteLLM, other)",
    source:
      "TH deepseek; LiteLLM virtual keys; left boundary per redaction.md §4 so `risk-sk-…` words survive",
    detect: token(/(?<![\w-])sk-(?!ant-)[\w-]{20,400}/g, {
      kindOf: skKind,
      body: B64URL,
      wrap: true,
      split: "sk-",
    }),
  },
  {
    id: "bedrock-api-key",
    anchors: ["ABSK", "bedrock-api-key-"],
    label: "Amazon Bedrock API key",
    source:
      "GL aws-amazon-bedrock-api-key-long-lived/short-lived; masked to the end of the token (the short-lived rule matches only a constant prefix)",
    detect: token(/ABSK[A-Za-z0-9+/]{40,400}={0,2}|bedrock-api-key-[\w+/=%-]{20,4000}/g, {
      body: AWS_B64,
      wrap: true,
    }),
  },
  {
    id: "aws-session-token",
    anchors: ["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz"],
    label: "AWS session token",
    source: "TH aws/session_keys; GH aws_session_token; %-encoded in presigned URLs (TH UrlEncodedReplacer)",
    detect: token(/(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz)(?:[A-Za-z0-9+/=]|%2[BFbf]|%3[Dd]){20,4000}/g, {
      body: AWS_B64,
      wrap: true,
    }),
  },
  {
    id: "aws-access-key-id",
    anchors: ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
    label: "AWS access key id",
    source: "GL aws-access-token, TH aws/access_keys + session_keys, DS aws.py (AKIA/ASIA/ABIA/ACCA/A3T*)",
    // Back-to-back ids form one longer run: masked whole rather than missed.
    detect: token(/(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16,400}/g),
  },
  {
    id: "aws-secret-access-key",
    label: "AWS secret access key",
    source:
      "TH aws/common.go SecretPat, DS aws.py, SL aws: only by name (aws_secret_access_key, SecretAccessKey) or the high-entropy fallback",
  },
  {
    id: "aws-signature",
    anchors: ["Signature=", "signature=", "SIGNATURE="],
    label: "AWS SigV4 signature",
    source: "redaction.md §2 (no anchor rule): Signature= / X-Amz-Signature= + 64 hex",
    detect: token(/(?<![\w-])(?:X-Amz-)?Signature=([0-9a-f]{64})/gi, { group: "first" }),
  },
  {
    id: "google-api-key",
    anchors: ["AIza"],
    label: "Google API key",
    source: "GL gcp-api-key, TH googlegemini: AIza + 35",
    detect: token(/AIza[\w-]{30,60}/g, { body: B64URL, total: 39 }),
  },
  {
    id: "google-oauth-token",
    anchors: ["ya29.", "1//0", "GOCSPX-"],
    label: "Google OAuth token",
    source: "TH googleoauth2_access_token (ya29.), refresh tokens 1//0…, client secrets GOCSPX-",
    detect: token(/ya29\.[\w.-]{10,4000}|(?<![\w/])1\/\/0[\w-]{20,500}|GOCSPX-[\w-]{10,100}/g, {
      body: B64URL,
      wrap: true,
    }),
  },
  {
    id: "github-token",
    // Every match holds one of these whole (`gh` alone is in every "github" and "ghost" of a log).
    anchors: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    label: "GitHub token",
    source: "GL github-pat/github-fine-grained-pat/github-app-token, TH github v2, DS github_token.py",
    detect: token(/gh[pousr]_\w{30,255}|github_pat_\w{40,255}/g, { body: B64URL, wrap: true }),
  },
  {
    id: "slack-webhook",
    anchors: ["hooks.slack.com", "discord"],
    label: "Slack or Discord webhook URL",
    source: "GL slack-webhook-url; Discord webhooks by the same shape",
    detect: token(
      /hooks\.slack\.com\/(?:services|workflows|triggers)\/([\w+/-]{8,200})|discord(?:app)?\.com\/api\/webhooks\/([\w/-]{20,200})/g,
      {
        group: "first",
      },
    ),
  },
  {
    id: "slack-token",
    anchors: ["xox", "xapp-"],
    label: "Slack token",
    source: "GL slack-bot-token/slack-user-token, TH slack, DS slack.py, SL slack",
    detect: token(/xox[abposre]-[A-Za-z0-9-]{10,300}|xapp-[A-Za-z0-9-]{10,300}/g),
  },
  {
    id: "jwt",
    anchors: ["eyJ"],
    label: "JSON Web Token (JWS or JWE)",
    source: "GL jwt, TH jwt, DS jwt.py; JWE (empty second part) too, which all three miss",
    // A terminal can hard-wrap a JWT anywhere, dots included: follow the wrap over the JWT alphabet.
    detect: (text, emit) => {
      jwts(text, emit);
      wrappedJwts(text, emit);
    },
  },
  {
    id: "huggingface-token",
    anchors: ["hf_", "api_org_"],
    label: "Hugging Face token",
    source: "GL huggingface-access-token, TH huggingface, SL huggingface: hf_ + 34",
    detect: token(/(?<![A-Za-z0-9])(?:hf_|api_org_)[A-Za-z0-9]{30,40}(?![A-Za-z0-9])/g),
  },
  {
    id: "stripe-key",
    anchors: ["k_live_", "k_test_", "k_prod_", "whsec_"],
    label: "Stripe secret key",
    source: "GL stripe-access-token, TH stripe, SL stripe; whsec_ webhook secrets",
    detect: token(/[rs]k_(?:live|test|prod)_[A-Za-z0-9]{10,250}|whsec_[A-Za-z0-9+/=]{20,100}/g),
  },
  {
    id: "groq-api-key",
    anchors: ["gsk_"],
    label: "Groq API key",
    source: "TH groq: gsk_ + 52",
    detect: token(/gsk_[A-Za-z0-9]{40,60}/g, { body: B64URL, total: 56 }),
  },
  {
    id: "xai-api-key",
    anchors: ["xai-"],
    label: "xAI API key",
    source: "TH xai: xai- + 80",
    detect: token(/xai-\w{60,100}/g, { body: B64URL, total: 84 }),
  },
  {
    id: "perplexity-api-key",
    anchors: ["pplx-"],
    label: "Perplexity API key",
    source: "GL perplexity-api-key: pplx- + 48",
    detect: token(/pplx-[A-Za-z0-9]{40,60}/g, { body: B64URL, total: 53 }),
  },
  {
    id: "langsmith-api-key",
    anchors: ["lsv2_"],
    label: "LangSmith API key",
    source: "TH langsmith",
    detect: token(/lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}/g),
  },
  {
    id: "replicate-api-token",
    anchors: ["r8_"],
    label: "Replicate API token",
    source: "TH replicate: r8_ + 37",
    detect: token(/(?<![A-Za-z0-9])r8_[\w-]{30,45}/g),
  },
  {
    id: "npm-token",
    anchors: ["npm_"],
    label: "npm access token",
    source: "TH npmtokenv2: npm_ + 36",
    detect: token(/npm_[A-Za-z0-9]{36,40}/g),
  },
  {
    id: "sendgrid-api-key",
    anchors: ["SG."],
    label: "SendGrid API key",
    source: "TH sendgrid",
    detect: token(/SG\.[\w-]{16,32}\.[\w-]{30,60}/g),
  },
  {
    id: "azure-key",
    anchors: ["Q~", "JQQJ99"],
    label: "Azure key or client secret",
    source:
      "TH azure_entra spv2 (Q~ client secrets), TH azureappconfig fixtures (JQQJ99 marker), DS azure_storage_key.py",
    detect: token(
      /(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])|(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{26}(?![A-Za-z0-9])/g,
    ),
  },
  {
    id: "authorization",
    anchors: ["Bearer", "bearer", "BEARER"],
    label: "Authorization credential (scheme kept)",
    source:
      "GH http_bearer/basic_authentication_header; TS log.ts masks authorization; every header syntax of redaction.md §2",
    detect: bearer,
  },
  {
    id: "cookie",
    label: "Cookie value (names kept)",
    source:
      "TS log.ts masks cookie/set-cookie; browser Copy-as-cURL -b; frameworks' session cookie names; Python cookie jar repr",
    readers: [
      { anchors: SESSION_COOKIE_ANCHORS, detect: sessionCookies },
      { anchors: ["<Cookie "], detect: cookieReprs },
    ],
  },
  {
    id: "url-credentials",
    anchors: ["://"],
    label: "Password or token in a URL",
    source: "TH uri/redis/mongodb/postgres, DS basic_auth.py, SL basicauth; Sentry DSN user",
    detect: urlCredentials,
  },
  {
    id: "query-credential",
    // Every parameter the rule reads starts with one of these (QUERY_PARAM): a hex dump or a run of PEM
    // headers has none, and the rule's regex then does not walk the view at all.
    anchors: ["?", "&", ";"],
    label: "Credential in a query string",
    source: "redaction.md §2 (key=, access_token=, sig=, X-Amz-Signature=, OAuth code=/state=)",
    detect: queryCredentials,
  },
  { id: "password", label: "Password", source: "DS keyword.py names; .netrc; curl -u" },
  { id: "secret", label: "Secret (by field name)", source: "DS keyword.py, GL generic-api-key names" },
  { id: "token", label: "Token (by field name)", source: "DS keyword.py, GL generic-api-key names" },
  { id: "signature", label: "Signature (by field name)", source: "redaction.md §2 SAS sig=, SigV4" },
  {
    id: "credential",
    label: "Credential (by field name)",
    source: "DS keyword.py, GL generic-api-key names",
  },
  {
    id: "provider-token",
    anchors: PREFIX_RULES.map((r) => r.prefix),
    label: "Provider token (gitleaks prefix rule)",
    source: "gitleaks config/gitleaks.toml prefix rules; see lib/redact/prefixes.ts for each rule's id",
    detect: prefixTokens,
  },
  ...[...PREFIX_KINDS.entries()].map(([id, source]): RedactionKind => ({
    id,
    label: labelForPrefixKind(id),
    source,
  })),
  {
    id: "api-key",
    label: "API key (by field or header name)",
    source:
      "x-api-key / api-key / x-*-key headers and *_API_KEY variables in every syntax of redaction.md §4",
    detect: (text, emit) => {
      namedValues(text, emit);
      flags(text, emit);
      pgpassLines(text, emit);
      csvColumns(text, emit);
      labelLines(text, emit);
    },
    readers: [
      { anchors: NAME_FIELD_ANCHORS, detect: fieldPairs },
      { anchors: ["name:"], detect: yamlNameValueLines },
      { anchors: ["forHTTPHeaderField"], detect: headerFieldValues },
      { anchors: ["('", '("', "(b'", '(b"'], detect: tuplePairs },
      { anchors: ['",', "',"], detect: arrayPairs },
      { anchors: COMMAND_ANCHORS, detect: commandSecrets },
      { anchors: ["</"], detect: xmlElements },
      { anchors: ["value"], detect: xmlAttributePairs },
      { anchors: [...FOREIGN_ANCHORS, ...FOREIGN_KEY_ANCHORS], detect: foreignLabels },
      { anchors: PW_ANCHORS, detect: pwNames },
      { anchors: LANGUAGE_PAIR_ANCHORS, detect: languagePairs },
      { anchors: PRINTED_VARIABLE_ANCHORS, detect: printedVariables },
    ],
  },
  {
    id: "email",
    anchors: ["@"],
    label: "Email address",
    source: "PR email_recognizer.py, validated by TLD shape; scp remotes and pkg@version skipped",
    detect: emails,
    pii: true,
  },
  {
    id: "ip-address",
    label: "Public IP address",
    source: "PR ip_recognizer.py, DS ip_public.py; loopback, private ranges and ip:port servers kept",
    detect: (text, emit) => {
      ipv4(text, emit);
      ipv6(text, emit);
    },
    pii: true,
  },
  {
    id: "phone",
    anchors: ["+", "("],
    label: "Phone number",
    source: "PR phone_recognizer.py; only + or (area code) forms",
    detect: phones,
    pii: true,
  },
  {
    id: "high-entropy-token",
    label: "Unlabelled high-entropy token (fail closed)",
    source:
      "redaction.md §6; DS Base64HighEntropyString idea with an evidence keep list instead of a word list",
    detect: highEntropy,
  },
  {
    id: "prompt-content",
    label: "Prompt content (hidden on request)",
    source: "issue 3: hide messages[].content and system text",
  },
  {
    id: "secret-dense-text",
    label: "Text dense with secrets (withheld whole)",
    source:
      "a circuit breaker: a secret name, flag, label, prefix or address per 32 characters over 4 KiB (dense.ts)",
  },
  {
    id: "oversize-input",
    label: "Input too large to redact (withheld whole)",
    source: "fail closed, redaction.md §5",
  },
  {
    id: "redaction-failed",
    label: "Input that could not be redacted (withheld whole)",
    source: "fail closed, redaction.md §5",
  },
];

/** Kinds a detector may run on base64-decoded text (all but the PII and fallback rules). */
export const DECODED_KIND_IDS = new Set(
  REDACTION_KINDS.filter((k) => !k.pii && k.id !== "high-entropy-token").map((k) => k.id),
);

export const KIND_PRIORITY: ReadonlyMap<string, number> = new Map(REDACTION_KINDS.map((k, i) => [k.id, i]));

/** Human label for a kind id. */
export function kindLabel(id: string): string {
  return REDACTION_KINDS.find((k) => k.id === id)?.label ?? id;
}
