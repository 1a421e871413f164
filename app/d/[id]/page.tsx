import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { DiagnosisResult } from "@/components/result/diagnosis-result";
import { PermalinkMeta } from "@/components/share/permalink-meta";
import { RerunPanel } from "@/components/share/rerun-panel";
import { rerunAction } from "@/app/permalink-actions";
import { LargePaste } from "@/components/share/large-paste";
import { serverLinkOrigin } from "@/lib/permalinks/server";
import { loadPermalink } from "./load";

// Every request reads the store: a deleted or expired link must stop rendering at once.
// The stored report is shown as it was made; nothing is diagnosed again unless the reader asks.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** Pastes longer than this are shown folded, without the controls that would carry the whole text. */
const FOLD_ABOVE_CHARS = 64 * 1024;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const record = await loadPermalink((await params).id);
  // Never the request's Host in production (lib/permalinks/url.ts linkOrigin): og:image must not point elsewhere.
  const origin = serverLinkOrigin(await headers());
  return {
    title: record === null ? "Link not found" : `Shared diagnosis: ${record.diagnosis.card.title}`,
    // The description names the branch only: nothing of the paste goes into a link preview.
    description: record === null ? undefined : `Claude API error triage: ${record.diagnosis.card.title}.`,
    robots: { index: false, follow: false },
    referrer: "no-referrer",
    metadataBase: new URL(origin),
  };
}

export default async function SharedDiagnosisPage({ params }: Props) {
  const { id } = await params;
  const record = await loadPermalink(id);
  if (record === null) notFound();
  return (
    <div className="space-y-5">
      <PermalinkMeta
        classifierVersion={record.classifierVersion}
        createdAt={record.createdAt}
        expiresAt={record.expiresAt}
      />
      <RerunPanel
        rerun={rerunAction.bind(null, id)}
        stored={
          record.redactedText.length > FOLD_ABOVE_CHARS ? (
            <div className="space-y-5">
              <DiagnosisResult diagnosis={record.diagnosis} paste={null} shared />
              <LargePaste id={id} text={record.redactedText} signals={record.diagnosis.signals} />
            </div>
          ) : (
            <DiagnosisResult diagnosis={record.diagnosis} paste={record.redactedText} shared />
          )
        }
      />
    </div>
  );
}
