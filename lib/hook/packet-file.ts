import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where packets go inside a project: its `.claude/` folder, next to Claude Code's own settings. */
export const PROJECT_PACKET_DIR = path.join(".claude", "error-triage");

/** `2026-12-07T02-35-10-123Z`: sortable, and legal in a file name on every platform. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

const safe = (text: string) => text.replace(/[^\w-]/g, "-").slice(0, 64);

/** The packet's file name: time first so a directory listing reads in order, then the request id or session. */
export function packetFileNameFor(now: Date, requestId: string | null, sessionId: string | null): string {
  const tail = requestId ?? (sessionId === null ? null : `session-${sessionId}`);
  return `packet-${stamp(now)}${tail === null ? "" : `-${safe(tail)}`}.md`;
}

/**
 * Writes the (already redacted) packet, creating the directory; readable by the user only. Written to a temporary
 * name and renamed, so a reader never sees half a packet. Answers the path written.
 */
export async function writePacketFile(dir: string, fileName: string, markdown: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, fileName);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, markdown, { encoding: "utf8", mode: 0o600 });
  await rename(temporary, target);
  return target;
}

/** How many packets the hook keeps in its folder; the oldest go first. */
export const KEEP_PACKETS = 100;

const PACKET_FILE = /^packet-\d{4}-\d\d-\d\dT[\w-]+\.md$/;

/**
 * Deletes the oldest packets past `keep` (names start with their UTC time, so name order is age order). Only
 * files named like the hook's own packets are touched. Answers how many were deleted; never throws.
 */
export async function prunePackets(dir: string, keep: number = KEEP_PACKETS): Promise<number> {
  try {
    const packets = (await readdir(dir)).filter((name) => PACKET_FILE.test(name)).sort();
    const old = packets.slice(0, Math.max(0, packets.length - keep));
    await Promise.all(old.map((name) => rm(path.join(dir, name), { force: true })));
    return old.length;
  } catch {
    return 0;
  }
}
