import { ImageResponse } from "next/og";
import { loadPermalink } from "./load";

// The preview names the branch, the HTTP status and the date, never anything of the paste. Text is kept
// to printable ASCII: the font bundled with next/og covers it, and a glyph it lacks would make
// ImageResponse try to fetch a fallback font at run time.
export const alt = "Claude Error Triage: a shared diagnosis";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const dynamic = "force-dynamic";

const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, "-");
const ERROR_TYPE = /^[a-z_]{1,40}$/;
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const record = await loadPermalink((await params).id);
  const title = record === null ? "This link has expired or was deleted" : ascii(record.diagnosis.card.title);
  const evidence = record?.diagnosis.evidence;
  const status = [
    evidence?.status == null ? null : `HTTP ${evidence.status}`,
    evidence?.errorType != null && ERROR_TYPE.test(evidence.errorType) ? evidence.errorType : null,
  ]
    .filter((part) => part !== null)
    .join("  ");
  const date = record === null ? "" : `Diagnosed ${DATE.format(new Date(record.createdAt))}`;

  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px",
        background: "#09090b",
        color: "#fafafa",
        fontSize: 32,
      }}
    >
      <div style={{ display: "flex", color: "#a1a1aa" }}>Claude Error Triage - shared diagnosis</div>
      <div style={{ display: "flex", flexDirection: "column", gap: "24px" }}>
        {record === null ? null : (
          <div style={{ display: "flex", fontSize: 36, color: "#fbbf24" }}>{record.diagnosis.branch}</div>
        )}
        <div style={{ display: "flex", fontSize: 64, lineHeight: 1.15 }}>{title}</div>
        {status === "" ? null : <div style={{ display: "flex", color: "#d4d4d8" }}>{status}</div>}
      </div>
      <div style={{ display: "flex", color: "#a1a1aa" }}>{date}</div>
    </div>,
    { ...size, status: record === null ? 404 : 200, headers: { "Cache-Control": "no-store" } },
  );
}
