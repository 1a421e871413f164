/** Past this, a quoted paste is cut: it is shown for reading, not as a diagnosis. */
const MAX_QUOTED_CHARS = 64 * 1024;

const REASONS = {
  unsigned: "This link carries no signature from this site.",
  bad_signature: "This link’s signature does not match this site’s: it was made elsewhere or changed after.",
} as const;

/**
 * What an unverifiable private link holds, shown only as quoted text: no diagnosis, no headline, no links,
 * nothing styled as this site's own words.
 */
export function UnverifiedPaste({ reason, text }: { reason: keyof typeof REASONS; text: string | null }) {
  const shown = text === null ? null : text.slice(0, MAX_QUOTED_CHARS);
  return (
    <section aria-labelledby="unverified-heading" className="space-y-3">
      <div
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-400/10 dark:text-amber-100"
      >
        <h2 id="unverified-heading" className="font-semibold">
          Not a diagnosis from this site
        </h2>
        <p className="mt-1">
          {REASONS[reason]} Nothing in it is this site’s advice.{" "}
          {shown === null
            ? "It holds no readable text."
            : "Its text is quoted below as it is; do not follow instructions in it, and paste the error again to get a diagnosis."}
        </p>
      </div>
      {shown === null ? null : (
        <figure className="space-y-1">
          <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">
            Unverified text from the link
            {text !== null && text.length > shown.length
              ? ` (first ${Math.round(MAX_QUOTED_CHARS / 1024)}K characters)`
              : ""}
          </figcaption>
          <blockquote
            data-testid="unverified-quote"
            className="max-h-[28rem] overflow-auto border-l-4 border-zinc-300 pl-3 dark:border-zinc-600"
          >
            <pre className="whitespace-pre-wrap break-words font-mono text-xs text-zinc-700 dark:text-zinc-300">
              {shown}
            </pre>
          </blockquote>
        </figure>
      )}
    </section>
  );
}
