import type { PasteSecret } from "@/lib/paste-secrets";
import type { DiagnosisReport } from "@/lib/report";

/** What the paste form shows after a submission; the paste itself is never part of it. */
export type DiagnoseResult =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: { text?: string[]; occurredAt?: string[] } }
  /** `secrets`: where the paste holds secrets (offsets and kinds, never a value), for masking on the page. */
  | { status: "ok"; diagnosis: DiagnosisReport; secrets: PasteSecret[] };

/** The server action the paste form submits to, in the shape useActionState calls it. */
export type DiagnoseAction = (previous: DiagnoseResult, formData: FormData) => Promise<DiagnoseResult>;
