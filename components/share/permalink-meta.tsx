// Server-rendered in UTC so the page reads the same for everyone who opens the link.
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const formatUtc = (iso: string) => `${DATE.format(new Date(iso))} UTC`;

/** Where a shared diagnosis came from: which classifier made it, when, and until when the link lives. */
export function PermalinkMeta({
  classifierVersion,
  createdAt,
  expiresAt,
}: {
  classifierVersion: string;
  createdAt: string;
  expiresAt: string;
}) {
  return (
    <div className="space-y-1">
      <h1 className="text-xl font-semibold tracking-tight">Shared diagnosis</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Diagnosed by classifier <span className="font-mono">v{classifierVersion}</span> on{" "}
        <time dateTime={createdAt}>{formatUtc(createdAt)}</time>. The link expires{" "}
        <time dateTime={expiresAt}>{formatUtc(expiresAt)}</time>. Secrets were removed from the paste before
        it was stored.
      </p>
    </div>
  );
}
