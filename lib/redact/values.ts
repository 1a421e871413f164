/**
 * Decisions about names and values for the name-based rules: which field names hold secrets, and which
 * values are evidence or references rather than secrets (redaction.md §6 value-type allowlist, §7 keep list).
 */

/** keytool's and jarsigner's passwords (`-storepass`, `-srckeypass`), openssl's (`-passin`, `-passout`). */
const PASS_SEGMENTS = new Set([
  "storepass",
  "keypass",
  "srcstorepass",
  "deststorepass",
  "srckeypass",
  "destkeypass",
  "passin",
  "passout",
]);

/** Name segments that mark a secret-bearing field (after splitting snake, kebab, dot and camel case). */
const SECRET_SEGMENTS = new Set([
  "key",
  "keys",
  "apikey",
  "token",
  "secret",
  "secrets",
  "password",
  "passwd",
  "pwd",
  "pw",
  "pass",
  "passphrase",
  "credential",
  "credentials",
  "creds",
  "auth",
  "authorization",
  "bearer",
  "cookie",
  "cookies",
  "signature",
  "sig",
  "dsn",
  "privatekey",
  "accesskey",
  "secretkey",
  "sessionkey",
  "authtoken",
  "accesstoken",
  "refreshtoken",
  "apitoken",
  "clientsecret",
  "jwt",
  // A personal access token (`ASANA_PAT`, `AZURE_DEVOPS_PAT`).
  "pat",
  ...PASS_SEGMENTS,
]);

/** Last segments that make the field a description of a secret rather than the secret itself. */
const DESCRIPTIVE_LAST = new Set([
  "id",
  "ids",
  "name",
  "names",
  "type",
  "types",
  "version",
  "hint",
  "alias",
  "count",
  "length",
  "len",
  "prefix",
  "suffix",
  "path",
  "file",
  "filename",
  "dir",
  "env",
  "header",
  "headers",
  "field",
  // `--password-stdin`, `--token-stdin`: where the secret comes from.
  "stdin",
  "reset",
  "remaining",
  "limit",
  "limits",
  "expires",
  "expiry",
  "expiration",
  "at",
  "kind",
  "format",
  "mode",
  "present",
  "enabled",
  "required",
  "source",
  "url",
  "uri",
  "host",
  "region",
  "used",
  "usage",
  "ttl",
  "fingerprint",
  "method",
  "scheme",
  "location",
  "provider",
  "helper",
  "command",
  "var",
  "variable",
  "index",
  "error",
  "status",
  "valid",
  "invalid",
  "missing",
  // Where a secret is used, not the secret (`authDomain`, `token_endpoint`, `auth_issuer`, `token_audience`).
  "domain",
  "domains",
  "endpoint",
  "issuer",
  "audience",
  "realm",
  "scope",
  "scopes",
]);

/** Segments anywhere in the name that make it a non-secret key (database keys, idempotency keys …). */
const BENIGN_SEGMENTS = new Set([
  "public",
  "publishable",
  "idempotency",
  "cache",
  "partition",
  "sort",
  "primary",
  "foreign",
  "tokenizers",
]);

/** Secret words that also end compound lowercase names (`dbpassword`, `clientsecret`, `xapikey`). */
const SECRET_SUFFIXES = ["password", "passwd", "secret", "token", "apikey", "privatekey", "passphrase"];

export function nameSegments(name: string): string[] {
  return name
    .replace(/(?<=[A-Z])(?=[A-Z][a-z])/g, "_") // acronyms: DBPassword, JWTSecret, AWSSecretKey
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((s) => s.length > 0);
}

/** Whether a field's name describes its value rather than holding a secret (`Expiration`, `type`, `region`). */
export function isDescriptiveName(name: string): boolean {
  const segs = nameSegments(name);
  const last = segs[segs.length - 1];
  return last !== undefined && DESCRIPTIVE_LAST.has(last);
}

/** Fields whose value names another field's (CloudFormation's parameters, AWS's tags, S3's object keys). */
const PAIR_NAME_FIELDS = new Set(["parameter_key", "parameter_name", "option_name", "tag_key", "object_key"]);

export type NameClass = "authorization" | "cookie" | "secret" | null;

/** Frameworks' session cookie names (readers.ts SESSION_COOKIE reads them), as they print them. */
export const SESSION_COOKIE_NAMES: readonly string[] = [
  "sessionid",
  "jsessionid",
  "JSESSIONID",
  "PHPSESSID",
  "connect.sid",
  "laravel_session",
  "ci_session",
  "ASP.NET_SessionId",
];
/** Classic ASP's session cookie: the name carries eight random capitals. */
export const ASP_SESSION_COOKIE = "ASPSESSIONID[A-Z]{8}";
const SESSION_COOKIE_SET = new Set(SESSION_COOKIE_NAMES);
const ASP_SESSION_COOKIE_NAME = new RegExp(`^${ASP_SESSION_COOKIE}$`);

export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE_SET.has(name) || ASP_SESSION_COOKIE_NAME.test(name);
}

/** What a field or header name says about its value. */
export function classifyName(name: string): NameClass {
  const lower = name.toLowerCase();
  if (lower === "authorization" || lower === "proxy-authorization" || lower === "www-authenticate") {
    return lower === "www-authenticate" ? null : "authorization";
  }
  if (lower === "cookie" || lower === "set-cookie" || lower === "cookies") return "cookie";
  // SigV4 credential scope (key id/date/region/service): evidence; the key id rule masks the id inside.
  if (lower === "credential" || lower === "x-amz-credential") return null;
  if (isSessionCookieName(name)) return "secret";
  const segs = nameSegments(name);
  // The field that names the pair's other field (`"ParameterKey": "DbPassword"`): a name, not a secret.
  if (segs.length === 2 && PAIR_NAME_FIELDS.has(`${segs[0]}_${segs[1]}`)) return null;
  const last = segs[segs.length - 1];
  if (last === undefined || DESCRIPTIVE_LAST.has(last)) return null;
  if (segs.some((s) => BENIGN_SEGMENTS.has(s))) return null;
  if (
    segs.some(
      (s) => SECRET_SEGMENTS.has(s) || SECRET_SUFFIXES.some((x) => s.length > x.length && s.endsWith(x)),
    )
  )
    return "secret";
  return null;
}

const nameCache = new Map<string, NameClass>();
/** `classifyName`, memoised: a long log repeats the same few field names thousands of times. */
export function classifyNameCached(name: string): NameClass {
  let c = nameCache.get(name);
  if (c === undefined && !nameCache.has(name)) {
    c = classifyName(name);
    if (nameCache.size > 4096) nameCache.clear();
    nameCache.set(name, c);
  }
  return c ?? null;
}

/** Generic names whose value must look machine-made to be masked (`key=ticket:81248` is a cache key). */
const WEAK_NAMES = new Set(["key", "keys", "auth", "pass", "sig", "session"]);
const weakCache = new Map<string, boolean>();
export function isWeakName(name: string): boolean {
  let weak = weakCache.get(name);
  if (weak === undefined) {
    const segs = nameSegments(name);
    weak = segs.length === 1 && WEAK_NAMES.has(segs[0] ?? "");
    if (weakCache.size > 4096) weakCache.clear();
    weakCache.set(name, weak);
  }
  return weak;
}

/**
 * Lower-case letters and digits only; a loop, as it runs once per masked value. Past `limit` characters of
 * its answer, null (a caller comparing with a short name need not lower-case an 8 KiB value).
 */
function normalisedWithin(s: string, limit: number): string | null {
  let out = "";
  for (let i = 0; i < s.length && out.length <= limit; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) out += s[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    // Of all code units above 127 only İ and the Kelvin sign lower-case to a letter of a-z (i̇ and k); a
    // character at a time, every other one lower-cased to nothing (a value of 8 000 CJK characters).
    else if (c === 0x130) out += "i";
    else if (c === 0x212a) out += "k";
  }
  return out.length > limit ? null : out;
}

function normalised(s: string): string {
  return normalisedWithin(s, Infinity) ?? "";
}

const normCache = new Map<string, string>();
/** `api_key=api_key`, `password: "password"`, `token=<token>`: code placeholders that name themselves. */
export function isPlaceholderFor(name: string, value: string): boolean {
  const v = normalised(value);
  if (v.length === 0) return true;
  let n = normCache.get(name);
  if (n === undefined) {
    n = normalised(name);
    if (normCache.size > 4096) normCache.clear();
    normCache.set(name, n);
  }
  return v === n || n.endsWith(v) || v === `your${n}` || v === `my${n}`;
}

/** Everything the name rules ask about one name, from one look-up: a log repeats its few names. */
export interface NameFacts {
  cls: NameClass;
  weak: boolean;
  kind: string;
  /** The name in lower-case letters and digits, for `isPlaceholderValue`. */
  norm: string;
}

const factsCache = new Map<string, NameFacts>();
export function nameFacts(name: string): NameFacts {
  let facts = factsCache.get(name);
  if (facts === undefined) {
    facts = {
      cls: classifyName(name),
      weak: isWeakName(name),
      kind: kindForName(name),
      norm: normalised(name),
    };
    if (factsCache.size > 4096) factsCache.clear();
    factsCache.set(name, facts);
  }
  return facts;
}

/** `isPlaceholderFor` with the name already normalised (`nameFacts(name).norm`). */
export function isPlaceholderValue(norm: string, value: string): boolean {
  // Nothing longer than `your` + the name can be one of the forms below.
  const v = normalisedWithin(value, norm.length + 4);
  if (v === null) return false;
  if (v.length === 0 || v === norm || norm.endsWith(v)) return true;
  // `your<name>`, `my<name>` (compared in place: two strings built per value cost more than the checks).
  const prefix = v.length - norm.length;
  return (prefix === 4 || prefix === 2) && v.endsWith(norm) && v.startsWith(prefix === 4 ? "your" : "my");
}

const kindCache = new Map<string, string>();
/** The placeholder kind for a secret found by its field name (memoised: logs repeat their names). */
export function kindForName(name: string): string {
  let kind = kindCache.get(name);
  if (kind === undefined) {
    kind = kindForNameUncached(name);
    if (kindCache.size > 4096) kindCache.clear();
    kindCache.set(name, kind);
  }
  return kind;
}

function kindForNameUncached(name: string): string {
  if (isSessionCookieName(name)) return "cookie";
  const segs = nameSegments(name);
  const has = (s: string) => segs.includes(s);
  if ((has("secret") && has("access")) || (has("aws") && has("secret"))) return "aws-secret-access-key";
  if ((has("session") || has("security")) && has("token") && (has("aws") || has("amz")))
    return "aws-session-token";
  if (
    has("password") ||
    has("passwd") ||
    has("pwd") ||
    has("pass") ||
    has("passphrase") ||
    segs.some((s) => PASS_SEGMENTS.has(s))
  )
    return "password";
  if (has("secret") || has("clientsecret") || has("secrets")) return "secret";
  if (
    has("token") ||
    has("authtoken") ||
    has("accesstoken") ||
    has("refreshtoken") ||
    has("apitoken") ||
    has("jwt")
  )
    return "token";
  if (has("signature") || has("sig")) return "signature";
  if (has("credential") || has("credentials") || has("creds") || has("auth") || has("dsn"))
    return "credential";
  return "api-key";
}

const LITERAL_BENIGN = new Set([
  "true",
  "false",
  "null",
  "none",
  "nil",
  "undefined",
  "yes",
  "no",
  "on",
  "off",
  "required",
  "optional",
  "redacted",
  "hidden",
  "masked",
  "empty",
  "string",
  "str",
  "bearer",
  "basic",
  "unset",
  "missing",
  "invalid",
  "expired",
  "object",
]);

/** Anthropic and other API ids, model ids and other evidence shapes that must survive (redaction.md §7). */
const EVIDENCE_VALUE =
  /^(?:(?:req|msg|toolu|srvtoolu|msgbatch|file|apikey|wrkspc|user|org|sesn|env|agent|log|chatcmpl|call|run|resp|batch)_[A-Za-z0-9]{4,48}|claude-[a-z0-9.@:-]{2,80}|(?:[a-z]{2,6}\.)?anthropic\.claude-[a-z0-9.:-]{2,80})$/;

const LITERAL_BENIGN_LONGEST = Math.max(...[...LITERAL_BENIGN].map((w) => w.length));
const benignCache = new Map<string, boolean>();
/**
 * A value that is a reference, a placeholder or evidence, never a secret in itself. Memoised for short
 * values: a long log repeats the same values thousands of times.
 */
export function isBenignValue(value: string): boolean {
  if (value.length > 128) return isBenignValueUncached(value);
  let benign = benignCache.get(value);
  if (benign === undefined) {
    benign = isBenignValueUncached(value);
    if (benignCache.size > 4096) benignCache.clear();
    benignCache.set(value, benign);
  }
  return benign;
}

/**
 * The checks of `isBenignValue` but the search for masking marks (`...`, `…`, `***`), which a caller that
 * knows where the marks of its text are answers without reading the value (a long value read at every name of
 * a hostile line, thousands of times).
 */
export function isBenignValueUnmarked(value: string): boolean {
  return isBenignValueUncached(value, false);
}

/**
 * First characters a value over 303 characters must start with to pass a check below other than the marks:
 * `[REDACTED`, `{{`, `<…>`, `process.env`, `os.environ`, `env.`, `secrets.`, `***`/`xxx`/`•••`/`###`/`...`/`---`,
 * `%2A%2A…`, paths (`~/`, `/`, `./`, `C:\`; the drive letter is checked apart).
 */
const LONG_BENIGN_STARTS = new Set([..."[{<poes*xX•#.-%~/"].map((c) => c.charCodeAt(0)));

function isBenignValueUncached(value: string, marks = true): boolean {
  // A long value starting and ending with no blank, and starting where no check but the marks can pass: only
  // the marks are looked for (names packed into each other's values judge a 4 KiB value at every name).
  const n = value.length;
  if (n > 303) {
    const first = value.charCodeAt(0);
    if (
      !LONG_BENIGN_STARTS.has(first) &&
      value.charCodeAt(1) !== 0x3a /* a drive letter's `:` */ &&
      first > 32 &&
      value.charCodeAt(n - 1) > 32 &&
      first < 128 &&
      value.charCodeAt(n - 1) < 128
    )
      return marks && (value.includes("...") || value.includes("…") || value.includes("***"));
  }
  const v = value.trim();
  if (v.length === 0) return true;
  // (Lower-cased only when it can be one of them: a value of 8 000 characters is not copied for the look-up.)
  if (v.length <= LITERAL_BENIGN_LONGEST && LITERAL_BENIGN.has(v.toLowerCase())) return true;
  if (v.startsWith("[REDACTED") || v.startsWith("[prompt content hidden")) return true;
  // Every whole-value pattern of a bounded length below matches 303 characters at most (`$(` + 300 + `)`).
  const bounded = v.length <= 303;
  // `(sensitive value)`, `<sensitive>`, `[hidden]`: masks other tools already applied.
  if (
    bounded &&
    /^[([<{]?(?:sensitive(?: value| data)?|hidden|redacted|masked|filtered|omitted|secret)[)\]>}]?$/i.test(v)
  )
    return true;
  // Variable and template references: $VAR, ${VAR}, $(cmd), $env:VAR, %VAR%, {{ x }}, <your-key>.
  // (`$ecr3t!x` is a value: a reference is a whole name.)
  if (
    bounded &&
    (/^\$(?:\{[^}]{1,200}\}|\([^)]{1,300}\)|env:\w{1,80}|[A-Za-z_]\w{0,80})$/.test(v) ||
      /^%[A-Za-z_]\w{0,80}%$/.test(v))
  )
    return true;
  if (v.startsWith("{{") || (v.startsWith("<") && v.endsWith(">"))) return true;
  if (/^(?:process\.env|os\.environ|os\.getenv|env\.|secrets\.)/.test(v)) return true;
  // Already masked: ***, xxxx, sk-ant-api03-R2D...igAA (partial_key_hint), sk_live_****1234.
  if (
    /^([*xX•#.-])\1{2,}$/.test(v) ||
    (marks && (v.includes("...") || v.includes("…") || v.includes("***"))) ||
    /^(?:%2A){3,}$/i.test(v)
  )
    return true;
  if (bounded && /^-?\d{1,20}(?:\.\d{1,20})?$/.test(v)) return true;
  // File paths (GOOGLE_APPLICATION_CREDENTIALS=/path/to/key.json).
  if (/^(?:~?\/|\.\.?\/|[A-Za-z]:\\)/.test(v)) return true;
  return bounded && EVIDENCE_VALUE.test(v);
}

/** Id-like tokens that a high-entropy fallback must never mask (redaction.md §7). */
export const EVIDENCE_TOKEN_PREFIX =
  /^(?:(?:req|msg|toolu|srvtoolu|msgbatch|file|apikey|wrkspc|user|org|sesn|env|agent|log|call|run|resp|batch)_|chatcmpl-|gen-|sha(?:1|256|384|512)-|iVBORw0KGgo|\/9j\/|JVBERi0|R0lGOD|UklGR|AAAA[A-Za-z0-9+/]{0,4}ftyp|eyJ)/;
