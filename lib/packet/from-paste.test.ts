import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classify } from "@/lib/classify";
import { redact } from "@/lib/redact";
import type { StatusContext } from "@/lib/status/context";
import { packetFromPaste, packetFromPasteWithStatus, packetSchema } from "./index";

// The shared corpus sits beside the project (../shared), in CI too (as in lib/classify/corpus.test.ts).
const CORPUS_DIR = join(__dirname, "..", "..", "..", "shared", "corpus");

type CorpusCase = { id: string; text: string; expected: { branch: string; request_id: string | null } };

const cases: CorpusCase[] = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(CORPUS_DIR, f), "utf8")) as CorpusCase);

const NOW = new Date("2026-11-21T10:20:00.000Z");

/** Fake secrets of the kinds users paste most, each with a core that must appear in no output. */
const SECRETS = {
  anthropicKey: `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`,
  bearer: "eyQ3Lk9Mn2Bv6Cx1Za8Sd4Fg7Hj0Kl5Pq3Wr6Ty9Ui",
  awsSecret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYq3Hk8Lm2Np",
  email: "jane.rivera@northwind-labs.io",
};
const CORES = [
  SECRETS.anthropicKey.slice(30, 60),
  SECRETS.bearer.slice(10, 30),
  SECRETS.awsSecret.slice(8, 32),
  "jane.rivera",
  "northwind-labs",
];

const SECRET_LINES = [
  `ANTHROPIC_API_KEY=${SECRETS.anthropicKey}`,
  `Authorization: Bearer ${SECRETS.bearer}`,
  `aws_secret_access_key = ${SECRETS.awsSecret}`,
  `reported by ${SECRETS.email}`,
];

/** The corpus text with the secrets planted at its start, next to its first anchor line, and at its end. */
function planted(text: string): string {
  const lines = text.split("\n");
  const anchor = lines.findIndex((l) => /req_|"error"|Error/.test(l));
  lines.splice(anchor < 0 ? lines.length : anchor + 1, 0, ...SECRET_LINES);
  return [...SECRET_LINES, ...lines, ...SECRET_LINES].join("\n");
}

// Shapes of secrets that must never appear in a packet, planted or not.
const SECRET_SHAPES = [/sk-ant-[a-z]{2,6}\d{2}-[\w-]{20}/, /\bAKIA[0-9A-Z]{16}\b/, /Bearer [\w.~+/-]{20}/];

describe("packetFromPaste", () => {
  it("has the shared corpus to run over", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(cases.map((c) => [c.id, c] as const))("corpus case %s", (_id, c) => {
    it("makes a schema-valid packet naming the page's branch and carrying every request id", () => {
      const { packet, json } = packetFromPaste(c.text, {}, { now: NOW });
      expect(packetSchema.safeParse(packet).success).toBe(true);
      expect(packetSchema.parse(JSON.parse(json))).toEqual(packet);
      expect(packet.diagnosis.branch).toBe(classify(c.text).branch);
      if (c.expected.request_id !== null)
        expect(packet.requests.map((r) => r.id)).toContain(c.expected.request_id);
    });

    it("leaves no planted secret in the Markdown, the JSON or the redacted text", () => {
      const result = packetFromPaste(
        planted(c.text),
        { impact: `blocked, ping ${SECRETS.email}`, hidePrompt: false },
        { now: NOW },
      );
      expect(packetSchema.safeParse(result.packet).success).toBe(true);
      for (const out of [result.markdown, result.json, result.redacted.text]) {
        for (const core of CORES) expect(out).not.toContain(core);
        for (const shape of SECRET_SHAPES) expect(out).not.toMatch(shape);
      }
      const kinds = result.packet.redaction.kinds.map((k) => k.kind);
      expect(kinds).toEqual(expect.arrayContaining(["anthropic-api-key", "email"]));
      if (c.expected.request_id !== null) expect(result.markdown).toContain(c.expected.request_id);
    });
  });
});

describe("what the user adds", () => {
  const PASTE = [
    "2026-11-21T10:15:00Z POST https://api.anthropic.com/v1/messages",
    "request-id: req_011CSHoEeqs5C35K2UUqR7Fy",
    'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
  ].join("\n");

  it("carries impact and checklist into the packet and its Markdown", () => {
    const { packet, markdown } = packetFromPaste(
      PASTE,
      {
        impact: "Checkout summaries fail for all users",
        checklist: { statusChecked: true, networkChecked: true },
      },
      { now: NOW },
    );
    expect(packet.impact).toBe("Checkout summaries fail for all users");
    expect(packet.checklist).toEqual({
      statusChecked: true,
      samePathRetried: false,
      networkChecked: true,
      otherModelTried: false,
    });
    expect(markdown).toContain("- [x] Checked the status page");
    expect(markdown).toContain("- [ ] Retried the same request path");
    expect(markdown).toContain("Checkout summaries fail for all users");
  });

  it("counts what redaction removed from the impact line in the packet's redaction summary", () => {
    const plain = packetFromPaste(PASTE, {}, { now: NOW }).packet.redaction;
    const { packet } = packetFromPaste(
      PASTE,
      { impact: "blocked; ping ops@example.com or use DB_PASSWORD=Zq8vT2mL9xWp" },
      { now: NOW },
    );
    expect(packet.impact).not.toContain("ops@example.com");
    expect(packet.impact).not.toContain("Zq8vT2mL9xWp");
    expect(packet.redaction.total).toBe(plain.total + 2);
    const count = (kind: string) => packet.redaction.kinds.find((k) => k.kind === kind)?.count ?? 0;
    expect(count("email")).toBe(1);
    expect(count("password")).toBe(1);
  });

  it("returns the redaction it made, with spans of the placeholders in the redacted text", () => {
    const { redacted } = packetFromPaste(`${PASTE}\nx-api-key: ${SECRETS.anthropicKey}`, {}, { now: NOW });
    const finding = redacted.findings.find((f) => f.kind === "anthropic-api-key");
    const span = finding?.spans[0];
    expect(span && redacted.text.slice(span.start, span.end)).toBe("[REDACTED:anthropic-api-key#1]");
    expect(redacted).toEqual(redact(`${PASTE}\nx-api-key: ${SECRETS.anthropicKey}`));
  });

  it("hides prompt content, and classifies the hidden text so no prompt prose reaches the packet", () => {
    const prompt = "Summarise the Q3 acquisition memo for Project Heron";
    const paste = `Request options: {"model": "claude-opus-4-6", "messages": [{"role": "user", "content": "${prompt}"}]}\n${PASTE}`;
    const shown = packetFromPaste(paste, {}, { now: NOW });
    const hidden = packetFromPaste(paste, { hidePrompt: true }, { now: NOW });
    expect(shown.redacted.text).toContain("Project Heron");
    for (const out of [hidden.markdown, hidden.json, hidden.redacted.text])
      expect(out).not.toContain("Project Heron");
    expect(hidden.redacted.text).toContain(`[prompt content hidden: ${prompt.length} chars]`);
    expect(hidden.packet.diagnosis.branch).toBe("overloaded");
  });
});

describe("the status page section", () => {
  const context: StatusContext = {
    indicator: "minor",
    description: "Partially Degraded Service",
    checkedAt: "2026-11-21T10:19:00.000Z",
    source: "live",
    components: [
      { id: "a", name: "Claude API (api.anthropic.com)", status: "degraded_performance", updatedAt: "x" },
      { id: "b", name: "claude.ai", status: "operational", updatedAt: "x" },
    ],
    activeIncidents: [],
    correlatedIncidents: [],
  };
  const PASTE = 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

  it("summarises the reading it is given, degraded components only", () => {
    const { packet } = packetFromPaste(PASTE, { statusContext: context }, { now: NOW });
    expect(packet.statusPage).toMatchObject({
      indicator: "minor",
      source: "live",
      degradedComponents: [{ name: "Claude API (api.anthropic.com)", status: "degraded_performance" }],
    });
  });

  it("reads the status page for the error's surface and time when given a client", async () => {
    const asked: unknown[] = [];
    const result = await packetFromPasteWithStatus(
      PASTE,
      {
        status: {
          getContext: async (request) => {
            asked.push(request);
            return context;
          },
        },
      },
      { now: NOW },
    );
    expect(asked).toHaveLength(1);
    expect(result.packet.statusPage).toMatchObject({ indicator: "minor" });
  });

  it("leaves the section empty when the status client fails", async () => {
    const result = await packetFromPasteWithStatus(
      PASTE,
      { status: { getContext: () => Promise.reject(new Error("down")) } },
      { now: NOW },
    );
    expect(result.packet.statusPage).toBeNull();
    expect(result.markdown).toContain("Not checked.");
  });
});

describe("the verdict in the packet", () => {
  it("carries the verdict the user was shown, its sentence first in the summary", () => {
    const text = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CZAau32QzxDkriovTaFCB"}`;
    const { packet, markdown } = packetFromPaste(text, { occurredAt: NOW.toISOString() }, { now: NOW });
    expect(packet.verdict).toMatchObject({
      whoActs: ["anthropic"],
      retry: "now",
      tense: "current",
      incident: null,
    });
    expect(markdown).toContain(`- Verdict: ${packet.verdict?.summary.split(" (")[0]}`);
    expect(markdown.indexOf("- Verdict:")).toBeLessThan(markdown.indexOf("- Diagnosis:"));
  });

  it("names an open incident on the error's path as Anthropic's", async () => {
    const text = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
    const incident = {
      id: "abc123def456",
      name: "Elevated errors on Claude API",
      impact: "major" as const,
      status: "investigating" as const,
      createdAt: "2026-11-21T10:00:00.000Z",
      updatedAt: "2026-11-21T10:05:00.000Z",
      startedAt: "2026-11-21T10:00:00.000Z",
      resolvedAt: null,
      shortlink: null,
      url: "https://status.claude.com/incidents/abc123def456",
      components: ["Claude API (api.anthropic.com)"],
      componentIds: ["k8w3r06qmzrp"],
    };
    const context: StatusContext = {
      indicator: "major",
      description: "Partial System Outage",
      checkedAt: NOW.toISOString(),
      source: "live",
      components: [],
      activeIncidents: [incident],
      correlatedIncidents: [{ ...incident, relation: "during", matchesSurface: true, gapMs: 0 }],
    };
    const { packet } = await packetFromPasteWithStatus(
      text,
      {
        occurredAt: NOW.toISOString(),
        status: { getContext: async () => context },
      },
      { now: NOW },
    );
    expect(packet.verdict).toMatchObject({
      retry: "later",
      incident: { name: "Elevated errors on Claude API", ongoing: true, relation: "during" },
    });
  });
});
