import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { diagnosisReportSchema } from "@/lib/report";
import {
  decodeDiagnoseAnswer,
  type DiagnoseAction,
  type DiagnoseResult,
} from "@/components/paste/diagnose-action-types";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// The action reads the status page through the server singleton: point it at the in-process mock.
let server: MockStatusServer;
let diagnoseAction: DiagnoseAction;
beforeAll(async () => {
  server = await startMockStatusServer({ scenario: "major-outage", port: 0 });
  process.env.STATUS_PAGE_URL = server.url;
  ({ diagnoseAction } = await import("./actions"));
});
afterAll(async () => {
  await server.close();
});

const IDLE: DiagnoseResult = { status: "idle" };

/** The action's answer as the page reads it. */
async function diagnose(previous: DiagnoseResult, data: FormData): Promise<DiagnoseResult> {
  return decodeDiagnoseAnswer(await diagnoseAction(previous, data));
}

function form(text: string | Blob): FormData {
  const data = new FormData();
  data.set("text", text);
  return data;
}

describe("diagnoseAction", () => {
  it("diagnoses a pasted error", async () => {
    const result = await diagnose(
      IDLE,
      form('API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'),
    );
    expect(result.status).toBe("ok");
    if (result.status === "ok") {
      expect(result.diagnosis.branch).toBe("overloaded");
      expect(result.diagnosis.retry.retryable).toBe(true);
      expect(result.diagnosis.statusContext).toMatchObject({ source: "live", indicator: "major" });
    }
  });

  it("sends the page only what it renders: no component list, no runners-up, the rest of the report", async () => {
    const text = 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';
    const result = await diagnose(IDLE, form(text));
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const { diagnosis } = result;
    // The mock page's reading lists its components; the page's status line does not show them.
    expect(diagnosis.statusContext?.components).toEqual([]);
    expect(diagnosis.statusContext?.indicator).toBe("major");
    expect(diagnosis.statusContext?.activeIncidents.length).toBeGreaterThan(0);
    expect("alternatives" in diagnosis).toBe(false);
    // What the result page renders is all there and still a valid report.
    expect(diagnosisReportSchema.safeParse(diagnosis).success).toBe(true);
    for (const key of ["verdict", "card", "evidence", "signals", "occurrences", "retry", "retryContext"])
      expect(diagnosis).toHaveProperty(key);
  });

  it("takes the time of the error and the retry context from the form", async () => {
    const data = form(
      'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    );
    data.set("occurredAt", "2026-11-21T10:15:00+01:00");
    data.set("mode", "background");
    data.set("sideEffects", "on");
    const result = await diagnose(IDLE, data);
    expect(result.status).toBe("ok");
    if (result.status === "ok") {
      expect(result.diagnosis.evidence.occurredAt).toBe("2026-11-21T09:15:00.000Z");
      expect(result.diagnosis.retryContext).toEqual({ mode: "background", sideEffects: true });
    }
  });

  it("refuses a time of the error in the future", async () => {
    const data = form("API Error: 529 Overloaded");
    data.set("occurredAt", new Date(Date.now() + 3_600_000).toISOString());
    expect(await diagnose(IDLE, data)).toMatchObject({
      status: "error",
      fieldErrors: { occurredAt: [expect.stringMatching(/future/)] },
    });
  });

  it("says where the paste holds secrets, by offset and kind, and never sends one back", async () => {
    const key = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;
    const text = `curl -H "x-api-key: ${key}" https://api.anthropic.com/v1/messages\n{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`;
    const result = await diagnose(IDLE, form(text));
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.secrets).toEqual([
      expect.objectContaining({
        kind: "anthropic-api-key",
        start: text.indexOf(key),
        end: text.indexOf(key) + key.length,
      }),
    ]);
    expect(JSON.stringify(result)).not.toContain(key.slice(13, 40));
  });

  it("refuses a time of the error that is not a date and time", async () => {
    const data = form("API Error: 529 Overloaded");
    data.set("occurredAt", "yesterday");
    expect(await diagnose(IDLE, data)).toMatchObject({
      status: "error",
      fieldErrors: { occurredAt: [expect.any(String)] },
    });
  });

  it("refuses an empty paste with a field error and without echoing it", async () => {
    const result = await diagnose(IDLE, form("  \n "));
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { text: [expect.stringContaining("empty")] },
    });
  });

  it("refuses a paste over the limit, counted in UTF-8 bytes", async () => {
    const result = await diagnose(IDLE, form("é".repeat(MAX_INPUT_BYTES / 2 + 1)));
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("limit") });
  });

  it("refuses a missing field or a file instead of text", async () => {
    expect(await diagnose(IDLE, new FormData())).toMatchObject({
      status: "error",
      fieldErrors: { text: [expect.any(String)] },
    });
    expect(await diagnose(IDLE, form(new Blob(["API Error: 529"])))).toMatchObject({ status: "error" });
  });

  it("undoes the CRLF that form encoding adds, so offsets match the textarea's text", async () => {
    const lines = [
      "INFO start",
      "INFO retrying",
      'API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
    ];
    const asTyped = lines.join("\n");
    const result = await diagnose(IDLE, form(lines.join("\r\n")));
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
    const result = await diagnose(IDLE, form(text.replaceAll("\n", "\r\n")));
    expect(result.status).toBe("ok");
  });

  it("answers one JSON string, the same result as the form reads it", async () => {
    const answer = await diagnoseAction(IDLE, form("API Error: 529 Overloaded"));
    expect(typeof answer).toBe("string");
    const result = decodeDiagnoseAnswer(answer);
    expect(result.status).toBe("ok");
    expect(JSON.stringify(result)).toBe(answer);
  });
});
