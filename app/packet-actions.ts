"use server";

import { z } from "zod";
import type { PacketResult } from "@/components/packet/packet-action-types";
import { checkInputText } from "@/lib/input";
import { checklistSchema, packetFileName, packetFromPasteWithStatus } from "@/lib/packet";
import { kindLabel } from "@/lib/redact";
import { getStatusClient } from "@/lib/status/server";

const packetInputSchema = z.object({
  // The page sends the paste it diagnosed; a textarea's value holds LF only, but be lenient with CRLF.
  text: z.string({ error: "The paste must be sent as text." }).transform((t) => t.replaceAll("\r\n", "\n")),
  impact: z.string().max(2000, "Keep the impact to one line (2000 characters at most).").default(""),
  checklist: checklistSchema.partial().default({}),
  hidePrompt: z.boolean().default(false),
  // The diagnosis's time; one the classifier cannot read is dropped rather than refused.
  occurredAt: z.iso.datetime({ offset: true }).nullish().catch(null),
});

/**
 * Builds the escalation packet for the page, on the server so the redactor never ships to the browser.
 * Answers only redacted content: the packet, its renderings and the redacted paste with its findings.
 */
export async function buildPacketAction(input: unknown): Promise<PacketResult> {
  const parsed = packetInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: fieldErrors.impact?.[0] ?? fieldErrors.text?.[0] ?? "The packet request could not be read.",
    };
  }
  const checked = checkInputText(parsed.data.text);
  if (!checked.ok) return { status: "error", message: checked.problem.message };

  try {
    const { packet, markdown, json, redacted } = await packetFromPasteWithStatus(
      checked.text,
      {
        impact: parsed.data.impact,
        checklist: parsed.data.checklist,
        hidePrompt: parsed.data.hidePrompt,
        occurredAt: parsed.data.occurredAt ?? null,
        status: getStatusClient(),
      },
      { now: new Date() },
    );
    return {
      status: "ok",
      markdown,
      json,
      fileNames: { md: packetFileName(packet, "md"), json: packetFileName(packet, "json") },
      redacted: {
        text: redacted.text,
        findings: redacted.findings.map((f) => ({ ...f, label: kindLabel(f.kind) })),
      },
    };
  } catch {
    // Nothing of the paste goes into the message or a log line.
    return { status: "error", message: "The packet could not be built. Try again." };
  }
}
