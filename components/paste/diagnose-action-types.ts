import type { PasteSecret } from "@/lib/paste-secrets";
import type { PageReport } from "@/lib/page-report";

/** What the paste form shows after a submission; the paste itself is never part of it. */
export type DiagnoseResult =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: { text?: string[]; occurredAt?: string[] } }
  /**
   * `diagnosis`: the report without what the page does not render (lib/page-report.ts). `secrets`: where the
   * paste holds secrets (offsets and kinds, never a value), for masking on the page.
   */
  | { status: "ok"; diagnosis: PageReport; secrets: PasteSecret[] };

/**
 * The server action's answer: a DiagnoseResult as one JSON string. React's flight encoder walks every object
 * and key of a returned value; a string goes out as one chunk, and the page parses it once.
 */
export type DiagnoseAnswer = string;

/** The server action the paste form submits to; `previous` is not read (the form sends `{status: "idle"}`). */
export type DiagnoseAction = (previous: DiagnoseResult, formData: FormData) => Promise<DiagnoseAnswer>;

export function encodeDiagnoseAnswer(result: DiagnoseResult): DiagnoseAnswer {
  return JSON.stringify(result);
}

export function decodeDiagnoseAnswer(answer: DiagnoseAnswer): DiagnoseResult {
  return JSON.parse(answer) as DiagnoseResult;
}
