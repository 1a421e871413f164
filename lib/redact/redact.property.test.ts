import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "./redact";
import {
  anySecret,
  bareContexts,
  decodings,
  evidenceArb,
  evidenceContexts,
  namedContexts,
  prefixedSecret,
  secretArbs,
  wrap,
} from "./test-support";

const PLACEHOLDER = /^\[REDACTED:[a-z0-9-]+#\d+\]$|^\[prompt content hidden: \d+ chars\]$/;
const RUNS = { numRuns: 150 };

function expectGone(output: string, core: string): void {
  for (const view of decodings(output)) expect(view).not.toContain(core);
}

const filler = fc.constantFrom(
  "",
  "anthropic.APIStatusError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}\n",
  '  ⎿  API Error: 500 {"type":"error","error":{"type":"api_error","message":"Internal server error"}}\n',
  "2025-09-30T14:03:27.512Z DEBUG anthropic._base_client Request options: ",
  "> POST /v1/messages HTTP/2\n> Host: api.anthropic.com\n",
);

describe("secrets never survive", () => {
  it("in every named-field syntax (headers, env, JSON, escaped JSON, flags, query strings)", () => {
    fc.assert(
      fc.property(
        anySecret,
        fc.constantFrom(...namedContexts),
        filler,
        filler,
        (secret, ctx, before, after) => {
          const out = redact(`${before}${ctx(secret.value)}\n${after}`).text;
          expectGone(out, secret.core);
        },
      ),
      RUNS,
    );
  });

  it("bare, quoted, glued to ANSI codes or punctuation, %-encoded, double-encoded, JSON-escaped, split literals, back to back", () => {
    fc.assert(
      fc.property(prefixedSecret, fc.constantFrom(...bareContexts), filler, (secret, ctx, before) => {
        const out = redact(`${before}${ctx(secret.value)}`).text;
        expectGone(out, secret.core);
      }),
      RUNS,
    );
  });

  it("hard-wrapped by a terminal at any width", () => {
    fc.assert(
      fc.property(
        prefixedSecret,
        fc.integer({ min: 60, max: 120 }),
        fc.constantFrom("x-api-key: ", "token ", "  ", "Error: invalid key "),
        (secret, width, lead) => {
          const out = redact(wrap(`${lead}${secret.value} next`, width)).text;
          expectGone(out, secret.core);
        },
      ),
      RUNS,
    );
  });

  it("base64-encoded in config (Kubernetes Secret data, Docker auth)", () => {
    fc.assert(
      fc.property(prefixedSecret, (secret) => {
        const data = btoa(`ANTHROPIC_API_KEY=${secret.value}\n`);
        const out = redact(`apiVersion: v1\nkind: Secret\ndata:\n  config.env: ${data}\n`).text;
        expect(out).not.toContain(data);
        expectGone(out, secret.core);
      }),
      RUNS,
    );
  });

  it("and the findings never carry the value", () => {
    fc.assert(
      fc.property(anySecret, fc.constantFrom(...namedContexts), (secret, ctx) => {
        const { findings } = redact(ctx(secret.value));
        expect(findings.length).toBeGreaterThan(0);
        expect(JSON.stringify(findings)).not.toContain(secret.core);
      }),
      RUNS,
    );
  });
});

describe("evidence always survives", () => {
  it("request ids, model ids, statuses, UUIDs, timestamps, versions, hashes, local hosts", () => {
    fc.assert(
      fc.property(
        evidenceArb,
        fc.constantFrom(...evidenceContexts),
        fc.option(anySecret, { nil: undefined }),
        (evidence, ctx, secret) => {
          const paste = `${ctx(evidence)}\n${secret ? `x-api-key: ${secret.value}\n` : ""}`;
          expect(redact(paste).text).toContain(evidence);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const pasteArb = fc
  .array(
    fc.oneof(
      anySecret.chain((s) => fc.constantFrom(...namedContexts, ...bareContexts).map((ctx) => ctx(s.value))),
      evidenceArb.chain((e) => fc.constantFrom(...evidenceContexts).map((ctx) => ctx(e))),
      fc.string({ maxLength: 40 }),
      filler,
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join("\n"));

describe("idempotence", () => {
  it("redacting the output again changes nothing", () => {
    fc.assert(
      fc.property(pasteArb, fc.boolean(), (paste, hidePrompt) => {
        const once = redact(paste, { hidePrompt }).text;
        expect(redact(once, { hidePrompt }).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it("holds on a request payload with prompt hiding", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), anySecret, (prompt, secret) => {
        const paste = JSON.stringify({
          model: "claude-opus-4-6",
          system: prompt,
          messages: [{ role: "user", content: `${prompt} ${secret.value}` }],
        });
        const once = redact(paste, { hidePrompt: true });
        expect(redact(once.text, { hidePrompt: true }).text).toBe(once.text);
        expectGone(once.text, secret.core);
      }),
      RUNS,
    );
  });
});

describe("never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (s, hidePrompt) => {
        expect(typeof redact(s, { hidePrompt }).text).toBe("string");
      }),
      { numRuns: 500 },
    );
  });

  it("on arbitrary Unicode, including lone surrogates and control characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        const r = redact(s);
        expect(typeof r.text).toBe("string");
        expect(Array.isArray(r.findings)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("placeholders", () => {
  it("number the same secret the same throughout a paste, and different secrets differently", () => {
    fc.assert(
      fc.property(secretsOfOneKind(), ([a, b]) => {
        const paste = `x-api-key: ${a.value}\nlater: ${JSON.stringify({ api_key: b.value })}\nagain "${a.value}" and ${encodeURIComponent(`key=${a.value}`)}`;
        const { text } = redact(paste);
        const numbers = [...text.matchAll(/\[REDACTED:([a-z0-9-]+)#(\d+)\]/g)].map((m) => `${m[1]}#${m[2]}`);
        expect(numbers).toHaveLength(4);
        expect(numbers[0]).toBe(numbers[2]);
        expect(numbers[0]).toBe(numbers[3]);
        expect(numbers[1]).not.toBe(numbers[0]);
      }),
      RUNS,
    );
  });

  it("spans point at placeholders in the redacted text and counts match", () => {
    fc.assert(
      fc.property(pasteArb, (paste) => {
        const { text, findings } = redact(paste, { hidePrompt: true });
        for (const f of findings) {
          expect(f.count).toBe(f.spans.length);
          for (const s of f.spans) expect(text.slice(s.start, s.end)).toMatch(PLACEHOLDER);
        }
      }),
      RUNS,
    );
  });
});

function secretsOfOneKind() {
  const prefixedKinds = Object.keys(secretArbs).filter(
    (k) => !["aws-secret-access-key", "gateway-key", "azure-openai-key"].includes(k),
  );
  return fc
    .constantFrom(...prefixedKinds)
    .chain((k) => fc.tuple(secretArbs[k] ?? prefixedSecret, secretArbs[k] ?? prefixedSecret))
    .filter(([a, b]) => a.value !== b.value);
}
