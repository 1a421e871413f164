"use server";

import { z } from "zod";
import {
  encodeDiagnoseAnswer,
  type DiagnoseAnswer,
  type DiagnoseResult,
} from "@/components/paste/diagnose-action-types";
import { checkInputText } from "@/lib/input";
import { pageReport } from "@/lib/page-report";
import { PoolBusyError } from "@/lib/pool/pool";
import { diagnoseWithSecretsBounded } from "@/lib/pool/server";
import { getStatusClient } from "@/lib/status/server";

const diagnoseFormSchema = z.object({
  // multipart/form-data encoding turns every LF into CRLF, while a textarea's value only ever holds LF:
  // undoing it gives back the text the user sees, so byte counts and signal offsets match the page.
  text: z
    .string({ error: "The paste must be sent as text." })
    .transform((text) => text.replaceAll("\r\n", "\n")),
  // The browser turns the user's local date and time into an ISO instant before sending it.
  occurredAt: z.iso
    .datetime({ offset: true, error: "The time of the error must be a date and time." })
    .nullish()
    .or(z.literal("").transform(() => null)),
  mode: z.enum(["interactive", "background"]).nullish(),
  sideEffects: z.enum(["on", "true", "false"]).nullish(),
});

/** Clocks disagree a little; past this a time of the error is in the future and refused. */
const FUTURE_SLACK_MS = 2 * 60_000;

/**
 * Diagnoses the pasted error text and answers the result as one JSON string (components/paste/
 * diagnose-action-types.ts); `_previous` is not read.
 */
export async function diagnoseAction(_previous: DiagnoseResult, formData: FormData): Promise<DiagnoseAnswer> {
  return encodeDiagnoseAnswer(await diagnoseForm(formData));
}

async function diagnoseForm(formData: FormData): Promise<DiagnoseResult> {
  const parsed = diagnoseFormSchema.safeParse({
    text: formData.get("text"),
    occurredAt: formData.get("occurredAt"),
    mode: formData.get("mode"),
    sideEffects: formData.get("sideEffects"),
  });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: fieldErrors.text?.[0] ?? fieldErrors.occurredAt?.[0] ?? "The form could not be read.",
      fieldErrors,
    };
  }

  const checked = checkInputText(parsed.data.text);
  if (!checked.ok) {
    return {
      status: "error",
      message: checked.problem.message,
      fieldErrors: { text: [checked.problem.message] },
    };
  }

  const now = new Date();
  const occurredAt = parsed.data.occurredAt ?? null;
  if (occurredAt !== null && Date.parse(occurredAt) > now.getTime() + FUTURE_SLACK_MS) {
    const message = "That time is in the future: give the time the error happened.";
    return { status: "error", message, fieldErrors: { occurredAt: [message] } };
  }

  // The classifier and finding the secrets (a redaction pass) run before the status page is asked; for a
  // large paste both run on a worker thread in one round trip.
  try {
    const { report, secrets } = await diagnoseWithSecretsBounded(checked.text, {
      occurredAt,
      retryContext: {
        mode: parsed.data.mode ?? "interactive",
        sideEffects: parsed.data.sideEffects === "on" || parsed.data.sideEffects === "true",
      },
      now,
      status: getStatusClient(),
    });
    return { status: "ok", diagnosis: pageReport(report), secrets };
  } catch (error) {
    // Every worker and the queue are taken: say so, instead of failing the form.
    if (!(error instanceof PoolBusyError)) throw error;
    return {
      status: "error",
      message: `The server is busy with other large pastes; try again in ${error.retryAfterSeconds} s.`,
    };
  }
}
