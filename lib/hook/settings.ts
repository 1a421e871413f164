import { copyFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

// Claude Code reads hooks from `.claude/settings.json` (project) and `~/.claude/settings.json` (user), as
// `{"hooks": {"<Event>": [{"matcher"?: "...", "hooks": [{"type": "command", "command": "...", "timeout": s}]}]}}`
// (Hooks reference, "Configuration" and "Command hook fields": https://code.claude.com/docs/en/hooks). A
// StopFailure group without a matcher runs on every `error` value. The command is in shell form so it works on
// every Claude Code version that has the event; `timeout` is in seconds.

/** What the hook entry runs; also how an existing entry of ours is recognised. */
export const HOOK_COMMAND = "claude-error-triage hook claude-code";
/** Claude Code's limit for the hook, in seconds; the hook itself answers well within it. */
export const HOOK_TIMEOUT_SECONDS = 15;

export type HookEntry = { type: "command"; command: string; timeout: number };

export function hookEntry(command: string = HOOK_COMMAND): HookEntry {
  return { type: "command", command, timeout: HOOK_TIMEOUT_SECONDS };
}

/** The snippet `setup claude-code` prints: the whole settings object a new file would hold. */
export function settingsSnippet(command: string = HOOK_COMMAND): { hooks: { StopFailure: unknown[] } } {
  return { hooks: { StopFailure: [{ hooks: [hookEntry(command)] }] } };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export type MergeResult = { ok: true; changed: boolean; settings: Json } | { ok: false; problem: string };

function isOurs(hook: unknown, command: string): boolean {
  return isObject(hook) && typeof hook.command === "string" && hook.command.trim() === command;
}

/**
 * Adds the StopFailure hook to parsed settings, keeping every other key, event and hook. Pure. Already present
 * (in any group) means no change; a shape Claude Code would not accept either is refused, not repaired.
 */
export function mergeHookIntoSettings(settings: unknown, command: string = HOOK_COMMAND): MergeResult {
  if (!isObject(settings)) return { ok: false, problem: "the settings are not a JSON object" };
  const hooks = settings.hooks ?? {};
  if (!isObject(hooks)) return { ok: false, problem: '"hooks" is not an object' };
  const groups = hooks.StopFailure ?? [];
  if (!Array.isArray(groups)) return { ok: false, problem: '"hooks.StopFailure" is not a list' };
  const present = groups.some(
    (group) => isObject(group) && Array.isArray(group.hooks) && group.hooks.some((h) => isOurs(h, command)),
  );
  if (present) return { ok: true, changed: false, settings };
  return {
    ok: true,
    changed: true,
    settings: { ...settings, hooks: { ...hooks, StopFailure: [...groups, { hooks: [hookEntry(command)] }] } },
  };
}

export type WriteResult =
  | { ok: true; changed: boolean; file: string; backup: string | null }
  | { ok: false; file: string; problem: string };

function backupStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/**
 * Merges the hook into a settings file: creates it (and its folder) when missing, leaves it byte-for-byte alone
 * when the hook is there already or the file is not valid settings JSON, and otherwise keeps a copy of the old
 * file as `settings.json.bak-<UTC time>` before replacing it atomically.
 */
export async function writeHookIntoSettingsFile(
  file: string,
  { now, command = HOOK_COMMAND }: { now: Date; command?: string },
): Promise<WriteResult> {
  let original: string | null = null;
  try {
    original = await readFile(file, "utf8");
  } catch (error) {
    const code = isObject(error) ? error.code : null;
    if (code !== "ENOENT") return { ok: false, file, problem: `cannot be read (${String(code ?? error)})` };
  }
  let parsed: unknown = {};
  if (original !== null && original.trim().length > 0) {
    try {
      parsed = JSON.parse(original);
    } catch (error) {
      return {
        ok: false,
        file,
        problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it, or move it away, and run again. Nothing was changed`,
      };
    }
  }
  const merged = mergeHookIntoSettings(parsed, command);
  if (!merged.ok) return { ok: false, file, problem: `${merged.problem}. Nothing was changed` };
  if (!merged.changed) return { ok: true, changed: false, file, backup: null };

  await mkdir(path.dirname(file), { recursive: true });
  let backup: string | null = null;
  if (original !== null) {
    backup = `${file}.bak-${backupStamp(now)}`;
    await copyFile(file, backup);
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(merged.settings, null, 2)}\n`, "utf8");
  await rename(temporary, file);
  return { ok: true, changed: true, file, backup };
}
