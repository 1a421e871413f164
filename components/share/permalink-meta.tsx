import { Timestamp } from "../ui/timestamp";

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
        <Timestamp iso={createdAt} />. The link expires <Timestamp iso={expiresAt} />. Secrets were removed
        from the paste before it was stored.
      </p>
    </div>
  );
}
