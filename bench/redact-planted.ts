// The redaction bench's planted set: fake secrets of every kind, written in the encodings and syntaxes real
// pastes bring, each planted alone in a few lines of ordinary log so any finding a scanner reports is about it.
// Seeded, so every run plants the same bytes. Values are random templates, never real credentials.

/** mulberry32, the same PRNG as bench/inputs.ts. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const random = seededRandom(20261207);
const run = (alphabet: string, n: number): string =>
  Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
/** Machine-made for sure: at least one upper, one lower, one digit. */
const mixed = (alphabet: string, n: number): string => `Q${run(alphabet, n - 3)}z7`;

export interface PlantedSecret {
  kind: string;
  /** The variable or header name the secret is usually found under. */
  name: string;
  value: string;
  /** The part of `value` that must not survive (a public prefix such as `sk-ant-api03-` may). */
  body: string;
  /** The usual line it is pasted in. */
  line: (name: string, value: string) => string;
}

const env = (n: string, v: string) => `${n}=${v}`;
const header = (n: string, v: string) => `${n}: ${v}`;

function prefixed(kind: string, name: string, prefix: string, body: string, suffix = ""): PlantedSecret {
  return { kind, name, value: `${prefix}${body}${suffix}`, body, line: env };
}

/** One secret per kind, in the syntax it usually comes in. */
export const PLANTED_SECRETS: PlantedSecret[] = [
  prefixed("anthropic-api-key", "ANTHROPIC_API_KEY", "sk-ant-api03-", mixed(`${ALNUM}_-`, 93), "AA"),
  prefixed("anthropic-oauth-token", "CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat01-", mixed(`${ALNUM}_-`, 95)),
  (() => {
    const a = mixed(`${ALNUM}_-`, 74);
    const b = mixed(`${ALNUM}_-`, 74);
    return { ...prefixed("openai-api-key", "OPENAI_API_KEY", "sk-proj-", `${a}T3BlbkFJ${b}`) };
  })(),
  prefixed("github-token", "GITHUB_TOKEN", "ghp_", mixed(ALNUM, 36)),
  prefixed("gitlab-token", "GITLAB_TOKEN", "glpat-", mixed(`${ALNUM}_-`, 20)),
  prefixed(
    "slack-token",
    "SLACK_BOT_TOKEN",
    "xoxb-",
    `${run("0123456789", 12)}-${run("0123456789", 13)}-${mixed(ALNUM, 24)}`,
  ),
  prefixed("stripe-key", "STRIPE_SECRET_KEY", "sk_live_", mixed(ALNUM, 99)),
  prefixed("google-api-key", "GOOGLE_API_KEY", "AIza", mixed(`${ALNUM}_-`, 35)),
  prefixed("huggingface-token", "HF_TOKEN", "hf_", mixed(ALNUM, 34)),
  prefixed("shopify-token", "SHOPIFY_ACCESS_TOKEN", "shpat_", run(HEX, 32)),
  prefixed("digitalocean-token", "DIGITALOCEAN_TOKEN", "dop_v1_", run(HEX, 64)),
  prefixed("mailgun-key", "MAILGUN_API_KEY", "key-", run(HEX, 32)),
  prefixed(
    "sendgrid-api-key",
    "SENDGRID_API_KEY",
    "SG.",
    `${mixed(`${ALNUM}_-`, 22)}.${mixed(`${ALNUM}_-`, 43)}`,
  ),
  prefixed("npm-token", "NPM_TOKEN", "npm_", mixed(ALNUM, 36)),
  {
    ...prefixed(
      "aws-access-key-id",
      "aws_access_key_id",
      "AKIA",
      run("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
    ),
    line: (n, v) => `${n} = ${v}`,
  },
  {
    ...prefixed("aws-secret-access-key", "aws_secret_access_key", "", mixed(`${ALNUM}+/`, 40)),
    line: (n, v) => `${n} = ${v}`,
  },
  (() => {
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    const body = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(`{"sub":"${run(HEX, 12)}","iat":1765000000}`)}.${mixed(`${ALNUM}_-`, 43)}`;
    return {
      kind: "jwt",
      name: "Authorization",
      value: `Bearer ${body}`,
      body: body.slice(37),
      line: header,
    };
  })(),
  (() => {
    const pw = `${mixed(ALNUM, 6)}?/${mixed(ALNUM, 4)}#${mixed(ALNUM, 5)}`;
    return {
      kind: "url-password",
      name: "DATABASE_URL",
      value: `postgresql://app:${pw}@db.internal:5432/app`,
      body: pw,
      line: env,
    };
  })(),
  (() => {
    const pw = `${mixed(ALNUM, 7)};${mixed(ALNUM, 5)}&${mixed(ALNUM, 4)}`;
    return { kind: "password", name: "DB_PASSWORD", value: pw, body: pw, line: env };
  })(),
  (() => {
    const v = mixed(ALNUM, 40);
    return { kind: "api-key-header", name: "X-Api-Key", value: v, body: v, line: header };
  })(),
];

const LOG_BEFORE = "2026-12-07T02:40:11.512Z INFO  [worker-3] starting request loop\n";
const LOG_AFTER = "\n2026-12-07T02:40:12.001Z ERROR [worker-3] API Error: 401 authentication_error\n";

const htmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A terminal's hard wrap of `text` at `width` columns. */
export function hardWrap(text: string, width: number): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.join("\n");
}

/** `xxd` output for `text`. */
export function xxd(text: string): string {
  const bytes = Buffer.from(text);
  const lines: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const chunk = bytes.subarray(off, off + 16);
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, "0"));
    const groups: string[] = [];
    for (let g = 0; g < hex.length; g += 2) groups.push(hex.slice(g, g + 2).join(""));
    const ascii = [...chunk].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${off.toString(16).padStart(8, "0")}: ${groups.join(" ").padEnd(40)}  ${ascii}`);
  }
  return lines.join("\n");
}

/** How a pasted secret is encoded; each returns the text around the secret line. */
export const PLANTED_ENCODINGS: Array<[string, (s: PlantedSecret) => string]> = [
  ["plain", (s) => s.line(s.name, s.value)],
  ["JSON-escaped in a log", (s) => `{"level":"debug","msg":"config {\\"${s.name}\\": \\"${s.value}\\"}"}`],
  ["URL-encoded", (s) => `GET /debug?cfg=${encodeURIComponent(s.line(s.name, s.value))}&v=2 HTTP/1.1`],
  ["HTML-escaped", (s) => `<td>${htmlEscape(`{"${s.name}": "${s.value}"}`)}</td>`],
  ["ANSI-coloured", (s) => `\u001b[32m${s.name}\u001b[0m=\u001b[1;33m${s.value}\u001b[0m`],
  ["wrapped at 60", (s) => hardWrap(`2026-12-07 02:40:11 DEBUG env ${s.line(s.name, s.value)} ok`, 60)],
  ["wrapped at 80, indented", (s) => hardWrap(`    ${s.line(s.name, s.value)}`, 80).replace(/\n/g, "\n    ")],
  [
    "split string literal",
    (s) => {
      const h = Math.floor(s.value.length / 2);
      return `const ${s.name.toLowerCase()} = "${s.value.slice(0, h)}" +\n  "${s.value.slice(h)}";`;
    },
  ],
  ["base64", (s) => `config.env: ${Buffer.from(`${s.line(s.name, s.value)}\n`).toString("base64")}`],
  ["hex dump (xxd)", (s) => `$ printf %s "$${s.name}" | xxd\n${xxd(s.value)}`],
  ["echoed bare", (s) => `${s.line(s.name, s.value)}\nretrying with credential ${s.value} (attempt 2)`],
];

/** A password-shaped value in each syntax a paste brings, for the per-syntax table. */
const SYNTAX_PASSWORD = `${mixed(ALNUM, 6)}!${mixed(ALNUM, 5)}`;
export const PLANTED_SYNTAXES: Array<[string, (v: string) => string]> = [
  ["env assignment", (v) => `DB_PASSWORD=${v}`],
  ["YAML", (v) => `database:\n  host: db.internal\n  password: ${v}\n`],
  ["JSON", (v) => `{"db": {"user": "app", "password": "${v}"}}`],
  ["Python dict", (v) => `{'user': 'app', 'password': '${v}'}`],
  ["HTTP header", (v) => `> X-Api-Key: ${v}`],
  ["cookie", (v) => `Set-Cookie: session_id=${v}; Path=/; HttpOnly`],
  ["query string", (v) => `GET /cb?client_secret=${v}&state=ok`],
  ["argv array", (v) => `args: ["--api-key", "${v}", "--verbose"]`],
  ["CLI flag", (v) => `$ mysql -u app -p${v} -h db.internal`],
  ["redis-cli -a", (v) => `$ redis-cli -h cache -a ${v} ping`],
  ["Go map dump", (v) => `headers=map[string][]string{"Authorization":[]string{"Basic ${v}"}}`],
  ["Java map dump", (v) => `headers={x-api-key=[${v}], accept=[*/*]}`],
  ["XML element", (v) => `<connection><user>app</user><password>${v}</password></connection>`],
  ["XML key/value attributes", (v) => `<add key="ApiKey" value="${v}" />`],
  ["CSV with header row", (v) => `user,password,host\napp,${v},db.internal`],
  ["kubectl describe", (v) => `Data\n====\npassword:  16 bytes\napi_token:\n----\n${v}\n`],
  ["label on the line before", (v) => `Signature:\n${v}`],
  [".pgpass", (v) => `db.internal:5432:app:app:${v}`],
  [".netrc", (v) => `machine api.example.com login app password ${v}`],
  ["wide alignment", (v) => `password                    ${v}`],
  ["acronym camelCase name", (v) => `DBPassword = "${v}"`],
  ["German label", (v) => `Passwort: ${v}`],
  ["Spanish label", (v) => `contraseña: ${v}`],
  ["Chinese label", (v) => `密码：${v}`],
  // Syntaxes read since 2026-12-07's probes of real tools' output.
  [
    "name and value fields (SSM)",
    (v) => `{"Name": "/prod/db/password", "Type": "SecureString", "Value": "${v}"}`,
  ],
  [
    "Kubernetes env YAML",
    (v) => `env:\n- name: DB_PASSWORD\n  value: ${v}\n- name: LOG_LEVEL\n  value: debug`,
  ],
  ["nginx header directive", (v) => `proxy_set_header X-Api-Key ${v};`],
  ["Markdown table", (v) => `| Name | Value |\n|---|---|\n| DB_PASSWORD | ${v} |`],
  ["printed variable", (v) => `$ echo $DB_PASSWORD\n${v}\n$ psql -h db`],
  ["Oracle user/password@db", (v) => `$ sqlplus scott/${v}@db.internal:1521/ORCL`],
  ["openssl -pass pass:", (v) => `$ openssl enc -aes-256-cbc -in a -out b -pass pass:${v}`],
  ["fish set -gx", (v) => `set -gx DB_PASSWORD ${v}`],
  ["Node inspect header list", (v) => `Headers { 'x-api-key': [ '${v}' ], accept: [ '*/*' ] }`],
  ["MySQL IDENTIFIED BY", (v) => `CREATE USER 'app'@'%' IDENTIFIED BY '${v}';`],
];

export interface PlantedCase {
  /** `kind`, `encoding` or `syntax` this case counts under. */
  kind: string;
  encoding: string;
  syntax: string;
  text: string;
  /** Substrings of the secret that must not survive. */
  body: string;
}

export function plantedCases(): PlantedCase[] {
  const cases: PlantedCase[] = [];
  for (const s of PLANTED_SECRETS)
    for (const [encoding, encode] of PLANTED_ENCODINGS)
      cases.push({
        kind: s.kind,
        encoding,
        syntax: "-",
        text: `${LOG_BEFORE}${encode(s)}${LOG_AFTER}`,
        body: s.body,
      });
  for (const [syntax, write] of PLANTED_SYNTAXES)
    cases.push({
      kind: "password (syntax set)",
      encoding: "-",
      syntax,
      text: `${LOG_BEFORE}${write(SYNTAX_PASSWORD)}${LOG_AFTER}`,
      body: SYNTAX_PASSWORD,
    });
  return cases;
}

/** What a reader of `output` can recover: the text, and its %-, HTML-, base64- and hex-dump-decoded forms. */
function readable(output: string): string[] {
  const out = [output];
  out.push(output.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  out.push(
    output
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
  );
  for (const m of output.matchAll(/[\w+/-]{16,}={0,2}/g))
    out.push(Buffer.from(m[0], "base64").toString("latin1"));
  const hex = [...output.matchAll(/^[0-9a-f]{8}: ((?:[0-9a-f]{2,4} ){1,8})/gm)].map((m) =>
    (m[1] ?? "").replace(/ /g, ""),
  );
  if (hex.length > 0) out.push(Buffer.from(hex.join(""), "hex").toString("latin1"));
  return out;
}

/** True when some 4-character alphanumeric piece of `body` can still be read in `output` (placeholders aside). */
export function leaks(output: string, body: string, piece = 4): boolean {
  const texts = readable(output.replace(/\[REDACTED:[a-z0-9-]+#\d+\]/g, "\u0000")).flatMap((t) => [
    t,
    t.replace(/\s+/g, ""),
  ]);
  for (let i = 0; i + piece <= body.length; i++) {
    const p = body.slice(i, i + piece);
    if (!/^[A-Za-z0-9]+$/.test(p)) continue;
    if (texts.some((t) => t.includes(p))) return true;
  }
  return false;
}
