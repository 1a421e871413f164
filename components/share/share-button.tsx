"use client";

import { useId, useState } from "react";
// A client leaf may import a server action directly; only a reference to it reaches the browser, so the
// redactor and the store stay on the server.
import { privateLinkAction, shareDiagnosisAction } from "@/app/permalink-actions";
import { privateLinkUrl } from "@/lib/permalinks/url";
import { CopyButton } from "../ui/copy-button";
import { Timestamp } from "../ui/timestamp";
import { DEFAULT_TTL_CHOICE, TTL_CHOICES, type ShareInput, type TtlChoice } from "./share-action-types";

type StoredLink = { url: string; deleteToken: string; expiresAt: string; copied: boolean };

type Outcome = { kind: "private"; url: string; copied: boolean } | { kind: "error"; message: string };

/** Past this length some chat tools and mail clients cut a link. */
const LONG_URL_CHARS = 8000;
/** Chromium refuses URLs over 2 MiB. */
const MAX_URL_CHARS = 2 * 1024 * 1024;

const buttonClass =
  "rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";
const fieldClass =
  "block w-full min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

async function copied(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    return false;
  }
}

/** A read-only value with its visible label and a copy button. */
function CopyField({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input id={id} readOnly value={value} className={fieldClass} />
        <CopyButton value={value} label={label.toLowerCase()} />
      </div>
    </div>
  );
}

/** Share controls for a result: a stored link (with its delete token, shown once) or a private link. */
export function ShareButton({ text, occurredAt, retryContext }: ShareInput) {
  const [ttl, setTtl] = useState<TtlChoice>(DEFAULT_TTL_CHOICE);
  const [pending, setPending] = useState<"link" | "private" | null>(null);
  // Kept with the text it answers: after a new diagnosis the old link no longer describes the result.
  const [answered, setAnswered] = useState<{ text: string; outcome: Outcome } | null>(null);
  const outcome = answered?.text === text ? answered.outcome : null;
  const setOutcome = (next: Outcome) => setAnswered({ text, outcome: next });
  // The delete token is shown once: it stays on screen, whatever else is clicked or diagnosed, until the
  // user says they have it.
  const [stored, setStored] = useState<StoredLink | null>(null);
  const ids = useId();
  const input = { text, occurredAt, retryContext };

  async function share() {
    setPending("link");
    try {
      const result = await shareDiagnosisAction({ ...input, ttl });
      if (result.status === "error") setOutcome({ kind: "error", message: result.message });
      else {
        setStored({ ...result, copied: await copied(result.url) });
        setAnswered(null);
      }
    } catch {
      setOutcome({ kind: "error", message: "The server could not be reached; no link was made." });
    } finally {
      setPending(null);
    }
  }

  async function sharePrivately() {
    setPending("private");
    try {
      const result = await privateLinkAction(input);
      if (result.status === "error") {
        setOutcome({ kind: "error", message: result.message });
        return;
      }
      const url = privateLinkUrl(result.baseUrl ?? window.location.origin, result.fragment);
      if (url.length > MAX_URL_CHARS)
        setOutcome({
          kind: "error",
          message: "This diagnosis is too large for a private link; use Share link.",
        });
      else setOutcome({ kind: "private", url, copied: await copied(url) });
    } catch {
      setOutcome({ kind: "error", message: "The server could not be reached; no link was made." });
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-2">
      <div
        role="group"
        aria-label="Share this diagnosis"
        className="flex flex-wrap items-center gap-2 text-xs"
      >
        <label htmlFor={`${ids}-ttl`} className="text-zinc-600 dark:text-zinc-400">
          Link lifetime
        </label>
        <select
          id={`${ids}-ttl`}
          value={ttl}
          onChange={(event) => setTtl(event.target.value as TtlChoice)}
          className="rounded border border-zinc-300 bg-white px-1.5 py-1 text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {TTL_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={share} disabled={pending !== null} className={buttonClass}>
          {pending === "link" ? "Making link…" : "Share link"}
        </button>
        <button type="button" onClick={sharePrivately} disabled={pending !== null} className={buttonClass}>
          {pending === "private" ? "Packing…" : "Private link"}
        </button>
      </div>
      <div aria-live="polite">
        {outcome?.kind === "error" ? (
          <p className="text-xs text-rose-700 dark:text-rose-300">{outcome.message}</p>
        ) : null}
        {stored !== null ? (
          <div
            role="group"
            aria-label="Your share link"
            className="mb-2 min-w-0 space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs dark:border-zinc-800 dark:bg-zinc-900/60"
          >
            <p>
              {stored.copied ? "Link copied. " : "Link made. "}
              Only the redacted text and its diagnosis are stored, until <Timestamp iso={stored.expiresAt} />.
            </p>
            <CopyField id={`${ids}-link`} label="Share link" value={stored.url} />
            <CopyField id={`${ids}-token`} label="Delete token" value={stored.deleteToken} />
            <p className="text-zinc-600 dark:text-zinc-400">
              Keep the token to delete the link; it is not shown again. To delete:
            </p>
            <pre className="overflow-x-auto rounded border border-zinc-200 bg-white p-2 font-mono text-[11px] dark:border-zinc-800 dark:bg-zinc-950">
              curl -X DELETE -H &quot;Authorization: Bearer &lt;token&gt;&quot;{" "}
              {stored.url.replace("/d/", "/api/permalinks/")}
            </pre>
            <button type="button" onClick={() => setStored(null)} className={buttonClass}>
              I have saved the token
            </button>
          </div>
        ) : null}
        {outcome?.kind === "private" ? (
          <div className="space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs dark:border-zinc-800 dark:bg-zinc-900/60">
            <p>
              {outcome.copied ? "Private link copied. " : "Private link made. "}
              Nothing is stored on the server: the redacted diagnosis travels inside the link, after the #,
              which browsers never send to a server.
            </p>
            <CopyField id={`${ids}-private`} label="Private link" value={outcome.url} />
            {outcome.url.length > LONG_URL_CHARS ? (
              <p className="text-amber-900 dark:text-amber-200">
                This link is {Math.round(outcome.url.length / 1024)} KB long; some chat tools cut links that
                long.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
