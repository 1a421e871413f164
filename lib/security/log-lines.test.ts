import { describe, expect, it } from "vitest";
import { errorLine, installOneLineLog, oneLine } from "./log-lines";

const PLANTED_KEY = `sk-ant-api03-${"Zx9_Qw-8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm".repeat(3).slice(0, 93)}AA`;

describe("one log line per event", () => {
  it("prints an Error as its name, code and first message line, without a stack trace", () => {
    const error = Object.assign(new Error("disk I/O error\nsecond line"), { code: "SQLITE_IOERR" });
    expect(errorLine(error)).toBe("Error [SQLITE_IOERR]: disk I/O error");
    expect(oneLine(["⨯", error])).toBe("⨯ Error [SQLITE_IOERR]: disk I/O error");
    expect(oneLine(["⨯", error])).not.toMatch(/\bat\b/);
  });

  it("reduces an abandoned request to one short line", () => {
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(oneLine(["⨯", aborted])).toBe(
      "⨯ [http] a client closed its connection before its request arrived",
    );
  });

  it("redacts a secret that a message quotes and cuts a long message short", () => {
    const line = errorLine(new SyntaxError(`Unexpected token in "${PLANTED_KEY}${"x".repeat(1000)}"`));
    expect(line).not.toContain(PLANTED_KEY.slice(13, 40));
    expect(line).toContain("[REDACTED:");
    expect(line.length).toBeLessThan(300);
  });

  it("patches error and warn so that each call writes one line", () => {
    const lines: string[] = [];
    const target = {
      error: (...args: unknown[]) => lines.push(args.join(" ")),
      warn: (...args: unknown[]) => lines.push(args.join(" ")),
    };
    installOneLineLog(target);
    target.error("⨯", Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    target.warn("multi\nline", { a: 1 });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain("\n");
  });
});
