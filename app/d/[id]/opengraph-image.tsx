import { ImageResponse } from "next/og";
import { previewCache, type PreviewCache } from "@/lib/permalinks/preview-cache";
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

// Drawing an image costs tens of milliseconds of CPU: each link's is drawn once and kept (the link's existence
// is still checked on every request, so a deleted link's image stops at once).
const CACHE_KEY = Symbol.for("claude-error-triage.preview-cache");
const cache = ((globalThis as { [CACHE_KEY]?: PreviewCache })[CACHE_KEY] ??= previewCache());
const HEADERS = { "Content-Type": "image/png", "Cache-Control": "public, max-age=300" };

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const record = await loadPermalink(id);
  // No image is drawn for a link that does not exist.
  if (record === null) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const cached = cache.get(id, Date.now());
  if (cached !== null) return new Response(cached as Uint8Array<ArrayBuffer>, { headers: HEADERS });
  const image = await drawImage(record);
  cache.set(id, image, Date.now());
  return new Response(image as Uint8Array<ArrayBuffer>, { headers: HEADERS });
}

async function drawImage(
  record: NonNullable<Awaited<ReturnType<typeof loadPermalink>>>,
): Promise<Uint8Array> {
  const title = ascii(record.diagnosis.card.title);
  const evidence = record.diagnosis.evidence;
  const status = [
    evidence.status == null ? null : `HTTP ${evidence.status}`,
    evidence.errorType != null && ERROR_TYPE.test(evidence.errorType) ? evidence.errorType : null,
  ]
    .filter((part) => part !== null)
    .join("  ");
  const date = `Diagnosed ${DATE.format(new Date(record.createdAt))}`;

  const response = new ImageResponse(
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
        <div style={{ display: "flex", fontSize: 36, color: "#fbbf24" }}>{record.diagnosis.branch}</div>
        <div style={{ display: "flex", fontSize: 64, lineHeight: 1.15 }}>{title}</div>
        {status === "" ? null : <div style={{ display: "flex", color: "#d4d4d8" }}>{status}</div>}
      </div>
      <div style={{ display: "flex", color: "#a1a1aa" }}>{date}</div>
    </div>,
    size,
  );
  return new Uint8Array(await response.arrayBuffer());
}
