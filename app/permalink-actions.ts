"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { PrivateLinkResult, RerunResult, ShareResult } from "@/components/share/share-action-types";
import { env } from "@/lib/env";
import { checkInputText } from "@/lib/input";
import { pageReport } from "@/lib/page-report";
import { requestClientKey } from "@/lib/permalinks/client-key";
import { createPermalink, type PasteToShare } from "@/lib/permalinks/create";
import { encodePrivateDiagnosis } from "@/lib/permalinks/fragment";
import { getLinkRateLimiter, getSigningKey, serverLinkOrigin } from "@/lib/permalinks/server";
import { signPayload } from "@/lib/permalinks/signing-key";
import { permalinkUrl } from "@/lib/permalinks/url";
import { PoolBusyError } from "@/lib/pool/pool";
import { diagnoseBounded, LARGE_PASTE_CHARS, redactedReportBounded } from "@/lib/pool/server";
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

// A large paste is redacted and diagnosed on a worker thread, like a fresh diagnosis.
const deps = () => ({
  now: new Date(),
  random: Math.random,
  status: getStatusClient(),
  redactAndDiagnose: redactedReportBounded,
});

const busy = (error: PoolBusyError) => ({
  status: "error" as const,
  message: `The server is busy with other large pastes; try again in ${error.retryAfterSeconds} s.`,
});

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
    requestClientKey(requestHeaders, config.trustProxyHops),
  );
  if (!decision.ok)
    return {
      status: "error",
      message: `Too many links made from here; try again in ${decision.retryAfterSeconds} s.`,
    };

  let created;
  try {
    created = await createPermalink(getStore(), { ...checked.paste, ttlMs: parsed.data.ttl }, deps());
  } catch (error) {
    if (error instanceof PoolBusyError) return busy(error);
    throw error;
  }
  return {
    status: "ok",
    url: permalinkUrl(serverLinkOrigin(requestHeaders), created.id),
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
  let redacted;
  try {
    redacted = await redactedReportBounded(checked.paste, deps());
  } catch (error) {
    if (error instanceof PoolBusyError) return busy(error);
    throw error;
  }
  const { redactedText, report } = redacted;
  // Signed here, so the page that opens the link can tell it was made by this site and not written by hand.
  const payload = encodePrivateDiagnosis(redactedText, report);
  const signature = signPayload(payload, await getSigningKey());
  return { status: "ok", fragment: `${payload}.${signature}`, baseUrl: env().permalinks.publicBaseUrl };
}

/** Today's classifier on a stored link's redacted text, with the link's time and retry context; not stored. */
export async function rerunAction(id: string): Promise<RerunResult> {
  const record = await getStore().get(String(id), new Date());
  if (record === null)
    return { status: "error", message: "This link no longer exists: it expired or was deleted." };
  try {
    // A large stored paste is re-diagnosed on a worker thread, like a fresh one; re-runs are rate-limited
    // per client at the front door (RERUN_RATE_LIMIT).
    const report = await diagnoseBounded(record.redactedText, {
      occurredAt: record.diagnosis.evidence.occurredAt,
      retryContext: record.diagnosis.retryContext,
      now: new Date(),
      status: getStatusClient(),
    });
    // A large paste is not sent back: the page shows it folded already.
    const small = record.redactedText.length <= LARGE_PASTE_CHARS;
    return { status: "ok", report: pageReport(report), redactedText: small ? record.redactedText : null };
  } catch (error) {
    if (!(error instanceof PoolBusyError)) throw error;
    return { status: "error", message: `The server is busy; try again in ${error.retryAfterSeconds} s.` };
  }
}
