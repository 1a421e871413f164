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

/** The server action the paste form submits to, in the shape useActionState calls it. */
export type DiagnoseAction = (previous: DiagnoseResult, formData: FormData) => Promise<DiagnoseResult>;
