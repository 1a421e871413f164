"use client";

import { useEffect, useRef, useState } from "react";
// A client leaf may import a server action directly; only a reference to it reaches the browser, so the
// redactor and the packet builder stay on the server.
import { buildPacketAction } from "@/app/packet-actions";
import type { PacketRequestInput, PacketResult } from "./packet-action-types";
import { RedactionPreview } from "./redaction-preview";

type Checklist = PacketRequestInput["checklist"];

const CHECKLIST_ITEMS: ReadonlyArray<{ key: keyof Checklist; label: string }> = [
  { key: "statusChecked", label: "Checked the status page" },
  { key: "samePathRetried", label: "Retried the same request path" },
  { key: "networkChecked", label: "Checked the network (proxy, VPN, firewall)" },
  { key: "otherModelTried", label: "Tried another model" },
];

const NO_TICKS: Checklist = {
  statusChecked: false,
  samePathRetried: false,
  networkChecked: false,
  otherModelTried: false,
};

// Typing in the impact line rebuilds the packet once the user pauses.
const REBUILD_DELAY_MS = 250;

type Built = { input: PacketRequestInput; result: PacketResult };

const sameInput = (a: PacketRequestInput, b: PacketRequestInput) =>
  a.text === b.text &&
  a.impact === b.impact &&
  a.hidePrompt === b.hidePrompt &&
  a.occurredAt === b.occurredAt &&
  CHECKLIST_ITEMS.every(({ key }) => a.checklist[key] === b.checklist[key]);

function download(content: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const buttonClass =
  "rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";

/**
 * The escalation packet for the diagnosed paste: the user's impact and ruled-out ticks, a preview of what
 * redaction removed, and the redacted packet to download or copy. Built on the server for every change.
 */
export function PacketPanel({ paste, occurredAt }: { paste: string; occurredAt: string | null }) {
  const [impact, setImpact] = useState("");
  const [checklist, setChecklist] = useState<Checklist>(NO_TICKS);
  const [hidePrompt, setHidePrompt] = useState(false);
  const [built, setBuilt] = useState<Built | null>(null);
  const [notice, setNotice] = useState("");
  const latest = useRef(0);

  const input: PacketRequestInput = { text: paste, impact, checklist, hidePrompt, occurredAt };
  const fresh = built !== null && sameInput(built.input, input);
  const ready = fresh && built.result.status === "ok" ? built.result : null;

  useEffect(() => {
    const request: PacketRequestInput = { text: paste, impact, checklist, hidePrompt, occurredAt };
    const id = ++latest.current;
    const timer = window.setTimeout(
      async () => {
        let result: PacketResult;
        try {
          result = await buildPacketAction(request);
        } catch {
          result = { status: "error", message: "The server could not be reached. Try again." };
        }
        // An older answer arriving late must not replace a newer one.
        if (id === latest.current) setBuilt({ input: request, result });
      },
      latest.current === 1 ? 0 : REBUILD_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [paste, impact, checklist, hidePrompt, occurredAt]);

  async function copy() {
    if (!ready) return;
    try {
      await navigator.clipboard.writeText(ready.markdown);
      setNotice("Copied the packet Markdown to the clipboard.");
    } catch {
      setNotice("Copy failed: the browser did not allow clipboard access.");
    }
  }

  const shown = built?.result.status === "ok" ? built.result : null;
  const error = fresh && built.result.status === "error" ? built.result.message : null;
  const progress = error ?? (ready ? notice : "Building the redacted packet…");

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          What Claude support asks for, with secrets and personal data removed. Check the preview below before
          you download or share it.
        </p>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="packet-impact" className="text-sm font-medium">
            Impact
          </label>
          <input
            id="packet-impact"
            type="text"
            value={impact}
            maxLength={500}
            onChange={(event) => setImpact(event.target.value)}
            placeholder="e.g. checkout summaries fail for all users since 14:00 UTC"
            aria-describedby="packet-impact-hint"
            className="block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          />
          <p id="packet-impact-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            One line: who is affected and how badly.
          </p>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Ruled out</legend>
          {CHECKLIST_ITEMS.map(({ key, label }) => (
            <label key={key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={checklist[key]}
                onChange={(event) => setChecklist((c) => ({ ...c, [key]: event.target.checked }))}
                className="size-4 accent-blue-700"
              />
              {label}
            </label>
          ))}
        </fieldset>
      </div>

      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={hidePrompt}
          onChange={(event) => setHidePrompt(event.target.checked)}
          className="size-4 accent-blue-700"
        />
        Hide prompt content (replace message and system text with its length)
      </label>

      <div aria-busy={!fresh} className={fresh ? "" : "opacity-70"}>
        {shown ? <RedactionPreview text={shown.redacted.text} findings={shown.redacted.findings} /> : null}
      </div>

      {shown ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Packet Markdown</summary>
          <pre
            tabIndex={0}
            aria-label="Packet Markdown"
            className="mt-2 max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200"
          >
            {shown.markdown}
          </pre>
        </details>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={!ready}
          onClick={() => ready && download(ready.markdown, ready.fileNames.md, "text/markdown;charset=utf-8")}
          className={buttonClass}
        >
          Download .md
        </button>
        <button
          type="button"
          disabled={!ready}
          onClick={() => ready && download(ready.json, ready.fileNames.json, "application/json")}
          className={buttonClass}
        >
          Download .json
        </button>
        <button type="button" disabled={!ready} onClick={copy} className={buttonClass}>
          Copy
        </button>
        <p
          aria-live="polite"
          className={`text-xs ${error ? "text-rose-700 dark:text-rose-300" : "text-zinc-600 dark:text-zinc-400"}`}
        >
          {progress}
        </p>
      </div>
    </div>
  );
}
