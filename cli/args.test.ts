import { describe, expect, it } from "vitest";
import { parseCliArgs, STDIN_NAME } from "./args";

describe("parseCliArgs", () => {
  it("reads standard input when no file is given", () => {
    expect(parseCliArgs([])).toEqual({
      kind: "run",
      json: false,
      background: false,
      sideEffects: false,
      status: false,
      files: [STDIN_NAME],
    });
  });

  it("keeps files in the order given, with - standing for standard input", () => {
    expect(parseCliArgs(["a.log", "-", "b.txt"])).toEqual({
      kind: "run",
      json: false,
      background: false,
      sideEffects: false,
      status: false,
      files: ["a.log", "-", "b.txt"],
    });
  });

  it("turns on JSON Lines with --json wherever it stands", () => {
    expect(parseCliArgs(["a.log", "--json"])).toEqual({
      kind: "run",
      json: true,
      background: false,
      sideEffects: false,
      status: false,
      files: ["a.log"],
    });
    expect(parseCliArgs(["--json"])).toEqual({
      kind: "run",
      json: true,
      background: false,
      sideEffects: false,
      status: false,
      files: [STDIN_NAME],
    });
  });

  it("reads the status page only with --status", () => {
    expect(parseCliArgs(["--status", "a.log"])).toMatchObject({
      kind: "run",
      status: true,
      files: ["a.log"],
    });
    expect(parseCliArgs(["a.log"])).toMatchObject({ kind: "run", status: false });
  });

  it("asks for the version with --version or -V", () => {
    expect(parseCliArgs(["--version"])).toEqual({ kind: "version" });
    expect(parseCliArgs(["-V"])).toEqual({ kind: "version" });
  });

  it("asks for help with --help or -h", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["a.log", "-h"])).toEqual({ kind: "help" });
  });

  it("treats everything after -- as a file name", () => {
    expect(parseCliArgs(["--background", "--side-effects", "x.log"])).toMatchObject({
      background: true,
      sideEffects: true,
      files: ["x.log"],
    });
    expect(parseCliArgs(["--", "--json"])).toEqual({
      kind: "run",
      json: false,
      background: false,
      sideEffects: false,
      status: false,
      files: ["--json"],
    });
  });

  describe("usage errors", () => {
    it.each([[["--bogus"]], [["-x"]], [["--json=yes"]], [["--bogus", "--help"]]])("refuses %j", (argv) => {
      const result = parseCliArgs(argv);
      expect(result.kind).toBe("usage-error");
    });

    it("names the unknown flag", () => {
      const result = parseCliArgs(["--colour"]);
      expect(result).toMatchObject({ kind: "usage-error", message: expect.stringContaining("--colour") });
    });

    it("refuses reading standard input twice", () => {
      expect(parseCliArgs(["-", "a.log", "-"])).toMatchObject({ kind: "usage-error" });
    });

    it("refuses an empty file name", () => {
      expect(parseCliArgs([""])).toMatchObject({ kind: "usage-error" });
    });
  });
});
