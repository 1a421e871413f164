import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { DiagnosisResult } from "@/components/result/diagnosis-result";
import { PermalinkMeta } from "@/components/share/permalink-meta";
import { RerunPanel } from "@/components/share/rerun-panel";
import { rerunAction } from "@/app/permalink-actions";
import { env } from "@/lib/env";
import { requestOrigin } from "@/lib/permalinks/url";
import { loadPermalink } from "./load";

// Every request reads the store: a deleted or expired link must stop rendering at once.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const record = await loadPermalink((await params).id);
  const origin = env().permalinks.publicBaseUrl ?? requestOrigin(await headers());
  return {
    title: record === null ? "Link not found" : `Shared diagnosis: ${record.diagnosis.card.title}`,
    // The description names the branch only: nothing of the paste goes into a link preview.
    description: record === null ? undefined : `Claude API error triage: ${record.diagnosis.card.title}.`,
    robots: { index: false, follow: false },
    referrer: "no-referrer",
    ...(origin === null ? {} : { metadataBase: new URL(origin) }),
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
        stored={<DiagnosisResult diagnosis={record.diagnosis} paste={record.redactedText} shared />}
      />
    </div>
  );
}
