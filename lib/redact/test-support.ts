import fc from "fast-check";

/**
 * Generators shared by the redaction and packet tests: fake secrets of every kind in redaction.md §2 (each
 * with a distinctive core that must never survive), evidence tokens that must, and paste contexts.
 */
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64URL = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;
const HEX = "0123456789abcdef";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function chars(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length })
    .map((a) => a.join(""));
}

/** A random run that is surely machine-made: at least one upper, one lower and one digit. */
function mixed(alphabet: string, length: number): fc.Arbitrary<string> {
  return chars(alphabet, length - 3).map((s) => `Q${s}z7`);
}

export interface SecretSample {
  kind: string;
  value: string;
  /** A substring that must be absent from every redacted output. */
  core: string;
  /** Recognisable by shape alone (no field name needed). */
  prefixed: boolean;
}

function sample(
  kind: string,
  prefixed: boolean,
  arb: fc.Arbitrary<[string, string]>,
): fc.Arbitrary<SecretSample> {
  return arb.map(([value, core]) => ({ kind, value, core, prefixed }));
}

const mid = (s: string) => s.slice(Math.floor(s.length / 2) - 8, Math.floor(s.length / 2) + 8);

export const secretArbs: Record<string, fc.Arbitrary<SecretSample>> = {
  "anthropic-api-key": sample(
    "anthropic-api-key",
    true,
    mixed(B64URL, 93).map((b) => [`sk-ant-api03-${b}AA`, mid(b)]),
  ),
  "anthropic-admin-key": sample(
    "anthropic-admin-key",
    true,
    mixed(B64URL, 93).map((b) => [`sk-ant-admin01-${b}AA`, mid(b)]),
  ),
  "anthropic-oauth-token": sample(
    "anthropic-oauth-token",
    true,
    mixed(B64URL, 95).map((b) => [`sk-ant-oat01-${b}`, mid(b)]),
  ),
  "anthropic-refresh-token": sample(
    "anthropic-refresh-token",
    true,
    mixed(B64URL, 80).map((b) => [`sk-ant-ort01-${b}`, mid(b)]),
  ),
  "anthropic-session-key": sample(
    "anthropic-session-key",
    true,
    mixed(B64URL, 60).map((b) => [`sk-ant-sid01-${b}`, mid(b)]),
  ),
  "openai-api-key": sample(
    "openai-api-key",
    true,
    fc.tuple(mixed(B64URL, 74), mixed(B64URL, 74)).map(([a, b]) => [`sk-proj-${a}T3BlbkFJ${b}`, mid(a)]),
  ),
  "openrouter-api-key": sample(
    "openrouter-api-key",
    true,
    chars(HEX, 64).map((h) => [`sk-or-v1-${h}`, mid(h)]),
  ),
  "aws-access-key-id": sample(
    "aws-access-key-id",
    true,
    chars(BASE32, 16).map((b) => [`AKIA${b}`, `AKIA${b}`]),
  ),
  "aws-session-token": sample(
    "aws-session-token",
    true,
    mixed(B64, 320).map((b) => [`IQoJb3JpZ2luX2Vj${b}`, mid(b)]),
  ),
  "bedrock-api-key": sample(
    "bedrock-api-key",
    true,
    mixed(B64, 130).map((b) => [`ABSK${b}`, mid(b)]),
  ),
  "google-api-key": sample(
    "google-api-key",
    true,
    mixed(B64URL, 35).map((b) => [`AIza${b}`, mid(b)]),
  ),
  "google-oauth-token": sample(
    "google-oauth-token",
    true,
    mixed(B64URL, 120).map((b) => [`ya29.${b}`, mid(b)]),
  ),
  "github-token": sample(
    "github-token",
    true,
    mixed(ALNUM, 36).map((b) => [`ghp_${b}`, mid(b)]),
  ),
  "slack-token": sample(
    "slack-token",
    true,
    fc.tuple(chars("0123456789", 12), mixed(ALNUM, 24)).map(([d, b]) => [`xoxb-${d}-${d}-${b}`, b]),
  ),
  jwt: sample(
    "jwt",
    true,
    fc
      .tuple(mixed(B64URL, 40), mixed(B64URL, 43))
      .map(([p, sig]) => [`eyJhbGciOiJIUzI1NiJ9.eyJ${p}.${sig}`, mid(sig)]),
  ),
  "huggingface-token": sample(
    "huggingface-token",
    true,
    chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34).map((b) => [`hf_${b}`, mid(b)]),
  ),
  "stripe-key": sample(
    "stripe-key",
    true,
    mixed(ALNUM, 99).map((b) => [`sk_live_51${b}`, mid(b)]),
  ),
  "groq-api-key": sample(
    "groq-api-key",
    true,
    mixed(ALNUM, 52).map((b) => [`gsk_${b}`, mid(b)]),
  ),
  "xai-api-key": sample(
    "xai-api-key",
    true,
    mixed(ALNUM, 80).map((b) => [`xai-${b}`, mid(b)]),
  ),
  "perplexity-api-key": sample(
    "perplexity-api-key",
    true,
    mixed(ALNUM, 48).map((b) => [`pplx-${b}`, mid(b)]),
  ),
  // Shapeless secrets: only a field name or the fail-closed fallback can catch them.
  "aws-secret-access-key": sample(
    "aws-secret-access-key",
    false,
    mixed(B64, 40).map((b) => [b, mid(b)]),
  ),
  "gateway-key": sample(
    "api-key",
    false,
    mixed(ALNUM, 32).map((b) => [b, mid(b)]),
  ),
  "azure-openai-key": sample(
    "api-key",
    false,
    chars(HEX, 32).map((h) => [h, mid(h)]),
  ),
};

export const anySecret: fc.Arbitrary<SecretSample> = fc.oneof(...Object.values(secretArbs));
export const prefixedSecret: fc.Arbitrary<SecretSample> = fc
  .oneof(...Object.values(secretArbs))
  .filter((s) => s.prefixed);

/** Contexts in which a named field carries the secret: every header syntax of redaction.md §2 and §4. */
export const namedContexts: Array<(s: string) => string> = [
  (s) => `x-api-key: ${s}`,
  (s) => `> x-api-key: ${s}\r\n> anthropic-version: 2023-06-01`,
  (s) => `* [HTTP/2] [1] [x-api-key: ${s}]`,
  (s) => `headers={x-api-key=[${s}], content-type=[application/json]}`,
  (s) => `(b'x-api-key', b'${s}'), (b'anthropic-version', b'2023-06-01')`,
  (s) => `{'X-Api-Key': '${s}', 'Content-Type': 'application/json'}`,
  (s) => `{"name": "x-api-key", "value": "${s}"}`,
  (s) => `Authorization: Bearer ${s}`,
  (s) => `curl -s https://api.anthropic.com/v1/messages -H "Authorization: Bearer ${s}" -d @body.json`,
  (s) => `ANTHROPIC_API_KEY=${s}`,
  (s) => `export AWS_SECRET_ACCESS_KEY="${s}"`,
  (s) => `api_key: ${s}`,
  (s) => JSON.stringify({ headers: { "api-key": s } }),
  (s) => JSON.stringify(JSON.stringify({ headers: { "x-api-key": s } })),
  (s) => `--api-key ${s}`,
  (s) => `https://gateway.example/v1/messages?api_key=${encodeURIComponent(s)}&stream=true`,
  (s) => `ANTHROPIC_CUSTOM_HEADERS="X-Gateway-Key: ${s}"`,
];

/** Contexts where only the secret's own shape can give it away. */
export const bareContexts: Array<(s: string) => string> = [
  (s) => s,
  (s) => `"${s}"`,
  (s) => `\u001b[31m${s}\u001b[0m`,
  (s) => `(${s}).`,
  (s) => `キー${s}」`,
  (s) => `https://example.test/cb?q=${encodeURIComponent(`token=${s}`)}`,
  (s) => `next=${encodeURIComponent(encodeURIComponent(`x=${s}`))}`,
  (s) => JSON.stringify({ log: `error\n${s}\nend` }),
  (s) => `"${s.slice(0, 9)}" "${s.slice(9, 40)}" "${s.slice(40)}"`,
  (s) => `key = "${s.slice(0, 20)}" +\n    "${s.slice(20)}"`,
  (s) => `${s}${s}`,
];

/** Terminal hard wrap at `width` columns, with `lead` text before the secret on its first line. */
export function wrap(line: string, width: number): string {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  return out.join("\n");
}

/** Evidence that must survive: request and message ids, models, statuses, UUIDs, timestamps, versions, hashes. */
export const evidenceArb: fc.Arbitrary<string> = fc.oneof(
  chars(BASE58, 20).map((b) => `req_011C${b}`),
  chars(BASE58, 24).map((b) => `msg_01${b}`),
  chars(BASE58, 24).map((b) => `toolu_01${b}`),
  fc.constantFrom(
    "claude-sonnet-4-5-20250929",
    "claude-opus-4-6",
    "claude-haiku-4-5-20251001",
    "claude-sonnet-4-5@20250929",
    "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "anthropic/claude-sonnet-4.5",
  ),
  fc.constantFrom("429", "529", "500", "overloaded_error", "rate_limit_error", "invalid_request_error"),
  fc.uuid(),
  fc
    .date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.tuple(fc.nat(9), fc.nat(99), fc.nat(20)).map(([a, b, c]) => `anthropic==${a}.${b}.${c}`),
  fc.tuple(fc.nat(9), fc.nat(99), fc.nat(20)).map(([a, b, c]) => `@anthropic-ai/sdk@${a}.${b}.${c}`),
  chars(HEX, 64).map((h) => `sha256:${h}`),
  chars(HEX, 40),
  fc.tuple(chars(HEX, 32), chars(HEX, 16)).map(([t, p]) => `00-${t}-${p}-01`),
  fc.constantFrom(
    "127.0.0.1:4000",
    "localhost:54545",
    "proxy.corp.example:3128",
    "input_tokens",
    "max_tokens",
    "x-api-key",
    "Authorization: Bearer",
  ),
);

/** Lines evidence is shown in. */
export const evidenceContexts: Array<(e: string) => string> = [
  (e) => `request-id: ${e}`,
  (e) => JSON.stringify({ type: "error", error: { type: "api_error", message: `seen ${e}` }, request_id: e }),
  (e) => `  ⎿  API Error (${e}) · Retrying in 4 seconds… (attempt 2/10)`,
  (e) => `x-request-id: ${e}`,
  (e) => `Date: ${e}`,
];

const ANSI_SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]{0,20}m`, "g");

/** Independent decodings an attacker (or a log viewer) could apply to the output. */
export function decodings(text: string): string[] {
  const out = [text];
  let t = text;
  for (let i = 0; i < 2; i++) {
    try {
      t = decodeURIComponent(t);
    } catch {
      t = t.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    out.push(t);
  }
  out.push(text.replace(/\\(.)/g, "$1").replace(/\\(.)/g, "$1"));
  out.push(text.replace(ANSI_SGR, ""));
  return out;
}
