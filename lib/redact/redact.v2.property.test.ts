import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "./redact";
import { evidenceArb, secretArbs, type SecretSample } from "./test-support";

/**
 * Issue 12's properties: the wrap sweep, every punctuation character in a password in every syntax, the
 * per-syntax readers with generated names and values, echo masking, evidence next to secrets. Seeds are
 * fixed in vitest.setup.ts; the sweeps are exhaustive over their positions, not sampled.
 */

/** One fixed sample of every kind in test-support (seeded), so a sweep covers every kind. */
function samples(): SecretSample[] {
  return Object.values(secretArbs).map((arb, i) => fc.sample(arb, { numRuns: 1, seed: 1207 + i })[0]!);
}

/** The alphanumeric part of a secret that must not survive: its value without the public prefix. */
function body(s: SecretSample): string {
  const prefix =
    /^(?:sk-ant-[a-z]+\d\d-|sk-[a-z]+-|[a-z]{2,6}_(?:live_)?|xox[a-z]-|AKIA|ABSK|AIza|ya29\.|IQoJb3JpZ2luX2Vj|eyJhbGciOiJIUzI1NiJ9\.eyJ|[a-z]+-)/;
  return s.value.replace(prefix, "");
}

/** Every 4-character piece of `secret` holding an upper-case letter or a digit (the context has neither). */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 4 <= secret.length; i++) {
    const p = secret.slice(i, i + 4);
    if (/^[A-Za-z0-9]{4}$/.test(p) && /[A-Z0-9]/.test(p)) out.push(p);
  }
  return out;
}

/** Pieces still readable in `output` once placeholders go and line breaks and indentation are undone. */
function survivors(output: string, secret: string): string[] {
  const flat = output.replace(/\[REDACTED:[a-z0-9-]+#\d+\]/g, "\u0000").replace(/\s+/g, "");
  return pieces(secret).filter((p) => flat.includes(p));
}

function hardWrap(line: string, width: number, indent: string): string {
  const rows: string[] = [];
  for (let i = 0; i < line.length; i += width) rows.push(line.slice(i, i + width));
  return rows.join(`\n${indent}`);
}

describe("wrap sweep: every kind, every wrap position, 40/60/80/120 columns, with and without indentation", () => {
  const all = samples();
  for (const width of [40, 60, 80, 120]) {
    it(`leaves no run of 4 secret characters at ${width} columns`, () => {
      const leaks: string[] = [];
      for (const s of all) {
        const secret = body(s);
        const leads = s.prefixed ? ["service api_key=", "using credential "] : ["service api_key="];
        for (const lead of leads)
          for (const indent of ["", "    "])
            for (let shift = 0; shift < width; shift++) {
              // The wrap falls at every offset of the line: in the name, the separator, the prefix, the body.
              const line = `${"~".repeat(shift)}${lead}${s.value} done`;
              const out = redact(hardWrap(line, width, indent)).text;
              const left = survivors(out, secret);
              if (left.length > 0) leaks.push(`${s.kind} shift ${shift} indent ${indent.length}: ${left[0]}`);
            }
      }
      expect(leaks).toEqual([]);
      // A hang guard for loaded CI machines (about 9,000 redactions per width), not a speed limit.
    }, 120_000);
  }
});

const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".split("");

const shellSingle = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;
const pyRepr = (v: string) =>
  v.includes("'") && !v.includes('"')
    ? `"${v.replace(/\\/g, "\\\\")}"`
    : `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
const xmlEscape = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** What a URL needs escaped to stay one URL in a paste (RFC 3986 leaves the rest to the reader). */
const urlUserinfo = (v: string) => v.replace(/[\s"'<>\\`%]/g, (c) => encodeURIComponent(c));

/** A password in each syntax a paste brings it in, quoted the way that syntax quotes it. */
const PASSWORD_SYNTAXES: Array<[string, (pw: string) => string]> = [
  [".env line", (pw) => `DB_PASSWORD=${pw}`],
  ["shell export, single-quoted", (pw) => `export DB_PASSWORD=${shellSingle(pw)}`],
  ["YAML", (pw) => `database:\n  password: ${JSON.stringify(pw)}\n  host: db`],
  ["JSON", (pw) => JSON.stringify({ db: { password: pw, host: "db" } })],
  ["escaped JSON in a log line", (pw) => JSON.stringify({ msg: JSON.stringify({ password: pw }) })],
  ["Python dict", (pw) => `{'user': 'app', 'password': ${pyRepr(pw)}}`],
  ["HTTP header", (pw) => `> X-Api-Key: ${pw}\n> Accept: */*`],
  ["query string", (pw) => `GET /login?client_secret=${encodeURIComponent(pw)}&state=ok HTTP/1.1`],
  ["URL userinfo", (pw) => `DATABASE_URL=postgresql://app:${urlUserinfo(pw)}@db.internal:5432/app`],
  ["CLI flag", (pw) => `$ deploy --password ${shellSingle(pw)} --verbose`],
  ["argv array", (pw) => `args: ${JSON.stringify(["--api-key", pw, "--verbose"])}`],
  ["XML element", (pw) => `<db><password>${xmlEscape(pw)}</password></db>`],
  ["XML key/value", (pw) => `<add key="ApiKey" value="${xmlEscape(pw)}" />`],
  [".netrc", (pw) => `machine api.example.com login app password ${pw}`],
  ["kubectl describe", (pw) => `Data\n====\napi_token:\n----\n${pw}\n`],
];

describe("every ASCII punctuation character inside a password, in every syntax", () => {
  it.each(PASSWORD_SYNTAXES)("%s", (_name, write) => {
    const leaks: string[] = [];
    for (const c of PUNCTUATION) {
      const pw = `Qx7k${c}Lm2w${c}Zp9d`;
      const out = redact(`2026-12-07 INFO starting\n${write(pw)}\nERROR 401 authentication_error`).text;
      const left = ["Qx7k", "Lm2w", "Zp9d"].filter((p) => out.includes(p));
      if (left.length > 0) leaks.push(`${JSON.stringify(c)} left ${left.join(",")}`);
    }
    expect(leaks).toEqual([]);
  });
});

const nameWords = fc.constantFrom("api", "db", "service", "stripe", "openai", "gateway", "admin", "client");
const secretWords = fc.constantFrom(
  "key",
  "token",
  "secret",
  "password",
  "passwd",
  "api_key",
  "access_token",
);
/** A secret-bearing name in the case style code and configs use. */
const secretName = fc
  .tuple(nameWords, secretWords, fc.constantFrom("snake", "kebab", "camel", "screaming", "acronym"))
  .map(([a, b, style]) => {
    const parts = [a, ...b.split("_")];
    if (style === "snake") return parts.join("_");
    if (style === "kebab") return parts.join("-");
    if (style === "screaming") return parts.join("_").toUpperCase();
    if (style === "acronym")
      return (
        a.toUpperCase() +
        parts
          .slice(1)
          .map((p) => p[0]!.toUpperCase() + p.slice(1))
          .join("")
      );
    return (
      a +
      parts
        .slice(1)
        .map((p) => p[0]!.toUpperCase() + p.slice(1))
        .join("")
    );
  });
const secretValue = fc
  .array(fc.constantFrom(..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"), {
    minLength: 12,
    maxLength: 40,
  })
  .map((cs) => `Q${cs.join("")}z7`);

/** Reader syntaxes a name and a value come in. */
const READER_SYNTAXES: Array<(name: string, value: string) => string> = [
  (n, v) => `${n}=${v}`,
  (n, v) => `export ${n}="${v}"`,
  (n, v) => `${n}: ${v}`,
  (n, v) => `  ${n}:                       ${v}`,
  (n, v) => JSON.stringify({ [n]: v }),
  (n, v) => `{'${n}': '${v}'}`,
  (n, v) => `${n} => '${v}',`,
  (n, v) => `${n} := "${v}"`,
  (n, v) => `{${n}=[${v}], accept=[*/*]}`,
  (n, v) => `map[string][]string{"${n}":[]string{"${v}"}}`,
  (n, v) => `("${n}", "${v}")`,
  (n, v) => `["--${n}", "${v}"]`,
  (n, v) => `--${n} ${v}`,
  (n, v) => `--${n}=${v}`,
  (n, v) => `<${n}>${v}</${n}>`,
  (n, v) => `<add key="${n}" value="${v}"/>`,
  (n, v) => `user,${n},host\napp,${v},db`,
  (n, v) => `${n}:\n${v}`,
  (n, v) => `GET /x?${n}=${v}&page=2`,
  (n, v) => `{"name": "${n}", "value": "${v}"}`,
];

describe("readers: every syntax with generated names and values", () => {
  it("removes the value and keeps the name", () => {
    fc.assert(
      fc.property(secretName, secretValue, fc.nat(READER_SYNTAXES.length - 1), (name, value, k) => {
        const text = READER_SYNTAXES[k]!(name, value);
        const out = redact(`log start\n${text}\nlog end`).text;
        expect(out).not.toContain(value.slice(0, 8));
        expect(out).not.toContain(value.slice(-8));
        expect(out).toContain(name);
      }),
      { numRuns: 400 },
    );
  });
});

describe("echo masking", () => {
  it("masks every other occurrence of a masked value, bare and encoded", () => {
    fc.assert(
      fc.property(secretName, secretValue, (name, value) => {
        const text = [
          `${name}=${value}`,
          `retrying with ${value} (attempt 2)`,
          `GET /cb?v=${encodeURIComponent(`${value}/x`)}`,
          JSON.stringify({ echoed: value }),
        ].join("\n");
        const { text: out } = redact(text);
        expect(out).not.toContain(value);
        expect(out.match(/\[REDACTED:/g)?.length).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: 150 },
    );
  });
});

describe("evidence survives next to secrets", () => {
  it("ids, models, statuses, UUIDs, timestamps and versions beside a masked value stay whole", () => {
    const kinds = samples();
    fc.assert(
      fc.property(evidenceArb, fc.nat(kinds.length - 1), fc.nat(3), (evidence, k, layout) => {
        const s = kinds[k]!;
        // A shapeless value (a bare hex key) is a secret only under a name: its bare layouts are skipped.
        if (!s.prefixed && (layout === 1 || layout === 3)) return;
        const text = [
          `api_key=${s.value} ${evidence}`,
          `"${s.value}" "${evidence}"`,
          `x-api-key: ${s.value}\nrequest-id: ${evidence}`,
          `${evidence} ${s.value}`,
        ][layout]!;
        const out = redact(text).text;
        expect(out).toContain(evidence);
        for (const p of pieces(body(s)).slice(0, 40)) expect(out.replace(/\s+/g, "")).not.toContain(p);
      }),
      { numRuns: 300 },
    );
  });
});
