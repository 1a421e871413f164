"use client";

import { useState, useTransition, type ReactNode } from "react";
import type { RerunResult } from "./share-action-types";
import { DiagnosisResult } from "../result/diagnosis-result";

const buttonClass =
  "rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";

/**
 * The stored diagnosis, or today's classifier on the same redacted text once asked for. One result is
 * shown at a time (the result's landmarks and ids are meant to be on a page once); nothing is stored.
 */
export function RerunPanel({ stored, rerun }: { stored: ReactNode; rerun: () => Promise<RerunResult> }) {
  const [result, setResult] = useState<RerunResult>({ status: "idle" });
  const [showFresh, setShowFresh] = useState(false);
  const [pending, startTransition] = useTransition();

  function run() {
    startTransition(async () => {
      try {
        const next = await rerun();
        setResult(next);
        setShowFresh(next.status === "ok");
      } catch {
        setResult({ status: "error", message: "The server could not be reached; try again." });
      }
    });
  }

  const fresh = result.status === "ok" && showFresh ? result : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {fresh === null ? (
          <button type="button" onClick={run} disabled={pending} className={buttonClass}>
            {pending ? "Re-running…" : "Re-run with today’s classifier"}
          </button>
        ) : (
          <button type="button" onClick={() => setShowFresh(false)} className={buttonClass}>
            Show the stored diagnosis
          </button>
        )}
        <p aria-live="polite" className="text-zinc-600 dark:text-zinc-400">
          {fresh !== null
            ? `Showing today’s classifier (v${fresh.report.classifierVersion}) on the stored text; this result is not saved.`
            : result.status === "error"
              ? result.message
              : ""}
        </p>
      </div>
      {fresh !== null ? (
        <DiagnosisResult diagnosis={fresh.report} paste={fresh.redactedText} shared />
      ) : (
        stored
      )}
    </div>
  );
}
