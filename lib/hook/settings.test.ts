import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HOOK_COMMAND, mergeHookIntoSettings, settingsSnippet, writeHookIntoSettingsFile } from "./settings";

const root = mkdtempSync(path.join(tmpdir(), "cet-settings-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NOW = new Date("2026-12-07T02:30:00.000Z");

function project(name: string, settings?: string): string {
  const dir = path.join(root, name, ".claude");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "settings.json");
  if (settings !== undefined) writeFileSync(file, settings);
  return file;
}

const ourGroups = (settings: { hooks: { StopFailure: Array<{ hooks: Array<{ command: string }> }> } }) =>
  settings.hooks.StopFailure.filter((g) => g.hooks.some((h) => h.command === HOOK_COMMAND));

describe("setup claude-code --write", () => {
  it("creates the settings file when there is none, with nothing but the hook", async () => {
    const file = path.join(root, "fresh", ".claude", "settings.json");
    const result = await writeHookIntoSettingsFile(file, { now: NOW });
    expect(result).toEqual({ ok: true, changed: true, file, backup: null });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(settingsSnippet());
  });

  it("treats an empty file as empty settings", async () => {
    const file = project("empty", "");
    const result = await writeHookIntoSettingsFile(file, { now: NOW });
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(settingsSnippet());
  });

  it("keeps every other setting, event and StopFailure hook, and a backup of the old file", async () => {
    const existing = {
      model: "sonnet",
      permissions: { allow: ["Bash(npm test)"] },
      hooks: {
        PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "./guard.sh" }] }],
        StopFailure: [
          { matcher: "rate_limit", hooks: [{ type: "command", command: "notify-send 'rate limited'" }] },
        ],
      },
    };
    const original = `${JSON.stringify(existing, null, 4)}\n`;
    const file = project("existing", original);
    const result = await writeHookIntoSettingsFile(file, { now: NOW });
    expect(result).toMatchObject({ ok: true, changed: true, backup: `${file}.bak-20261207T023000Z` });
    if (!result.ok || result.backup === null) throw new Error("no backup");
    expect(readFileSync(result.backup, "utf8")).toBe(original);

    const merged = JSON.parse(readFileSync(file, "utf8"));
    expect(merged.model).toBe("sonnet");
    expect(merged.permissions).toEqual(existing.permissions);
    expect(merged.hooks.PreToolUse).toEqual(existing.hooks.PreToolUse);
    expect(merged.hooks.StopFailure[0]).toEqual(existing.hooks.StopFailure[0]);
    expect(ourGroups(merged)).toHaveLength(1);
  });

  it("is idempotent: a second run changes nothing and makes no backup", async () => {
    const file = project("twice", '{"hooks":{}}');
    await writeHookIntoSettingsFile(file, { now: NOW });
    const after = readFileSync(file, "utf8");
    const second = await writeHookIntoSettingsFile(file, { now: new Date(NOW.getTime() + 60_000) });
    expect(second).toEqual({ ok: true, changed: false, file, backup: null });
    expect(readFileSync(file, "utf8")).toBe(after);
    expect(readdirSync(path.dirname(file)).filter((f) => f.includes(".bak-"))).toHaveLength(1);
  });

  it.each([
    ["malformed JSON", '{"hooks": {"StopFailure": [', /is not valid JSON/],
    ["a JSON array", "[]", /not a JSON object/],
    ["hooks that are not an object", '{"hooks": []}', /"hooks" is not an object/],
    ["StopFailure that is not a list", '{"hooks": {"StopFailure": {}}}', /"hooks.StopFailure" is not a list/],
  ])("refuses %s, leaving the file as it was and making no backup", async (name, content, problem) => {
    const file = project(`bad-${name.replace(/\W+/g, "-")}`, content);
    const result = await writeHookIntoSettingsFile(file, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(problem);
      expect(result.problem).toContain("Nothing was changed");
    }
    expect(readFileSync(file, "utf8")).toBe(content);
    expect(existsSync(`${file}.bak-20261207T023000Z`)).toBe(false);
  });
});

describe("mergeHookIntoSettings", () => {
  it("finds the hook in any StopFailure group, matcher or not", () => {
    const settings = {
      hooks: {
        StopFailure: [
          { matcher: "server_error", hooks: [{ type: "command", command: ` ${HOOK_COMMAND} ` }] },
        ],
      },
    };
    expect(mergeHookIntoSettings(settings)).toEqual({ ok: true, changed: false, settings });
  });

  it("registers a command hook with a timeout in seconds and no matcher (every error value)", () => {
    expect(settingsSnippet()).toEqual({
      hooks: { StopFailure: [{ hooks: [{ type: "command", command: HOOK_COMMAND, timeout: 15 }] }] },
    });
  });
});
