import path from "node:path";
import type { BranchId } from "../diagnosis";
import { checkInputText } from "../input";
import { packetFromDiagnosis } from "../packet";
import { diagnose, type DiagnosisReport } from "../report";
import type { StatusClient } from "../status/client";
import { BRANCH_FOR_ERROR, hookLine, notificationText } from "./message";
import { packetFileNameFor, PROJECT_PACKET_DIR, prunePackets, writePacketFile } from "./packet-file";
import { parseStopFailureInput, type StopFailureInput } from "./payload";
import { lastApiError, readTranscriptTail, TRANSCRIPT_TAIL_BYTES, type TranscriptError } from "./transcript";

/** How the hook asks the terminal to notify: Claude Code ignores StopFailure output except `terminalSequence`. */
export const NOTIFY_STYLES = ["osc9", "osc777", "none"] as const;
export type NotifyStyle = (typeof NOTIFY_STYLES)[number];

/**
 * The JSON printed for Claude Code. `systemMessage` is the documented field for a message to the user; the Hooks
 * reference says StopFailure output is ignored apart from `terminalSequence` (an allowlisted OSC 9/777
 * notification), so the line also goes out as a desktop notification and the packet file keeps the rest.
 * Sources: https://code.claude.com/docs/en/hooks#stopfailure ("Claude Code ignores the hook's output and exit
 * code, apart from terminalSequence"), #json-output (systemMessage) and #emit-terminal-notifications.
 */
export type HookOutput = { systemMessage: string; terminalSequence?: string };

export type HookOptions = {
  stdinText: string;
  env: Record<string, string | undefined>;
  now: () => Date;
  random: () => number;
  status: Pick<StatusClient, "getContext"> | null;
  /** Where to write the packet; default `<project>/.claude/error-triage`. */
  packetDir: string | null;
  notify: NotifyStyle;
  /** The process's working directory, the project root of last resort. */
  cwd: string;
  tailBytes?: number;
};

export type HookResult = {
  output: HookOutput;
  branch: BranchId;
  report: DiagnosisReport | null;
  packetPath: string | null;
  transcript: { bytesRead: number; fileBytes: number } | null;
  input: StopFailureInput;
};

// eslint-disable-next-line no-control-regex -- the sequence must not be ended early by the text inside it
const SEQUENCE_UNSAFE = /[\u0000-\u001f\u007f-\u009f]/g;

/** An allowlisted notification sequence (Hooks reference, "Emit terminal notifications"). */
export function terminalSequenceFor(style: NotifyStyle, text: string): string | undefined {
  const body = text.replace(SEQUENCE_UNSAFE, " ");
  if (style === "osc9") return `\u001b]9;${body}\u0007`;
  if (style === "osc777") return `\u001b]777;notify;Claude Error Triage;${body.replace(/;/g, ",")}\u0007`;
  return undefined;
}

/** The text diagnosed: what Claude Code rendered, its details, and what the transcript adds, each once. */
export function pasteFor(input: StopFailureInput, fromTranscript: TranscriptError | null): string {
  const parts: string[] = [];
  const add = (text: string | null) => {
    if (text === null || text.trim().length === 0) return;
    if (parts.some((part) => part.includes(text.trim()))) return;
    parts.push(text.trim());
  };
  add(input.lastAssistantMessage);
  add(input.errorDetails);
  add(fromTranscript?.text ?? null);
  add(fromTranscript?.retryText ?? null);
  const requestId = fromTranscript?.requestId ?? null;
  if (parts.length > 0 && requestId !== null && !parts.some((part) => part.includes(requestId)))
    parts.push(`request-id: ${requestId}`);
  return parts.join("\n");
}

function shownPath(file: string, projectDir: string): string {
  const relative = path.relative(projectDir, file);
  return relative.length > 0 && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The StopFailure hook's work: read the payload and the transcript's tail, diagnose with status, write the
 * redacted packet, and build the line for Claude Code. Never throws for bad input; every shortfall becomes a
 * note in the line.
 */
export async function runClaudeCodeHook(options: HookOptions): Promise<HookResult> {
  const input = parseStopFailureInput(options.stdinText);
  const notes: string[] = [];
  if (input.problem !== null) notes.push(input.problem);

  let fromTranscript: TranscriptError | null = null;
  let transcript: HookResult["transcript"] = null;
  if (input.transcriptPath !== null) {
    const tail = await readTranscriptTail(input.transcriptPath, options.tailBytes ?? TRANSCRIPT_TAIL_BYTES);
    if (tail.ok) {
      transcript = { bytesRead: tail.tail.bytesRead, fileBytes: tail.tail.fileBytes };
      fromTranscript = lastApiError(tail.tail.text);
    } else {
      notes.push(tail.reason);
    }
  }

  const now = options.now();
  const text = pasteFor(input, fromTranscript);
  const checked = text.length > 0 ? checkInputText(text) : null;
  let report: DiagnosisReport | null = null;
  if (checked?.ok === true) {
    report = await diagnose(checked.text, {
      now,
      random: options.random,
      // The hook fires as the turn fails: that moment is the error's time when the transcript gives none.
      occurredAt: fromTranscript?.timestamp ?? now.toISOString(),
      status: options.status,
    });
  } else if (input.problem === null) {
    notes.push("no error text came with the hook input");
  }

  const branch: BranchId =
    report !== null && report.branch !== "unknown" ? report.branch : BRANCH_FOR_ERROR[input.knownError];

  const projectDir = options.env.CLAUDE_PROJECT_DIR?.trim() || input.cwd || options.cwd;
  let packetPath: string | null = null;
  if (report !== null && checked?.ok === true) {
    const statusRead = report.statusContext !== null && report.statusContext.source !== "unavailable";
    const { markdown } = packetFromDiagnosis(
      report,
      checked.text,
      { statusContext: report.statusContext, checklist: { statusChecked: statusRead } },
      { now },
    );
    const dir = options.packetDir ?? path.join(projectDir, PROJECT_PACKET_DIR);
    const requestId = report.evidence.requestIds.at(-1) ?? fromTranscript?.requestId ?? null;
    try {
      const written = await writePacketFile(
        dir,
        packetFileNameFor(now, requestId, input.sessionId),
        markdown,
      );
      packetPath = shownPath(written, projectDir);
      await prunePackets(dir);
    } catch (error) {
      notes.push(`the packet could not be written: ${messageOf(error)}`);
    }
  }

  const systemMessage = hookLine({
    report,
    branch,
    claudeCodeError: input.error,
    knownError: input.knownError,
    requestId: report?.evidence.requestIds.at(-1) ?? fromTranscript?.requestId ?? null,
    packetPath,
    notes,
  });
  const terminalSequence = terminalSequenceFor(options.notify, notificationText(systemMessage));
  return {
    output: terminalSequence === undefined ? { systemMessage } : { systemMessage, terminalSequence },
    branch,
    report,
    packetPath,
    transcript,
    input,
  };
}

/** The output when the hook ran out of time or failed unexpectedly: still valid JSON, still one line. */
export function fallbackOutput(reason: string): HookOutput {
  return { systemMessage: `Claude Error Triage could not diagnose this error (${reason}).` };
}
