// Real-shaped pastes dense with secrets, 1 MiB each and seeded: what a developer pastes whole when the error is
// somewhere inside (an environment dump, a browser's HAR export, a `curl -v` trace with its cookies). Not
// adversarial (every line is one a real tool prints) and not the realistic log (a secret every 40 to 80
// characters, not every 5 000): the bench times them beside both and reports their ratio to the log.
import { MAX_INPUT_BYTES } from "../lib/input";
import { seededRandom } from "./inputs";

const TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64_CHARS = `${TOKEN_CHARS}+/`;

function token(random: () => number, length: number, chars = TOKEN_CHARS): string {
  let s = "";
  for (let i = 0; i < length; i++) s += chars[Math.floor(random() * chars.length)];
  return s;
}

function upTo(bytes: number, next: () => string): string {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const part = next();
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, bytes);
}

/** `printenv`/`.env`: one assignment a line, most of them secrets with random values, some plain settings. */
function envDump(random: () => number): string {
  const values: Array<[string, () => string]> = [
    ["DB_PASSWORD", () => token(random, 24)],
    ["API_KEY", () => token(random, 40)],
    ["STRIPE_SECRET_KEY", () => `sk_live_${token(random, 32)}`],
    ["AWS_SECRET_ACCESS_KEY", () => token(random, 40, BASE64_CHARS)],
    ["SESSION_SECRET", () => token(random, 48)],
    ["GITHUB_TOKEN", () => `ghp_${token(random, 36)}`],
    ["REDIS_URL", () => `redis://default:${token(random, 24)}@cache.internal:6379/0`],
    ["SENTRY_DSN", () => `https://${token(random, 32).toLowerCase()}@o4504.ingest.sentry.io/4505`],
    ["NODE_ENV", () => "production"],
    ["PORT", () => "8080"],
    ["LOG_LEVEL", () => "info"],
    ["APP_NAME", () => "billing-api"],
  ];
  return upTo(MAX_INPUT_BYTES, () => {
    const [name, value] = values[Math.floor(random() * values.length)] ?? ["PORT", () => "8080"];
    return `${name}=${value()}\n`;
  });
}

/** A HAR export's request headers: each entry a key, a cookie, a bearer token and two plain headers. */
function harHeaders(random: () => number): string {
  // A session's cookie and token recur across its requests; a new session now and then.
  let session = token(random, 32, BASE64_CHARS);
  let bearer = token(random, 48);
  return upTo(MAX_INPUT_BYTES, () => {
    if (random() < 0.1) {
      session = token(random, 32, BASE64_CHARS);
      bearer = token(random, 48);
    }
    return (
      `        "headers": [\n` +
      `          {"name": "x-api-key", "value": "${token(random, 40)}"},\n` +
      `          {"name": "cookie", "value": "sid=${session}; theme=dark"},\n` +
      `          {"name": "authorization", "value": "Bearer ${bearer}"},\n` +
      `          {"name": "content-type", "value": "application/json"},\n` +
      `          {"name": "x-request-id", "value": "req_${token(random, 24)}"}\n` +
      `        ],\n`
    );
  });
}

/** `curl -v` against an API: request headers with a dozen cookies and a bearer token, and the response's. */
function curlVerbose(random: () => number): string {
  return upTo(MAX_INPUT_BYTES, () => {
    const cookies = Array.from({ length: 12 }, (_, i) => `c${i}=${token(random, 20, BASE64_CHARS)}`).join(
      "; ",
    );
    return (
      `> POST /v1/messages HTTP/1.1\n> Host: api.example.com\n> Cookie: ${cookies}\n` +
      `> Authorization: Bearer ${token(random, 48)}\n> Content-Type: application/json\n>\n` +
      `< HTTP/1.1 529 Overloaded\n< request-id: req_${token(random, 24)}\n` +
      `< Set-Cookie: session=${token(random, 32, BASE64_CHARS)}; Path=/; HttpOnly; Secure\n<\n`
    );
  });
}

/** The dense inputs, by name. */
export function denseInputs(): Array<[string, string]> {
  const random = seededRandom(20261207);
  return [
    ["dense: .env dump of random values", envDump(random)],
    ["dense: HAR request headers", harHeaders(random)],
    ["dense: curl -v with cookies", curlVerbose(random)],
  ];
}
