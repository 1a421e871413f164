import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { candidateWindows, PREFILTER_MIN, windowView } from "./prefilter";
import { CORPUS_2_DIR, CORPUS_DIR, loadCorpus } from "./score";

const development = [
  ...loadCorpus(CORPUS_DIR),
  ...loadCorpus(CORPUS_2_DIR, { blindSlice: true, blind: "skip" }),
];

/** A service log of about `bytes` with the paste in the middle of it and healthy traffic around. */
function logAround(paste: string, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  let i = 0;
  let placed = false;
  while (size < bytes) {
    if (!placed && size >= bytes / 2) {
      lines.push(`2026-11-21T09:30:00.000Z ERROR [worker-3] upstream call failed\n${paste}`);
      placed = true;
    }
    const line = `2026-11-21T09:${String(i % 60).padStart(2, "0")}:00.000Z INFO  [worker-${i % 8}] trace=${(i * 7919).toString(16)} GET /api/orders/${i} status=200 duration_ms=${(i * 37) % 500}`;
    lines.push(line);
    size += line.length + 1;
    i++;
  }
  return lines.join("\n");
}

const facts = (text: string, prefilter = true) => {
  const d = classify(text, { prefilter });
  return {
    branch: d.branch,
    status: d.evidence.status,
    errorType: d.evidence.errorType,
    requestId: d.evidence.requestIds[0] ?? null,
  };
};

describe("the literal prefilter", () => {
  it("reads every development paste inside a 256 KiB service log as it reads the paste alone", () => {
    const changed = development
      .filter((c) => JSON.stringify(facts(logAround(c.text, 256 * 1024))) !== JSON.stringify(facts(c.text)))
      .map((c) => c.id);
    expect(changed).toEqual([]);
  });

  it("gives the same answer as reading the whole log", () => {
    const sample = development.filter((_c, i) => i % 10 === 0);
    for (const c of sample) {
      const log = logAround(c.text, 128 * 1024);
      expect(facts(log)).toEqual(facts(log, false));
    }
  });

  it("keeps a small fraction of a healthy log and leaves small pastes alone", () => {
    const log = logAround('API Error: 529 {"type":"error","error":{"type":"overloaded_error"}}', 512 * 1024);
    const kept = candidateWindows(log).reduce((sum, w) => sum + w.end - w.start, 0);
    expect(kept).toBeLessThan(log.length / 50);
    expect(PREFILTER_MIN).toBeGreaterThan(Math.max(...development.map((c) => c.text.length)));
  });

  it("maps view offsets back to the paste", () => {
    const text = "aaaa\nbbbb\ncccc\ndddd";
    const view = windowView(text, [
      { start: 0, end: 5 },
      { start: 10, end: 15 },
    ]);
    expect(view.text).toBe("aaaa\ncccc\n");
    expect(view.origin(5)).toBe(10);
    expect(text.slice(view.origin(5), view.originEnd(9))).toBe("cccc");
    expect(view.toView(12)).toBe(7);
  });

  it("marks signals at the right place in a large paste", () => {
    const log = logAround('API Error: 529 {"type":"error","error":{"type":"overloaded_error"}}', 256 * 1024);
    const d = classify(log);
    const signal = d.signals.find((s) => s.id === "type.overloaded_error");
    expect(signal && log.slice(signal.start, signal.end)).toContain("overloaded_error");
  });

  const overload = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CZAau32QzxDkriovTaFCB"}`;

  it("finds the last error of a megabyte with an anchor word on every line (the tail read from the end)", () => {
    const text = `${"worker: rate limit exceeded for tenant 7, backing off\n".repeat(20_000)}\n\n${overload}`;
    expect(facts(text)).toEqual({
      branch: "overloaded",
      status: 529,
      errorType: "overloaded_error",
      requestId: "req_011CZAau32QzxDkriovTaFCB",
    });
  });

  it("still finds an error far from the end when the last 64 KiB hold too few candidates", () => {
    const quiet = (n: number) =>
      Array.from({ length: n }, (_, i) => `2026-11-21T09:00:00.000Z INFO  [w] GET /api/orders/${i} ok`).join(
        "\n",
      );
    const text = `${quiet(6000)}\nstartup: claude client ready\n${"x".repeat(9000)}\n${quiet(2000)}\n${overload}\n${quiet(9000)}`;
    expect(text.length).toBeGreaterThan(PREFILTER_MIN);
    expect(text.length - text.indexOf(overload)).toBeGreaterThan(64 * 1024);
    expect(facts(text)).toEqual(facts(text, false));
    expect(facts(text).branch).toBe("overloaded");
  });
});
