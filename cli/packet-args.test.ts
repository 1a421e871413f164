import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args";
import { PACKET_USAGE, REDACT_USAGE } from "./packet-args";

describe("parseCliArgs with a subcommand", () => {
  it("reads standard input for redact and packet when no file is given", () => {
    expect(parseCliArgs(["redact"])).toEqual({
      kind: "redact",
      json: false,
      hidePrompt: false,
      files: ["-"],
    });
    expect(parseCliArgs(["packet"])).toEqual({
      kind: "packet",
      format: "md",
      impact: null,
      checklist: {},
      hidePrompt: false,
      files: ["-"],
    });
  });

  it("takes redact's flags anywhere after the word", () => {
    expect(parseCliArgs(["redact", "a.log", "--json", "--hide-prompt", "b.log"])).toEqual({
      kind: "redact",
      json: true,
      hidePrompt: true,
      files: ["a.log", "b.log"],
    });
  });

  it("takes the packet's format, impact and ruled-out list", () => {
    expect(
      parseCliArgs([
        "packet",
        "--format",
        "json",
        "--impact",
        "checkout down",
        "--ruled-out",
        "status, network,other-model",
        "x.log",
      ]),
    ).toEqual({
      kind: "packet",
      format: "json",
      impact: "checkout down",
      checklist: { statusChecked: true, networkChecked: true, otherModelTried: true },
      hidePrompt: false,
      files: ["x.log"],
    });
  });

  it("shows the subcommand's own help", () => {
    expect(parseCliArgs(["redact", "-h"])).toEqual({ kind: "subcommand-help", usage: REDACT_USAGE });
    expect(parseCliArgs(["packet", "--help"])).toEqual({ kind: "subcommand-help", usage: PACKET_USAGE });
  });

  it.each([
    [["packet", "--format", "html"], "--format must be md or json"],
    [["packet", "--ruled-out", "status,rebooted"], 'got "rebooted"'],
    [["redact", "--format", "md"], "--format"],
    [["packet", "--json"], "--json"],
    [["redact", "-", "-"], "only once"],
  ])("refuses %j with a usage error naming the problem", (argv, words) => {
    const args = parseCliArgs(argv);
    expect(args.kind).toBe("subcommand-usage-error");
    expect(args.kind === "subcommand-usage-error" && args.message).toContain(words);
  });

  it("leaves the default command alone when the word is not first", () => {
    expect(parseCliArgs(["x.log", "redact"])).toMatchObject({ kind: "run", files: ["x.log", "redact"] });
    expect(parseCliArgs(["./redact"])).toMatchObject({ kind: "run", files: ["./redact"] });
  });
});
