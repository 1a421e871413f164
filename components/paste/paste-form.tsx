"use client";

import {
  startTransition,
  useActionState,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from "react";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { decodeDiagnoseAnswer, type DiagnoseAction, type DiagnoseResult } from "./diagnose-action-types";
import { LazyDiagnosisResult, usePrefetchDiagnosisResult } from "../result/lazy-diagnosis-result";
import { ExamplePicker, type ExampleOption } from "./example-picker";
import { OccurredAtField } from "./occurred-at-field";
import { formatBytes, utf8ByteLength } from "../ui/format-bytes";
import { parseOccurredAt, type ParsedTime } from "./occurred-at";
import { PasteSummary, PRIVACY_NOTE } from "./paste-summary";

/**
 * The action's result together with the paste and the time text it answers, so highlights always match
 * their text and an edit since then marks the result stale.
 */
type FormState = { result: DiagnoseResult; paste: string | null; time: string };

const INITIAL_STATE: FormState = { result: { status: "idle" }, paste: null, time: "" };

const UNREACHABLE: DiagnoseResult = {
  status: "error",
  message:
    "The server could not be reached or refused the request. Your paste is still in the box; try again.",
};

/** What the action is sent as its first argument: it does not read it, so the last report is not uploaded. */
const NO_PREVIOUS: DiagnoseResult = { status: "idle" };

async function submitPaste(action: DiagnoseAction, formData: FormData): Promise<FormState> {
  const value = formData.get("text");
  const paste = typeof value === "string" ? value : null;
  const typed = formData.get("timeText");
  const time = typeof typed === "string" ? typed : "";
  formData.delete("timeText");
  try {
    return { result: decodeDiagnoseAnswer(await action(NO_PREVIOUS, formData)), paste, time };
  } catch {
    return { result: UNREACHABLE, paste, time };
  }
}

function tooLargeMessage(bytes: number): string {
  return `The paste is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_INPUT_BYTES)}. Paste the part around the error (the last few hundred lines are usually enough).`;
}

/** The paste box, its examples and the diagnosis it leads to; `action` is the server action that diagnoses. */
export function PasteForm({
  action,
  examples,
}: {
  action: DiagnoseAction;
  examples: readonly ExampleOption[];
}) {
  const [state, dispatch, pending] = useActionState(
    (_previous: FormState, formData: FormData) => submitPaste(action, formData),
    INITIAL_STATE,
  );
  usePrefetchDiagnosisResult();
  const [text, setText] = useState("");
  const [timeText, setTimeText] = useState("");
  // Read when typed (a relative time is counted from the moment it was written) and again on submit.
  const [time, setTime] = useState<ParsedTime>({ ok: true, iso: null });
  // After a diagnosis the box folds away so the answer is on the first screen and the paste (which may hold
  // secrets) is not on the page twice; "Edit" brings it back.
  const [editing, setEditing] = useState(true);
  const [answered, setAnswered] = useState<FormState | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const bytes = useMemo(() => utf8ByteLength(text), [text]);
  const overLimit = bytes > MAX_INPUT_BYTES;
  // A server message belongs to the text it was about; once the paste is edited it no longer applies.
  const serverTimeError =
    state.result.status === "error" && state.time === timeText
      ? (state.result.fieldErrors?.occurredAt?.[0] ?? null)
      : null;
  const timeError = time.ok ? serverTimeError : time.error;
  const serverError =
    state.result.status === "error" && state.paste === text && state.result.message !== serverTimeError
      ? state.result.message
      : null;
  const message = overLimit ? tooLargeMessage(bytes) : serverError;

  // A new answer folds the box away and takes the focus (for screen readers and keyboard users).
  if (state !== answered) {
    setAnswered(state);
    if (state.result.status === "ok") setEditing(false);
  }
  useEffect(() => {
    if (state.result.status === "ok") resultRef.current?.focus({ preventScroll: true });
  }, [state]);

  function submit(value: string) {
    // The text is set explicitly because a picked example is not in the box yet; the time goes as the
    // instant it stands for, and as typed (kept with the answer, to tell when it changed).
    const parsed = parseOccurredAt(timeText, Date.now());
    setTime(parsed);
    if (!parsed.ok) {
      setEditing(true);
      return;
    }
    const formData = new FormData();
    formData.set("text", value);
    formData.set("occurredAt", parsed.iso ?? "");
    formData.set("timeText", timeText);
    startTransition(() => dispatch(formData));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (overLimit) {
      textareaRef.current?.focus();
      return;
    }
    if (!time.ok) {
      document.getElementById("occurred-at")?.focus();
      return;
    }
    submit(text);
  }

  function changeTime(value: string) {
    setTimeText(value);
    setTime(parseOccurredAt(value, Date.now()));
  }

  function startOver() {
    setText("");
    changeTime("");
    setEditing(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  function onPick(example: ExampleOption) {
    setText(example.text);
    submit(example.text);
  }

  const diagnosed = state.result.status === "ok" ? state.result : null;
  const stale = diagnosed !== null && (state.paste !== text || state.time !== timeText);
  const status = pending
    ? "Diagnosing…"
    : state.result.status === "ok"
      ? `Diagnosis ready: ${state.result.diagnosis.card.title}.`
      : "";

  return (
    <div className="space-y-5">
      {diagnosed !== null && !editing ? (
        <PasteSummary
          text={text}
          time={time.ok ? time.iso : null}
          onEdit={() => setEditing(true)}
          onNew={startOver}
        />
      ) : null}
      {diagnosed === null || editing ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2">
          <div className="flex items-baseline justify-between gap-3">
            <label htmlFor="paste" className="text-sm font-medium">
              Error text
            </label>
            <span
              id="paste-size"
              className={`text-xs tabular-nums ${overLimit ? "font-medium text-rose-700 dark:text-rose-300" : "text-zinc-600 dark:text-zinc-400"}`}
            >
              {formatBytes(bytes)} of {formatBytes(MAX_INPUT_BYTES)}
            </span>
          </div>
          <textarea
            ref={textareaRef}
            id="paste"
            name="text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            rows={10}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="paste-message paste-hint paste-size"
            aria-invalid={message !== null}
            placeholder={
              'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'
            }
            className="block w-full resize-y rounded-md border border-zinc-300 bg-white p-3 font-mono text-xs leading-relaxed text-zinc-900 placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600/40 aria-invalid:border-rose-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500"
          />
          <div
            id="paste-message"
            aria-live="polite"
            className="min-h-5 text-sm text-rose-700 dark:text-rose-300"
          >
            {message}
          </div>
          <OccurredAtField
            value={timeText}
            onChange={changeTime}
            error={timeError}
            resolved={time.ok ? time.iso : null}
          />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p id="paste-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
              Ctrl+Enter (⌘+Enter on a Mac) diagnoses. {PRIVACY_NOTE}
            </p>
            <button
              type="submit"
              disabled={pending || overLimit}
              className="rounded-md bg-zinc-900 px-3.5 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              {pending ? "Diagnosing…" : "Diagnose"}
            </button>
          </div>
          <ExamplePicker examples={examples} onPick={onPick} disabled={pending} />
        </form>
      ) : null}

      <p role="status" className="sr-only">
        {status}
      </p>

      {diagnosed !== null ? (
        <div className="space-y-3">
          {stale ? (
            <div
              role="status"
              className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-400/10 dark:text-amber-100"
            >
              <span>
                The paste or the time changed since this diagnosis: the result below is for the old one.
              </span>
              <button
                type="button"
                onClick={() => submit(text)}
                disabled={pending || overLimit || !time.ok}
                className="rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
              >
                Re-run
              </button>
            </div>
          ) : null}
          <div
            ref={resultRef}
            tabIndex={-1}
            aria-busy={pending}
            data-stale={stale || undefined}
            className={`outline-none transition-opacity ${pending || stale ? "opacity-60" : ""}`}
          >
            <LazyDiagnosisResult
              diagnosis={diagnosed.diagnosis}
              paste={state.paste}
              secrets={diagnosed.secrets}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
