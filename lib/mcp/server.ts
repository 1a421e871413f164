import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { checkInputText, MAX_INPUT_BYTES } from "../input";
import { packetFromPasteWithStatus, packetSchema, type Checklist } from "../packet";
import { redact } from "../redact";
import { diagnose, diagnosisReportSchema } from "../report";
import type { StatusClient } from "../status/client";
import { statusReadingSchema } from "../status/reading";
import { VERSION } from "./version";

// The triage as Model Context Protocol tools (the official TypeScript SDK's McpServer): each tool has an input
// schema, returns structuredContent matching its output schema plus the same JSON as text (the spec's advice for
// clients without structured output), and every text it returns is redacted.

export type TriageMcpOptions = {
  /** Created on first use and kept, so its cache spans calls; throws when a status setting is invalid. */
  statusClient: () => StatusClient;
  now: () => Date;
  random: () => number;
};

const pasteSchema = z
  .string()
  .describe(
    `The pasted error: a log excerpt, traceback or terminal output (at most ${MAX_INPUT_BYTES} UTF-8 bytes).`,
  );
const occurredAtSchema = z.iso
  .datetime({ offset: true })
  .optional()
  .describe("When the error happened (ISO 8601), if the text does not say; used to match status incidents.");
const useStatusSchema = z
  .boolean()
  .default(true)
  .describe("Read the live status page (STATUS_PAGE_URL) for incidents near the error.");

const RULED_OUT = {
  status: "statusChecked",
  "same-path": "samePathRetried",
  network: "networkChecked",
  "other-model": "otherModelTried",
} as const satisfies Record<string, keyof Checklist>;

const findingsSchema = z.array(
  z.object({
    kind: z.string(),
    count: z.number().int().nonnegative(),
    spans: z.array(z.object({ start: z.number(), end: z.number() }).loose()),
  }),
);

type ToolResult = {
  content: Array<{ type: "text"; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

function ok(summary: string, structured: Record<string, unknown>): ToolResult {
  return {
    content: [
      { type: "text", text: summary },
      { type: "text", text: JSON.stringify(structured) },
    ],
    structuredContent: structured,
  };
}

function failure(message: string): ToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/** The input check every face applies (lib/input): empty, oversize and binary text are refused with a reason. */
function checked(text: string): { ok: true; text: string } | { ok: false; result: ToolResult } {
  const result = checkInputText(text);
  return result.ok ? result : { ok: false, result: failure(result.problem.message) };
}

export function createTriageMcpServer(options: TriageMcpOptions): McpServer {
  const server = new McpServer(
    { name: "claude-error-triage", version: VERSION },
    {
      instructions:
        "Diagnose Claude API errors (from the SDKs, Claude Code, curl, Bedrock, Vertex or a gateway): call diagnose_error with the error text for the recovery branch, evidence, retry plan and live status; support_packet for a redacted escalation packet; redact_text before sharing any log; claude_status for the status page now.",
    },
  );
  let client: StatusClient | null = null;
  const status = (): StatusClient => (client ??= options.statusClient());

  server.registerTool(
    "diagnose_error",
    {
      title: "Diagnose a Claude API error",
      description:
        "Classifies a pasted Claude API error into a recovery branch (rate_limit, overloaded, billing, context_window, …) with the evidence that decided it, the first move, a retry plan and, with status on, the status page incidents near the error. Evidence copied from the text is redacted.",
      inputSchema: {
        text: pasteSchema,
        occurred_at: occurredAtSchema,
        background: z
          .boolean()
          .default(false)
          .describe("Plan retries for a background job rather than a waiting person."),
        side_effects: z
          .boolean()
          .default(false)
          .describe("The failed call has side effects (retries need idempotency)."),
        status: useStatusSchema,
      },
      // The report schema's object part: its preprocess step only upgrades stored reports, and MCP needs an object.
      outputSchema: diagnosisReportSchema.out,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ text, occurred_at, background, side_effects, status: useStatus }) => {
      const input = checked(text);
      if (!input.ok) return input.result;
      let statusClient: StatusClient | null = null;
      if (useStatus) {
        try {
          statusClient = status();
        } catch (error) {
          return failure(error instanceof Error ? error.message : String(error));
        }
      }
      const report = await diagnose(input.text, {
        now: options.now(),
        random: options.random,
        occurredAt: occurred_at ?? null,
        retryContext: { mode: background ? "background" : "interactive", sideEffects: side_effects },
        status: statusClient,
      });
      const retry = report.retry.retryable ? "retryable" : "do not retry";
      return ok(`${report.branch}: ${report.headline} (${retry})`, report);
    },
  );

  server.registerTool(
    "redact_text",
    {
      title: "Redact secrets and personal data",
      description:
        "Replaces API keys, tokens, passwords, e-mail addresses and other secrets in a text with typed placeholders such as [REDACTED:anthropic-api-key#1], keeping request ids, models and status codes. Use before sharing a log.",
      inputSchema: {
        text: pasteSchema,
        hide_prompt: z
          .boolean()
          .default(false)
          .describe("Also replace prompt text (messages[].content, system) with a length note."),
      },
      outputSchema: { redacted: z.string(), findings: findingsSchema },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ text, hide_prompt }) => {
      const input = checked(text);
      if (!input.ok) return input.result;
      const result = redact(input.text, { hidePrompt: hide_prompt });
      const kinds = result.findings.map((f) => `${f.kind} ×${f.count}`).join(", ");
      return ok(kinds.length > 0 ? `Redacted: ${kinds}` : "Nothing to redact.", {
        redacted: result.text,
        findings: result.findings,
      });
    },
  );

  server.registerTool(
    "support_packet",
    {
      title: "Build a redacted support packet",
      description:
        "Builds an escalation packet for Claude support from an error text: request ids and times, route, SDK, auth kind, status reading, a minimal redacted excerpt, the impact line and what was ruled out. Returns the packet as JSON and Markdown.",
      inputSchema: {
        text: pasteSchema,
        impact: z
          .string()
          .max(500)
          .optional()
          .describe('One line of impact, e.g. "checkout summaries fail for all users".'),
        ruled_out: z
          .array(z.enum(["status", "same-path", "network", "other-model"]))
          .default([])
          .describe("What was already checked."),
        hide_prompt: z.boolean().default(false).describe("Replace prompt text with a length note."),
        occurred_at: occurredAtSchema,
        status: useStatusSchema,
      },
      outputSchema: { packet: packetSchema, markdown: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ text, impact, ruled_out, hide_prompt, occurred_at, status: useStatus }) => {
      const input = checked(text);
      if (!input.ok) return input.result;
      let statusClient: StatusClient | null = null;
      if (useStatus) {
        try {
          statusClient = status();
        } catch (error) {
          return failure(error instanceof Error ? error.message : String(error));
        }
      }
      const checklist: Partial<Checklist> = {};
      for (const item of ruled_out) checklist[RULED_OUT[item]] = true;
      const { packet, markdown } = await packetFromPasteWithStatus(
        input.text,
        {
          impact: impact?.trim() || null,
          checklist,
          hidePrompt: hide_prompt,
          occurredAt: occurred_at ?? null,
          status: statusClient,
        },
        { now: options.now() },
      );
      return ok(markdown, { packet, markdown });
    },
  );

  server.registerTool(
    "claude_status",
    {
      title: "Claude status page now",
      description:
        "Reads the Claude status page (status.claude.com, or STATUS_PAGE_URL): overall indicator, components, open incidents and maintenances. Cached for a minute; never waits past its timeout (the answer then says it is unavailable or stale).",
      inputSchema: {},
      outputSchema: statusReadingSchema,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async () => {
      let statusClient: StatusClient;
      try {
        statusClient = status();
      } catch (error) {
        return failure(error instanceof Error ? error.message : String(error));
      }
      const reading = await statusClient.getReading();
      const incidents = reading.activeIncidents
        .map((i) => `"${i.name}" (${i.impact}, ${i.status})`)
        .join("; ");
      return ok(`${reading.description} (${reading.source})${incidents ? `: ${incidents}` : ""}`, reading);
    },
  );

  return server;
}
