import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCENARIOS, transcriptFor } from "./testing/scenarios";
import { lastApiError, readTranscriptTail, TRANSCRIPT_TAIL_BYTES } from "./transcript";

const dir = mkdtempSync(path.join(tmpdir(), "cet-transcript-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rateLimit = SCENARIOS.find((s) => s.error === "rate_limit")!;

describe("readTranscriptTail", () => {
  it("reads a 50 MB transcript's last 256 KiB only, starting at a whole record", async () => {
    const file = path.join(dir, "long.jsonl");
    const filler = transcriptFor(rateLimit, { fillerTurns: 40 }).split("\n").slice(0, 2).join("\n");
    const fd = openSync(file, "w");
    let written = 0;
    const block = `${`${filler}\n`.repeat(200)}`;
    while (written < 50 * 1024 * 1024) written += writeSync(fd, block);
    const ending = transcriptFor(rateLimit);
    written += writeSync(fd, ending);
    closeSync(fd);

    const result = await readTranscriptTail(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tail.fileBytes).toBe(written);
    expect(result.tail.fileBytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(result.tail.bytesRead).toBe(TRANSCRIPT_TAIL_BYTES);
    expect(result.tail.text.length).toBeLessThanOrEqual(TRANSCRIPT_TAIL_BYTES);
    expect(result.tail.text.startsWith("{")).toBe(true);
    const found = lastApiError(result.tail.text);
    expect(found?.requestId).toBe(rateLimit.requestId);
    expect(found?.status).toBe(429);
  });

  it("reads a short transcript whole", async () => {
    const file = path.join(dir, "short.jsonl");
    const text = transcriptFor(rateLimit);
    writeFileSync(file, text);
    const result = await readTranscriptTail(file);
    expect(result).toMatchObject({ ok: true, tail: { text, bytesRead: Buffer.byteLength(text) } });
  });

  it.each([
    ["a missing file", () => path.join(dir, "missing.jsonl"), "the transcript does not exist"],
    ["a directory", () => dir, "directory"],
  ])("says why %s cannot be read", async (_name, pathOf, reason) => {
    const result = await readTranscriptTail(pathOf());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe("lastApiError", () => {
  it("takes the final assistant error record, with the request id and attempts of its retries", () => {
    const found = lastApiError(transcriptFor(rateLimit));
    expect(found).toMatchObject({
      text: rateLimit.rendered,
      requestId: rateLimit.requestId,
      status: 429,
      error: "rate_limit",
      retryAttempt: 3,
      maxRetries: 10,
    });
    expect(found?.retryText).toContain("rate_limit_error");
  });

  it("does not borrow a request id from a successful reply of an earlier turn", () => {
    const scenario = SCENARIOS.find((s) => s.error === "max_output_tokens")!;
    const found = lastApiError(transcriptFor(scenario));
    expect(found?.text).toBe(scenario.rendered);
    expect(found?.requestId).toBeNull();
  });

  it("falls back to the last retry record when the final error is not written yet", () => {
    const lines = transcriptFor(rateLimit).trimEnd().split("\n");
    const found = lastApiError(lines.slice(0, -1).join("\n"));
    expect(found).toMatchObject({ requestId: rateLimit.requestId, status: 429, retryAttempt: 3 });
  });

  it("skips torn and foreign lines and answers null without an error", () => {
    const clean = transcriptFor(rateLimit).split("\n").slice(0, 4).join("\n");
    expect(lastApiError(`${clean}\n{"type":"assist\nnot json\n[1,2]\n`)).toBeNull();
    expect(lastApiError("")).toBeNull();
  });
});
