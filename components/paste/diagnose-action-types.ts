import type { DiagnosisReport } from "@/lib/report";

/** What the paste form shows after a submission; the paste itself is never part of it. */
export type DiagnoseResult =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: { text?: string[]; occurredAt?: string[] } }
  | { status: "ok"; diagnosis: DiagnosisReport };

/** The server action the paste form submits to, in the shape useActionState calls it. */
export type DiagnoseAction = (previous: DiagnoseResult, formData: FormData) => Promise<DiagnoseResult>;
