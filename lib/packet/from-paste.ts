import { classify } from "@/lib/classify";
import type { Diagnosis } from "@/lib/diagnosis";
import { redact, type RedactionResult } from "@/lib/redact";
import type { StatusClient } from "@/lib/status/client";
import type { StatusContext } from "@/lib/status/context";
import { DEFAULT_RETRY_CONTEXT, planRetry } from "@/lib/retry";
import { buildVerdict } from "@/lib/verdict";
import { buildPacket } from "./build";
import { renderPacketJson, renderPacketMarkdown } from "./render";
import type { Checklist, Packet } from "./schema";

/** What the user adds to a packet made from a paste. */
export interface PacketFromPasteOptions {
  impact?: string | null;
  checklist?: Partial<Checklist>;
  /** Replace prompt text (`messages[].content`, `system`) of a pasted request payload with a length note. */
  hidePrompt?: boolean;
  /** The time of the error when the user gave one, as for `classify`. */
  occurredAt?: string | null;
  /** The status page as it bore on the diagnosis, when it was read. */
  statusContext?: StatusContext | null;
}

/** A packet and everything a face shows or sends of it; every field holds redacted content only. */
export interface PacketFromPaste {
  packet: Packet;
  markdown: string;
  json: string;
  redacted: RedactionResult;
}

/**
 * The packet's status section: the reading and the incidents that bear on the error. Component lists are left
 * out: support reads the incidents, and the full reading is a page of noise in a ticket.
 */
export function statusReadingFor(context: StatusContext | null | undefined): unknown | null {
  if (!context) return null;
  const incident = (i: StatusContext["activeIncidents"][number]) => ({
    name: i.name,
    impact: i.impact,
    status: i.status,
    startedAt: i.startedAt,
    url: i.shortlink ?? i.url,
  });
  return {
    indicator: context.indicator,
    description: context.description,
    checkedAt: context.checkedAt,
    source: context.source,
    degradedComponents: context.components
      .filter((c) => c.status !== "operational")
      .map((c) => ({ name: c.name, status: c.status })),
    activeIncidents: context.activeIncidents.map(incident),
    correlatedIncidents: context.correlatedIncidents.map((i) => ({ ...incident(i), relation: i.relation })),
  };
}

/**
 * Which text the Diagnosis is classified from. The raw paste by default: it is what the page, the API and the
 * CLI diagnose, so the packet names the same branch the user was shown, and the classifier sees ids and
 * shapes redaction may have folded into placeholders. That is safe because `buildPacket` re-redacts every
 * diagnosis field and carries only request ids that survive redaction unchanged; no offset into the raw text
 * reaches the packet. With `hidePrompt` the prompt-hidden text is classified instead: prompt prose has no
 * secret shape for re-redaction to catch, so nothing classified from it may reach the packet at all.
 */
function diagnosisFor(text: string, redactedText: string, options: PacketFromPasteOptions): Diagnosis {
  return classify(options.hidePrompt === true ? redactedText : text, {
    occurredAt: options.occurredAt ?? null,
  });
}

/** The packet for an already classified paste. Pure: time comes in `now`. */
export function packetFromDiagnosis(
  diagnosis: Diagnosis,
  text: string,
  options: PacketFromPasteOptions,
  { now }: { now: Date },
  redacted: RedactionResult = redact(text, { hidePrompt: options.hidePrompt === true }),
): PacketFromPaste {
  const packet = buildPacket(
    diagnosis,
    redacted.text,
    {
      impact: options.impact ?? null,
      checklist: options.checklist,
      statusReading: statusReadingFor(options.statusContext),
      // The same verdict the page shows for this paste (default retry context; no randomness in it).
      verdict: buildVerdict({
        diagnosis,
        plan: planRetry(diagnosis, DEFAULT_RETRY_CONTEXT, { random: () => 0.5, now }),
        status: options.statusContext ?? null,
        now,
      }),
      findings: redacted.findings,
    },
    { now },
  );
  return { packet, markdown: renderPacketMarkdown(packet), json: renderPacketJson(packet), redacted };
}

/** Paste in, escalation packet out: redacts, classifies, builds and renders. Pure: time comes in `now`. */
export function packetFromPaste(
  text: string,
  options: PacketFromPasteOptions = {},
  { now }: { now: Date },
): PacketFromPaste {
  const redacted = redact(text, { hidePrompt: options.hidePrompt === true });
  return packetFromDiagnosis(diagnosisFor(text, redacted.text, options), text, options, { now }, redacted);
}

/**
 * As `packetFromPaste`, reading the status page for the error's time first (the edges that are online).
 * The status client never throws and never waits past its timeout; a failed reading leaves the section empty.
 */
export async function packetFromPasteWithStatus(
  text: string,
  options: Omit<PacketFromPasteOptions, "statusContext"> & {
    status: Pick<StatusClient, "getContext"> | null;
  },
  { now }: { now: Date },
): Promise<PacketFromPaste> {
  const redacted = redact(text, { hidePrompt: options.hidePrompt === true });
  const diagnosis = diagnosisFor(text, redacted.text, options);
  const statusContext = options.status
    ? await options.status
        .getContext({
          occurredAt: diagnosis.evidence.occurredAt,
          surface: diagnosis.evidence.surface,
          route: diagnosis.evidence.route,
        })
        .catch(() => null)
    : null;
  return packetFromDiagnosis(diagnosis, text, { ...options, statusContext }, { now }, redacted);
}
