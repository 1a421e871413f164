import type { Packet } from "./schema";

/** A fence longer than any backtick run inside `content`, so pasted text cannot close the block. */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const m of content.matchAll(/`{1,1000}/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}

function codeBlock(content: string, info = ""): string {
  const fence = fenceFor(content);
  return `${fence}${info}\n${content}\n${fence}`;
}

/** Inline code for a pasted value: one line, delimited by a backtick run longer than any inside. */
function inline(value: string | null | undefined): string {
  if (value === null || value === undefined || value.length === 0) return "unknown";
  const flat = value.replace(/[\r\n]+/g, " ");
  let longest = 0;
  for (const m of flat.matchAll(/`{1,1000}/g)) longest = Math.max(longest, m[0].length);
  const tick = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${tick}${pad}${flat}${pad}${tick}`;
}

/** Escapes Markdown syntax in user prose (the impact line). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`);
}

const yesNo = (v: boolean | null) => (v === null ? "unknown" : v ? "yes" : "no");
const tick = (v: boolean) => (v ? "[x]" : "[ ]");

/** The packet as Markdown for a support ticket. Every pasted value is fenced or inline-coded. */
export function renderPacketMarkdown(p: Packet): string {
  const out: string[] = [];
  out.push("# Claude API support packet", "");
  out.push(
    `Generated ${inline(p.generatedAt)} by Claude Error Triage (classifier ${inline(p.classifierVersion)}). Secrets and personal data were removed before this packet was made.`,
    "",
  );
  out.push("## Summary", "");
  if (p.verdict) {
    const v = p.verdict;
    const retry = v.retry === "later" && v.retryAt ? `later (after ${v.retryAt})` : v.retry;
    out.push(`- Verdict: ${escapeMarkdown(v.summary)} (who acts: ${v.whoActs.join(", ")}; retry: ${retry})`);
    if (v.incident)
      out.push(
        `- Status incident: ${inline(v.incident.name)} (${v.incident.relation}, ${v.incident.ongoing ? "open" : "not open"}) ${inline(v.incident.url)}`,
      );
  }
  out.push(
    `- Diagnosis: ${inline(p.diagnosis.branch)}${p.diagnosis.variant ? ` / ${inline(p.diagnosis.variant)}` : ""} — ${inline(p.diagnosis.headline)} (confidence ${Math.round(p.diagnosis.confidence * 100)}%)`,
  );
  out.push(`- Impact: ${p.impact ? escapeMarkdown(p.impact) : "not given"}`, "");
  out.push("## Error", "");
  out.push(`- HTTP status: ${p.error.status === null ? "unknown" : inline(String(p.error.status))}`);
  out.push(`- error.type: ${inline(p.error.type)}`);
  out.push(`- Message: ${inline(p.error.message)}`);
  out.push(`- Time (UTC): ${inline(p.occurredAt)}`, "");
  if (p.error.body) out.push("Error body (redacted):", "", codeBlock(p.error.body, "json"), "");
  out.push("## Request ids", "");
  if (p.requests.length === 0) out.push("No request id in the paste.");
  for (const r of p.requests)
    out.push(`- ${inline(r.id)}${r.source === "gateway" ? " (gateway)" : ""} at ${inline(r.at)}`);
  out.push("");
  out.push("## Request", "");
  out.push(`- Model: ${inline(p.model)}`);
  out.push(`- Endpoint: ${inline(p.endpoint)}`);
  out.push(`- Surface: ${inline(p.client.surface)}; route: ${inline(p.route)}`);
  out.push(
    `- SDK: ${inline(p.client.sdk)} ${p.client.sdkVersion ? inline(p.client.sdkVersion) : ""}`.trimEnd(),
  );
  out.push(`- Runtime: ${inline(p.client.runtime)}`);
  out.push(
    `- Auth: ${inline(p.auth.kind)}${p.auth.basis.length ? ` (from ${p.auth.basis.map((b) => inline(b)).join(", ")})` : ""}`,
  );
  out.push(`- Streaming: ${yesNo(p.streaming)}`);
  out.push(
    `- Retries already seen: ${p.retries ? `${p.retries.seen}${p.retries.of ? ` of ${p.retries.of}` : ""}` : "unknown"}`,
    "",
  );
  out.push("## Status page at diagnosis time", "");
  out.push(
    p.statusPage === null || p.statusPage === undefined
      ? "Not checked."
      : codeBlock(JSON.stringify(p.statusPage, null, 2) ?? "null", "json"),
    "",
  );
  out.push("## Ruled out", "");
  out.push(`- ${tick(p.checklist.statusChecked)} Checked the status page`);
  out.push(`- ${tick(p.checklist.samePathRetried)} Retried the same request path`);
  out.push(`- ${tick(p.checklist.networkChecked)} Checked the network (proxy, VPN, firewall)`);
  out.push(`- ${tick(p.checklist.otherModelTried)} Tried another model`, "");
  out.push("## Reproduction excerpt (redacted)", "");
  out.push(p.reproduction ? codeBlock(p.reproduction.excerpt, "text") : "No excerpt.", "");
  out.push("## Redaction", "");
  if (p.redaction.kinds.length === 0) out.push("Nothing needed removing.");
  for (const k of p.redaction.kinds) out.push(`- ${escapeMarkdown(k.label)} (${inline(k.kind)}): ${k.count}`);
  out.push("");
  return out.join("\n");
}

/** The packet as pretty-printed JSON with a trailing newline. */
export function renderPacketJson(p: Packet): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

/** `2025-09-30T14:03:27.512Z` → `20250930T140327Z`. */
function compactUtc(iso: string): string {
  return iso.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
}

/** `claude-support-packet-<first request id, else UTC time>.<ext>`, safe as a file name. */
export function packetFileName(p: Packet, ext: "md" | "json"): string {
  const first = p.requests[0]?.id;
  const stem = (first ?? compactUtc(p.generatedAt)).replace(/[^\w-]/g, "-").slice(0, 100);
  return `claude-support-packet-${stem}.${ext}`;
}
