import { z } from "zod";
import { kindLabel, redact, type RedactionResult } from "./redact";

/** Where a secret or piece of personal data sits in the paste itself (UTF-16 offsets, end exclusive). */
export const pasteSecretSchema = z.object({
  kind: z.string(),
  label: z.string(),
  /** The redactor's number for this value: the same secret keeps its number throughout the paste. */
  n: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type PasteSecret = z.infer<typeof pasteSecretSchema>;

const PLACEHOLDER_NUMBER = /#(\d{1,7})\]$/;

/** The first start of `needle` in `text` at or after `from`; -1 when there is none. */
function firstIndex(text: string, needle: string, from: number): number {
  return needle === "" ? from : text.indexOf(needle, from);
}

function lastIndex(text: string, needle: string, before: number): number {
  // The latest start s with s + needle.length <= before.
  const limit = before - needle.length;
  if (limit < 0) return -1;
  return needle === "" ? limit : text.lastIndexOf(needle, limit);
}

/**
 * The spans of the paste that redaction replaced, found from its result alone: the text between placeholders
 * is the paste's own, so each removed span lies between two such literal runs. Where a literal run could sit in
 * more than one place (a short run that also occurs inside a secret), the span covers every place a secret
 * could be: masking a few characters too many is safe, showing one is not. The secret text is never returned.
 */
export function secretSpans(text: string, redacted: RedactionResult): PasteSecret[] {
  const placeholders = redacted.findings
    .flatMap((finding) =>
      finding.spans.map((span) => ({
        kind: finding.kind,
        n: Number(PLACEHOLDER_NUMBER.exec(redacted.text.slice(span.start, span.end))?.[1] ?? 0),
        start: span.start,
        end: span.end,
      })),
    )
    .sort((a, b) => a.start - b.start);
  if (placeholders.length === 0) return [];

  // Literal runs of the redacted text: before the first placeholder, between each pair, after the last.
  const literals: string[] = [];
  let cursor = 0;
  for (const p of placeholders) {
    literals.push(redacted.text.slice(cursor, p.start));
    cursor = p.end;
  }
  literals.push(redacted.text.slice(cursor));
  const count = placeholders.length;
  const head = literals[0] ?? "";
  const tail = literals[count] ?? "";
  if (!text.startsWith(head) || !text.endsWith(tail) || head.length + tail.length > text.length) {
    // The redaction does not describe this text: mask it whole rather than guess.
    return [
      {
        kind: placeholders[0]?.kind ?? "secret",
        label: kindLabel(placeholders[0]?.kind ?? ""),
        n: 1,
        start: 0,
        end: text.length,
      },
    ];
  }

  // Leftmost and rightmost places of each inner literal run; every secret is at least one character long.
  const earliest: number[] = new Array<number>(count + 1).fill(0);
  const latest: number[] = new Array<number>(count + 1).fill(0);
  earliest[0] = 0;
  latest[0] = 0;
  earliest[count] = text.length - tail.length;
  latest[count] = text.length - tail.length;
  let position = head.length;
  for (let i = 1; i < count; i += 1) {
    const literal = literals[i] ?? "";
    const at = firstIndex(text, literal, position + 1);
    const placed = at < 0 ? position + 1 : at;
    earliest[i] = placed;
    position = placed + literal.length;
  }
  let limit = text.length - tail.length;
  for (let i = count - 1; i >= 1; i -= 1) {
    const literal = literals[i] ?? "";
    const at = lastIndex(text, literal, limit - 1);
    const placed = at < 0 ? Math.max(0, limit - 1 - literal.length) : at;
    latest[i] = placed;
    limit = placed;
  }

  return placeholders.map((p, index) => {
    const i = index + 1;
    // Secret i lies after literal i-1 and before literal i, wherever those may sit.
    const before = literals[i - 1] ?? "";
    const start = Math.min(earliest[i - 1] ?? 0, latest[i - 1] ?? 0) + before.length;
    const end = Math.max(earliest[i] ?? text.length, latest[i] ?? text.length);
    return {
      kind: p.kind,
      label: kindLabel(p.kind),
      n: p.n,
      start: Math.min(start, text.length),
      end: Math.max(Math.min(end, text.length), Math.min(start, text.length)),
    };
  });
}

/** The secrets and personal data in a paste, by position; the values themselves never leave this function. */
export function findPasteSecrets(text: string): PasteSecret[] {
  return secretSpans(text, redact(text)).filter((secret) => secret.kind !== "prompt-content");
}
