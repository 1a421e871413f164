import { describe, expect, it } from "vitest";
import { parseStopFailureInput, STOP_FAILURE_ERRORS } from "./payload";

describe("parseStopFailureInput", () => {
  it("reads the documented fields", () => {
    const input = parseStopFailureInput(
      JSON.stringify({
        session_id: "abc123",
        transcript_path: "/Users/me/.claude/projects/x/00893aaf.jsonl",
        cwd: "/Users/me/app",
        hook_event_name: "StopFailure",
        error: "rate_limit",
        error_details: "429 Too Many Requests",
        last_assistant_message: "API Error: Rate limit reached",
      }),
    );
    expect(input).toEqual({
      event: "StopFailure",
      sessionId: "abc123",
      transcriptPath: "/Users/me/.claude/projects/x/00893aaf.jsonl",
      cwd: "/Users/me/app",
      error: "rate_limit",
      knownError: "rate_limit",
      errorDetails: "429 Too Many Requests",
      lastAssistantMessage: "API Error: Rate limit reached",
      problem: null,
    });
  });

  it.each(STOP_FAILURE_ERRORS)("knows the error value %s", (error) => {
    expect(parseStopFailureInput(JSON.stringify({ error })).knownError).toBe(error);
  });

  it("keeps an error value it does not know and treats it as unknown", () => {
    expect(parseStopFailureInput('{"error":"new_kind"}')).toMatchObject({
      error: "new_kind",
      knownError: "unknown",
    });
  });

  it("keeps structured error details as JSON and drops fields of the wrong type", () => {
    const input = parseStopFailureInput(
      JSON.stringify({ error_details: { status: 529 }, transcript_path: 42, cwd: ["x"], session_id: null }),
    );
    expect(input.errorDetails).toBe('{"status":529}');
    expect(input).toMatchObject({ transcriptPath: null, cwd: null, sessionId: null, problem: null });
  });

  it("refuses a path holding a NUL byte", () => {
    expect(
      parseStopFailureInput(JSON.stringify({ transcript_path: "/tmp/a\u0000b" })).transcriptPath,
    ).toBeNull();
  });

  it.each([
    ["", "the hook received no input"],
    ["{", "the hook input is not JSON"],
    ["null", "the hook input is not a JSON object"],
    ['"text"', "the hook input is not a JSON object"],
  ])("says what is wrong with %j", (raw, problem) => {
    expect(parseStopFailureInput(raw)).toMatchObject({ problem, knownError: "unknown", error: null });
  });
});
