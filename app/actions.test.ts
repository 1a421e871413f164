import { describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "@/lib/input";
import type { DiagnoseResult } from "@/components/diagnose-action-types";
import { diagnoseAction } from "./actions";

const IDLE: DiagnoseResult = { status: "idle" };

function form(text: string | Blob): FormData {
  const data = new FormData();
  data.set("text", text);
  return data;
}

describe("diagnoseAction", () => {
  it("diagnoses a pasted error", async () => {
    const result = await diagnoseAction(
      IDLE,
      form('API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'),
    );
    expect(result.status).toBe("ok");
    if (result.status === "ok") expect(result.diagnosis.branch).toBe("overloaded");
  });

  it("refuses an empty paste with a field error and without echoing it", async () => {
    const result = await diagnoseAction(IDLE, form("  \n "));
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { text: [expect.stringContaining("empty")] },
    });
  });

  it("refuses a paste over the limit, counted in UTF-8 bytes", async () => {
    const result = await diagnoseAction(IDLE, form("é".repeat(MAX_INPUT_BYTES / 2 + 1)));
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("limit") });
  });

  it("refuses a missing field or a file instead of text", async () => {
    expect(await diagnoseAction(IDLE, new FormData())).toMatchObject({
      status: "error",
      fieldErrors: { text: [expect.any(String)] },
    });
    expect(await diagnoseAction(IDLE, form(new Blob(["API Error: 529"])))).toMatchObject({ status: "error" });
  });

  it("undoes the CRLF that form encoding adds, so offsets match the textarea's text", async () => {
    const lines = [
      "INFO start",
      "INFO retrying",
      'API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
    ];
    const asTyped = lines.join("\n");
    const result = await diagnoseAction(IDLE, form(lines.join("\r\n")));
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.diagnosis.signals.length).toBeGreaterThan(0);
    for (const signal of result.diagnosis.signals) expect(signal.end).toBeLessThanOrEqual(asTyped.length);
    expect(result.diagnosis.signals.map((s) => asTyped.slice(s.start, s.end)).join(" ")).toMatch(
      /401|authentication_error|invalid x-api-key/,
    );
  });

  it("accepts a multi-line paste exactly at the limit even though CRLF encoding made it longer", async () => {
    const tail = "\nAPI Error: Unable to connect to API (ECONNRESET)";
    const text = `a\nb${"x".repeat(MAX_INPUT_BYTES - tail.length - 3)}${tail}`;
    expect(Buffer.byteLength(text)).toBe(MAX_INPUT_BYTES);
    const result = await diagnoseAction(IDLE, form(text.replaceAll("\n", "\r\n")));
    expect(result.status).toBe("ok");
  });
});
