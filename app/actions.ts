"use server";

import { z } from "zod";
import { classify } from "@/lib/classify";
import type { DiagnoseResult } from "@/components/diagnose-action-types";
import { checkInputText } from "@/lib/input";

const diagnoseFormSchema = z.object({
  // multipart/form-data encoding turns every LF into CRLF, while a textarea's value only ever holds LF:
  // undoing it gives back the text the user sees, so byte counts and signal offsets match the page.
  text: z
    .string({ error: "The paste must be sent as text." })
    .transform((text) => text.replaceAll("\r\n", "\n")),
});

/** Diagnoses the pasted error text; `_previous` is the form's last result (required by useActionState). */
export async function diagnoseAction(_previous: DiagnoseResult, formData: FormData): Promise<DiagnoseResult> {
  const parsed = diagnoseFormSchema.safeParse({ text: formData.get("text") });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return { status: "error", message: fieldErrors.text?.[0] ?? "The form could not be read.", fieldErrors };
  }

  const checked = checkInputText(parsed.data.text);
  if (!checked.ok) {
    return {
      status: "error",
      message: checked.problem.message,
      fieldErrors: { text: [checked.problem.message] },
    };
  }

  return { status: "ok", diagnosis: classify(checked.text) };
}
