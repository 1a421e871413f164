import type { Diagnosis } from "@/lib/diagnosis";
import type { Verdict } from "@/lib/verdict";
import { kindLabel, redact, type RedactionFinding } from "@/lib/redact";
import { excerptAround, findErrorBody, inferAuth, inferRuntime } from "./infer";
import { packetSchema, type Checklist, type Packet } from "./schema";

/** What the user adds to the packet, and the redaction result of the paste. */
export interface PacketInput {
  impact?: string | null;
  checklist?: Partial<Checklist>;
  /** The status page reading at diagnosis time, when one was taken. */
  statusReading?: unknown | null;
  /** The verdict the user was shown; its sentence is redacted again here. */
  verdict?: Verdict | null;
  findings: ReadonlyArray<Pick<RedactionFinding, "kind" | "count">>;
}

const MAX_IMPACT = 500;

/**
 * A diagnosis field comes from the unredacted paste: it is redacted again here, and placeholders lose their
 * numbers because they are numbered per text (the packet's redacted text keeps the paste's numbering).
 */
function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return redact(value).text.replace(/\[REDACTED:([a-z0-9-]{1,40})#\d{1,7}\]/g, "[REDACTED:$1]");
}

/** ISO 8601 UTC when the value parses as a date, else the (redacted) value as given. */
function toUtc(value: string | null): string | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? clean(value) : new Date(t).toISOString();
}

/** A request id is carried only if redaction leaves it intact (an id is evidence, never a secret). */
function safeId(id: string): string | null {
  const trimmed = id.trim();
  return trimmed.length > 0 && trimmed.length <= 200 && redact(trimmed).text === trimmed ? trimmed : null;
}

function requests(d: Diagnosis): Packet["requests"] {
  const out: Packet["requests"] = [];
  const seen = new Set<string>();
  const atFor = (id: string) =>
    d.occurrences.find((o) => o.requestId === id && o.at !== null)?.at ?? d.evidence.occurredAt;
  const add = (raw: string, source: "anthropic" | "gateway") => {
    const id = safeId(raw);
    if (id === null || seen.has(id)) return;
    seen.add(id);
    out.push({ id, at: toUtc(atFor(raw)), source });
  };
  for (const o of d.occurrences) if (o.requestId !== null) add(o.requestId, "anthropic");
  for (const id of d.evidence.requestIds) add(id, "anthropic");
  for (const id of d.evidence.gatewayRequestIds) add(id, "gateway");
  return out;
}

function primaryOccurrence(d: Diagnosis) {
  return (
    [...d.occurrences].reverse().find((o) => o.branch === d.branch) ??
    d.occurrences[d.occurrences.length - 1] ??
    null
  );
}

function packetVerdict(v: Verdict): NonNullable<Packet["verdict"]> {
  return {
    summary: clean(v.summary) ?? "",
    whoActs: [...v.whoActs],
    retry: v.retry,
    retryAt: v.retryAt,
    tense: v.tense,
    incident:
      v.incident === null
        ? null
        : {
            name: clean(v.incident.name) ?? "",
            url: v.incident.url,
            relation: v.incident.relation,
            ongoing: v.incident.ongoing,
          },
  };
}

/** Builds the escalation packet from a diagnosis and the already-redacted paste. Pure: time comes in `now`. */
export function buildPacket(
  diagnosis: Diagnosis,
  redactedText: string,
  input: PacketInput,
  { now }: { now: Date },
): Packet {
  const e = diagnosis.evidence;
  const text = redact(redactedText).text; // idempotent on redacted text; a guard if a caller passes raw text
  const primary = primaryOccurrence(diagnosis);
  const anchors = [
    primary?.requestId,
    e.requestIds[e.requestIds.length - 1],
    primary?.errorType,
    e.errorType,
    e.status === null ? null : String(e.status),
  ].filter((a): a is string => typeof a === "string" && a.length > 0);
  const kinds = new Map<string, number>();
  for (const f of input.findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + f.count);
  // The impact line is the user's own text: what redaction removed from it counts in the summary too.
  const rawImpact = input.impact?.trim().slice(0, MAX_IMPACT) || null;
  if (rawImpact !== null)
    for (const f of redact(rawImpact).findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + f.count);
  const impact = clean(rawImpact);

  const packet: Packet = {
    packetVersion: 1,
    generatedAt: now.toISOString(),
    classifierVersion: diagnosis.classifierVersion,
    diagnosis: {
      branch: diagnosis.branch,
      variant: clean(diagnosis.variant),
      headline: clean(diagnosis.headline) ?? "",
      confidence: diagnosis.confidence,
    },
    error: {
      status: e.status,
      type: clean(e.errorType),
      message: clean(e.message),
      body: findErrorBody(text),
    },
    requests: requests(diagnosis),
    occurredAt: toUtc(e.occurredAt),
    model: clean(e.model),
    endpoint: clean(e.endpoint),
    client: {
      surface: e.surface,
      sdk: clean(e.sdk?.name),
      sdkVersion: clean(e.sdk?.version),
      runtime: inferRuntime(text),
    },
    route: e.route,
    auth: inferAuth(text, e.route),
    streaming: e.streaming,
    retries: e.attempts,
    ...(input.verdict == null ? {} : { verdict: packetVerdict(input.verdict) }),
    statusPage: input.statusReading ?? null,
    reproduction: excerptAround(text, anchors),
    checklist: {
      statusChecked: input.checklist?.statusChecked ?? false,
      samePathRetried: input.checklist?.samePathRetried ?? false,
      networkChecked: input.checklist?.networkChecked ?? false,
      otherModelTried: input.checklist?.otherModelTried ?? false,
    },
    impact,
    redaction: {
      total: [...kinds.values()].reduce((a, b) => a + b, 0),
      kinds: [...kinds.entries()].map(([kind, count]) => ({ kind, label: kindLabel(kind), count })),
    },
  };
  return packetSchema.parse(packet);
}
