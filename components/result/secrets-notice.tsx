import { secretsSentence, type FoundSecret } from "./secrets-summary";

/** Says on the first screen that the paste held secrets, and what happens to them. Nothing when it held none. */
export function SecretsNotice({ secrets }: { secrets: readonly FoundSecret[] }) {
  const sentence = secretsSentence(secrets);
  if (sentence === null) return null;
  return (
    <p
      role="note"
      aria-label="Secrets in your paste"
      className="flex gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-400/10 dark:text-amber-100"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0">
        <path
          d="M8 1.5a3 3 0 0 0-3 3V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-1V4.5a3 3 0 0 0-3-3Zm-1.5 3a1.5 1.5 0 0 1 3 0V7h-3V4.5Z"
          fill="currentColor"
        />
      </svg>
      <span>{sentence} They are masked below.</span>
    </p>
  );
}
