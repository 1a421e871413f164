import type { ReactNode } from "react";
import { ExternalLink } from "./external-link";
import { Timestamp } from "./timestamp";

/**
 * Pages a step may name, linked where the text names them (the first mention in each sentence). Longest
 * phrases first, so "Console → Billing" wins over "Console".
 */
export const NAMED_PAGES: ReadonlyArray<{ phrase: string; href: string }> = [
  { phrase: "Console → Billing", href: "https://console.anthropic.com/settings/billing" },
  { phrase: "Console → Limits", href: "https://console.anthropic.com/settings/limits" },
  { phrase: "Plans & Billing", href: "https://console.anthropic.com/settings/billing" },
  { phrase: "status page", href: "https://status.claude.com" },
  { phrase: "rate limits", href: "https://docs.claude.com/en/api/rate-limits" },
  { phrase: "GET /v1/models", href: "https://docs.claude.com/en/api/models-list" },
  { phrase: "Console", href: "https://console.anthropic.com" },
];

const URL_PATTERN = /https?:\/\/[^\s<>"'`)\]]+/g;
// A time the library wrote in another form ("2026-12-06 14:10 UTC", "2026-12-06T14:10:00.000Z"): the page
// writes every time one way.
const TIME_PATTERN = /\b\d{4}-\d{2}-\d{2}(?: (\d{2}:\d{2}) UTC|T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z)/g;

function linkPhrases(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let index = 0;
  // Walk the text, each time taking the earliest URL or named page.
  for (;;) {
    let best: { at: number; length: number; href: string; label: string; time?: string } | null = null;
    TIME_PATTERN.lastIndex = 0;
    const time = TIME_PATTERN.exec(rest);
    if (time !== null) {
      const iso = time[1] !== undefined ? `${time[0].slice(0, 10)}T${time[1]}:00Z` : time[0];
      best = { at: time.index, length: time[0].length, href: "", label: time[0], time: iso };
    }
    URL_PATTERN.lastIndex = 0;
    const url = URL_PATTERN.exec(rest);
    if (url !== null && (best === null || url.index < best.at)) {
      let trimmed = url[0];
      // A sentence's full stop or comma after a URL is not part of it.
      while (".,;:".includes(trimmed.at(-1) ?? "")) trimmed = trimmed.slice(0, -1);
      best = { at: url.index, length: trimmed.length, href: trimmed, label: trimmed };
    }
    for (const page of NAMED_PAGES) {
      const at = rest.indexOf(page.phrase);
      if (at >= 0 && (best === null || at < best.at))
        best = { at, length: page.phrase.length, href: page.href, label: page.phrase };
    }
    if (best === null) break;
    if (best.at > 0) out.push(rest.slice(0, best.at));
    out.push(
      best.time !== undefined ? (
        <Timestamp key={`${key}-${index}`} iso={best.time} />
      ) : (
        <ExternalLink key={`${key}-${index}`} href={best.href}>
          {best.label}
        </ExternalLink>
      ),
    );
    index += 1;
    rest = rest.slice(best.at + best.length);
  }
  if (rest !== "") out.push(rest);
  return out;
}

/**
 * A line of the branch catalogue as rich text: `backticked` runs become code (commands stay copyable and
 * break only where they must), URLs and the pages a step names become links. The text itself stays data.
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split("`");
  // An odd number of backticks leaves the last one literal.
  const balanced = parts.length % 2 === 1;
  return (
    <>
      {parts.map((part, i) => {
        const isCode = i % 2 === 1 && (balanced || i < parts.length - 1);
        if (isCode)
          return (
            <code
              key={i}
              className="rounded bg-zinc-100 px-1 py-px font-mono text-[0.85em] break-words text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
            >
              {part}
            </code>
          );
        const prefix = i % 2 === 1 ? "`" : "";
        return <span key={i}>{linkPhrases(prefix + part, String(i))}</span>;
      })}
    </>
  );
}
