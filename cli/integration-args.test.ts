import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args";

describe("hook, setup and mcp arguments", () => {
  it("hook claude-code: status on, OSC 9 notification and the project's folder by default", () => {
    expect(parseCliArgs(["hook", "claude-code"])).toEqual({
      kind: "hook",
      packetDir: null,
      status: true,
      notify: "osc9",
    });
    expect(
      parseCliArgs(["hook", "claude-code", "--no-status", "--notify", "osc777", "--packet-dir", "/tmp/p"]),
    ).toEqual({ kind: "hook", packetDir: "/tmp/p", status: false, notify: "osc777" });
  });

  it("setup claude-code: prints unless --write, the project unless --user", () => {
    expect(parseCliArgs(["setup", "claude-code"])).toEqual({
      kind: "setup",
      write: false,
      user: false,
      project: null,
    });
    expect(parseCliArgs(["setup", "claude-code", "--write", "--user"])).toMatchObject({
      write: true,
      user: true,
    });
    expect(parseCliArgs(["setup", "claude-code", "--project", "app"])).toMatchObject({ project: "app" });
  });

  it("mcp takes no arguments", () => {
    expect(parseCliArgs(["mcp"])).toEqual({ kind: "mcp" });
    expect(parseCliArgs(["mcp", "extra"])).toMatchObject({ kind: "integration-usage-error" });
  });

  it.each([
    [["hook"]],
    [["hook", "cursor"]],
    [["hook", "claude-code", "extra"]],
    [["hook", "claude-code", "--notify", "bell"]],
    [["hook", "claude-code", "--write"]],
    [["setup", "claude-code", "--no-status"]],
    [["setup", "claude-code", "--user", "--project", "x"]],
  ])("refuses %j with its command's usage", (argv) => {
    const result = parseCliArgs(argv);
    expect(result.kind).toBe("integration-usage-error");
    if (result.kind === "integration-usage-error")
      expect(result.usage).toContain(`claude-error-triage ${argv[0]}`);
  });

  it("answers --help for each command", () => {
    for (const command of ["hook", "setup", "mcp"]) {
      expect(parseCliArgs([command, "--help"])).toMatchObject({ kind: "integration-help" });
    }
  });
});
