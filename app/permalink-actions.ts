"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { PrivateLinkResult, RerunResult, ShareResult } from "@/components/share/share-action-types";
import { env } from "@/lib/env";
import { checkInputText } from "@/lib/input";
import { clientKey } from "@/lib/permalinks/client-key";
import { createPermalink, redactedReport, type PasteToShare } from "@/lib/permalinks/create";
import { getLinkRateLimiter } from "@/lib/permalinks/server";
import { permalinkUrl, requestOrigin } from "@/lib/permalinks/url";
import { diagnose } from "@/lib/report";
import { retryContextSchema } from "@/lib/retry/schema";
import { getStatusClient } from "@/lib/status/server";
import { ttlSchema } from "@/lib/store/ids";
import { getStore } from "@/lib/store/server";

const pasteSchema = z.object({
  // The page sends the paste it shows; a textarea's value holds LF only, but be lenient with CRLF.
  text: z.string({ error: "The paste must be sent as text." }).transform((t) => t.replaceAll("\r\n", "\n")),
  // The diagnosis's time; one the classifier cannot read is dropped rather than refused.
  occurredAt: z.iso.datetime({ offset: true }).nullish().catch(null),
  retryContext: retryContextSchema.nullish().catch(null),
});

const shareSchema = pasteSchema.extend({ ttl: ttlSchema });

type Checked = { ok: true; paste: PasteToShare } | { ok: false; message: string };

function checkPaste(data: z.infer<typeof pasteSchema>): Checked {
  const checked = checkInputText(data.text);
  if (!checked.ok) return { ok: false, message: checked.problem.message };
  return {
    ok: true,
    paste: {
      text: checked.text,
      occurredAt: data.occurredAt ?? null,
      retryContext: data.retryContext ?? undefined,
    },
  };
}

function firstMessage(error: z.ZodError, fallback: string): string {
  const fieldErrors: Record<string, string[] | undefined> = z.flattenError(error).fieldErrors;
  return fieldErrors.ttl?.[0] ?? fieldErrors.text?.[0] ?? fallback;
}

const deps = () => ({ now: new Date(), random: Math.random, status: getStatusClient() });

/** Stores the redacted diagnosis as a link; rate-limited per client like POST /api/permalinks. */
export async function shareDiagnosisAction(input: unknown): Promise<ShareResult> {
  const parsed = shareSchema.safeParse(input);
  if (!parsed.success)
    return { status: "error", message: firstMessage(parsed.error, "The share request could not be read.") };
  const checked = checkPaste(parsed.data);
  if (!checked.ok) return { status: "error", message: checked.message };

  const requestHeaders = await headers();
  const config = env().permalinks;
  const decision = await getLinkRateLimiter().consume(
    clientKey(requestHeaders.get("x-forwarded-for"), config.trustProxyHops),
  );
  if (!decision.ok)
    return {
      status: "error",
      message: `Too many links made from here; try again in ${decision.retryAfterSeconds} s.`,
    };

  const created = await createPermalink(getStore(), { ...checked.paste, ttlMs: parsed.data.ttl }, deps());
  const origin = config.publicBaseUrl ?? requestOrigin(requestHeaders) ?? "";
  return {
    status: "ok",
    url: permalinkUrl(origin, created.id),
    deleteToken: created.deleteToken,
    expiresAt: created.expiresAt,
  };
}

/** The redacted text and its report for a private link; nothing is stored. */
export async function privateLinkAction(input: unknown): Promise<PrivateLinkResult> {
  const parsed = pasteSchema.safeParse(input);
  if (!parsed.success)
    return { status: "error", message: firstMessage(parsed.error, "The request could not be read.") };
  const checked = checkPaste(parsed.data);
  if (!checked.ok) return { status: "error", message: checked.message };
  const { redactedText, report } = await redactedReport(checked.paste, deps());
  return { status: "ok", redactedText, report, baseUrl: env().permalinks.publicBaseUrl };
}

/** Today's classifier on a stored link's redacted text, with the link's time and retry context; not stored. */
export async function rerunAction(id: string): Promise<RerunResult> {
  const record = await getStore().get(String(id), new Date());
  if (record === null)
    return { status: "error", message: "This link no longer exists: it expired or was deleted." };
  const report = await diagnose(record.redactedText, {
    occurredAt: record.diagnosis.evidence.occurredAt,
    retryContext: record.diagnosis.retryContext,
    ...deps(),
  });
  return { status: "ok", report, redactedText: record.redactedText };
}
