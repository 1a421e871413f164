import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnosisSchema, type Diagnosis } from "@/lib/diagnosis";
import { redact } from "@/lib/redact";
import { anySecret, namedContexts } from "@/lib/redact/test-support";
import { buildPacket, packetFileName, packetSchema, renderPacketJson, renderPacketMarkdown } from "./index";
import { fenceFor } from "./render";

const NOW = new Date("2025-09-30T14:05:00.000Z");
const REQ = "req_011CSHoEeqs5C35K2UUqR7Fy";
const KEY = `sk-ant-api03-${"Zx9_Qw-8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm".repeat(3).slice(0, 93)}AA`;

/** A Diagnosis fixture, checked against the shared contract so it cannot drift from it. */
function diagnosis(
  overrides: Omit<Partial<Diagnosis>, "evidence"> & { evidence?: Partial<Diagnosis["evidence"]> } = {},
): Diagnosis {
  const { evidence, ...rest } = overrides;
  return diagnosisSchema.parse({
    classifierVersion: "test-1",
    branch: "overloaded",
    variant: null,
    confidence: 0.9,
    headline: "Anthropic's API is overloaded",
    card: {
      title: "Overloaded",
      treatAs: "transient",
      firstMove: "retry with backoff",
      verify: "status page",
      switchWhen: "persisting",
      whoActs: ["anthropic"],
      doNot: ["rotate keys"],
      retry: "yes",
    },
    evidence: {
      status: 529,
      errorType: "overloaded_error",
      message: "Overloaded",
      requestIds: [REQ],
      gatewayRequestIds: [],
      model: "claude-sonnet-4-5-20250929",
      endpoint: "/v1/messages",
      surface: "sdk-python",
      route: "anthropic",
      streaming: false,
      occurredAt: "Tue, 30 Sep 2025 14:03:27 GMT",
      retryAfterMs: null,
      shouldRetry: true,
      rateLimit: {},
      attempts: { seen: 2, of: 3 },
      sdk: { name: "anthropic", version: "0.69.0" },
      ...evidence,
    },
    signals: [],
    occurrences: [
      {
        branch: "overloaded",
        variant: null,
        status: 529,
        errorType: "overloaded_error",
        requestId: REQ,
        at: "2025-09-30T14:03:27.512Z",
        start: 0,
        end: 10,
      },
    ],
    ...rest,
  });
}

const PASTE = [
  "2025-09-30T14:03:27.512Z DEBUG Request options: {'headers': {'x-api-key': '" + KEY + "'}}",
  "python 3.11.4, node absent",
  "x-stainless-runtime: CPython",
  "x-stainless-runtime-version: 3.11.4",
  `HTTP/1.1 529\nrequest-id: ${REQ}`,
  `anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': '${REQ}'}`,
].join("\n");

function packetFor(paste: string, d = diagnosis(), extra: { impact?: string } = {}) {
  const r = redact(paste);
  return buildPacket(
    d,
    r.text,
    { findings: r.findings, impact: extra.impact, checklist: { statusChecked: true } },
    { now: NOW },
  );
}

describe("buildPacket", () => {
  it("produces a schema-valid packet with what support asks for", () => {
    const p = packetFor(PASTE);
    expect(packetSchema.safeParse(p).success).toBe(true);
    expect(p.error).toMatchObject({ status: 529, type: "overloaded_error", message: "Overloaded" });
    expect(p.error.body).toBe(
      `{'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': '${REQ}'}`,
    );
    expect(p.requests).toEqual([{ id: REQ, at: "2025-09-30T14:03:27.512Z", source: "anthropic" }]);
    expect(p.occurredAt).toBe("2025-09-30T14:03:27.000Z");
    expect(p.client).toEqual({
      surface: "sdk-python",
      sdk: "anthropic",
      sdkVersion: "0.69.0",
      runtime: "CPython 3.11.4",
    });
    expect(p.auth).toEqual({ kind: "api-key", basis: ["x-api-key header", "Anthropic API key"] });
    expect(p.retries).toEqual({ seen: 2, of: 3 });
    expect(p.statusPage).toBeNull();
    expect(p.checklist).toEqual({
      statusChecked: true,
      samePathRetried: false,
      networkChecked: false,
      otherModelTried: false,
    });
    expect(p.redaction).toEqual({
      total: 1,
      kinds: [{ kind: "anthropic-api-key", label: "Anthropic API key", count: 1 }],
    });
    expect(p.reproduction?.excerpt).toContain("overloaded_error");
    expect(p.generatedAt).toBe(NOW.toISOString());
  });

  it.each([
    [
      "Authorization: Bearer sk-ant-oat01-" + "Pq7Rs8Tu9Vw0".repeat(8) + "\nanthropic-beta: oauth-2025-04-20",
      "anthropic",
      "oauth",
    ],
    [
      "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250930/us-east-1/bedrock/aws4_request",
      "bedrock",
      "cloud-credentials",
    ],
    ['curl -H "Authorization: Bearer $(gcloud auth print-access-token)"', "vertex", "cloud-credentials"],
    ["API Error: 500 Internal server error", "anthropic", "unknown"],
  ] as const)("infers the auth kind from %s", (paste, route, kind) => {
    expect(packetFor(paste, diagnosis({ evidence: { route } })).auth.kind).toBe(kind);
  });

  it("carries every request id, Anthropic and gateway, once each", () => {
    const d = diagnosis({
      evidence: {
        requestIds: [REQ, "req_011CZAau32QzxDkriovTaFCB"],
        gatewayRequestIds: ["9251f066-a420-483b-b3ae-7485084f6dc6"],
      },
    });
    const p = packetFor(PASTE, d);
    expect(p.requests.map((r) => r.id)).toEqual([
      REQ,
      "req_011CZAau32QzxDkriovTaFCB",
      "9251f066-a420-483b-b3ae-7485084f6dc6",
    ]);
    expect(p.requests[2]?.source).toBe("gateway");
  });

  it("re-redacts diagnosis fields that came from the raw paste", () => {
    const d = diagnosis({ evidence: { message: `invalid x-api-key ${KEY}`, requestIds: [REQ, KEY] } });
    const p = packetFor(PASTE, d);
    expect(p.error.message).toBe("invalid x-api-key [REDACTED:anthropic-api-key]");
    expect(p.requests.map((r) => r.id)).toEqual([REQ]);
  });

  it("keeps the status page reading when one was taken", () => {
    const r = redact(PASTE);
    const reading = { indicator: "major", incidents: [{ name: "Elevated errors on Claude Sonnet 4.5" }] };
    const p = buildPacket(
      diagnosis(),
      r.text,
      { findings: r.findings, statusReading: reading },
      { now: NOW },
    );
    expect(p.statusPage).toEqual(reading);
    expect(renderPacketMarkdown(p)).toContain("Elevated errors on Claude Sonnet 4.5");
  });
});

describe("no secret leaves in a packet", () => {
  it("for generated secrets in every named syntax, also planted in the diagnosis and the impact", () => {
    fc.assert(
      fc.property(anySecret, fc.constantFrom(...namedContexts), (secret, ctx) => {
        const paste = `${ctx(secret.value)}\nrequest-id: ${REQ}\n{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
        // A shapeless secret (32 hex) in free prose is indistinguishable from an id: plant only shaped ones there.
        const planted = secret.prefixed ? ` ${secret.value}` : "";
        const d = diagnosis({ evidence: { message: `key${planted}`, model: `claude-opus-4-6${planted}` } });
        const r = redact(paste);
        const p = buildPacket(
          d,
          r.text,
          { findings: r.findings, impact: `prod down, key${planted}` },
          { now: NOW },
        );
        for (const out of [renderPacketMarkdown(p), renderPacketJson(p)]) {
          expect(out).not.toContain(secret.core);
          expect(out).toContain(REQ);
        }
      }),
      { numRuns: 120 },
    );
  });

  it("even when the caller passes unredacted text", () => {
    const p = buildPacket(diagnosis(), PASTE, { findings: [] }, { now: NOW });
    expect(renderPacketJson(p)).not.toContain(KEY.slice(20, 60));
  });
});

describe("rendering", () => {
  it("fences pasted content with a fence longer than any backtick run inside", () => {
    const hostile = "```\n# injected heading\n````\n<script>alert(1)</script>";
    expect(fenceFor(hostile)).toBe("`````");
    const p = packetFor(`${hostile}\nrequest-id: ${REQ}\nError 529 overloaded_error`);
    const md = renderPacketMarkdown(p);
    const block = md.slice(md.indexOf("## Reproduction excerpt"));
    expect(block).toContain("`````text\n");
    expect(block.split("\n").filter((l) => l === "`````")).toHaveLength(1);
  });

  it("fence safety holds for any content", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("`", "a", "\n", " "), maxLength: 80 }), (s) => {
        const fence = fenceFor(s);
        expect(s).not.toContain(fence);
        expect(fence.length).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it("escapes Markdown in the user's impact line", () => {
    const md = renderPacketMarkdown(
      packetFor(PASTE, diagnosis(), { impact: "# all [users](http://x) *down*\nsecond line" }),
    );
    expect(md).toContain("- Impact: \\# all \\[users\\]\\(http://x\\) \\*down\\* second line");
  });

  it("JSON round-trips through the schema", () => {
    const p = packetFor(PASTE);
    expect(packetSchema.parse(JSON.parse(renderPacketJson(p)))).toEqual(p);
  });
});

describe("packetFileName", () => {
  it("uses the first request id", () => {
    expect(packetFileName(packetFor(PASTE), "md")).toBe(`claude-support-packet-${REQ}.md`);
  });
  it("falls back to the compact UTC time", () => {
    const p = packetFor("API Error: 529", diagnosis({ evidence: { requestIds: [] }, occurrences: [] }));
    expect(packetFileName(p, "json")).toBe("claude-support-packet-20250930T140500Z.json");
  });
  it("makes an odd id safe for a file system", () => {
    const p = packetFor("x", diagnosis({ evidence: { requestIds: ["a/b:c"] }, occurrences: [] }));
    expect(packetFileName(p, "md")).toBe("claude-support-packet-a-b-c.md");
  });
});
