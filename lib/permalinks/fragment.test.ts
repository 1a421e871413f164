import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { redact } from "../redact";
import { diagnoseOffline } from "../report";
import { PASTE, PLANTED_KEY, T0 } from "../store/testing/fixtures";
import { decodePrivateDiagnosis, encodePrivateDiagnosis, MAX_PRIVATE_JSON_BYTES } from "./fragment";

const text = redact(PASTE).text;
const report = diagnoseOffline(text, { now: T0, random: () => 0.5 });

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const packed = (value: unknown) => base64url(deflateSync(strToU8(JSON.stringify(value))));

describe("private link data", () => {
  it("round-trips the redacted text and its report through URL-safe characters", () => {
    const data = encodePrivateDiagnosis(text, report);
    expect(data).toMatch(/^[\w-]+$/);
    expect(decodePrivateDiagnosis(data)).toEqual({ ok: true, value: { v: 1, text, report } });
    expect(decodePrivateDiagnosis(`#${data}`)).toEqual({ ok: true, value: { v: 1, text, report } });
  });

  it("is the same encoding as Node's base64url of the DEFLATE stream, so any client can read it", () => {
    const data = encodePrivateDiagnosis(text, report);
    const json = JSON.stringify({ v: 1, text, report });
    expect(Buffer.from(data, "base64url").length).toBeLessThan(json.length);
    expect(decodePrivateDiagnosis(packed({ v: 1, text, report }))).toMatchObject({ ok: true });
  });

  it("carries no secret: it is made from the redacted text", () => {
    const data = encodePrivateDiagnosis(text, report);
    const decoded = decodePrivateDiagnosis(data);
    expect(JSON.stringify(decoded)).not.toContain(PLANTED_KEY.slice(13, 40));
  });

  it("survives text outside Latin-1", () => {
    const unusual = `${text}\nüñí €  ${"\u{1F600}"}`;
    const data = encodePrivateDiagnosis(unusual, report);
    expect(decodePrivateDiagnosis(data)).toMatchObject({ ok: true, value: { text: unusual } });
  });

  it("refuses empty, corrupt, mistyped and out-of-range data without throwing", () => {
    expect(decodePrivateDiagnosis("")).toEqual({ ok: false, reason: "empty" });
    expect(decodePrivateDiagnosis("#")).toEqual({ ok: false, reason: "empty" });
    expect(decodePrivateDiagnosis("not base64!")).toEqual({ ok: false, reason: "corrupt" });
    expect(decodePrivateDiagnosis("AAAA")).toEqual({ ok: false, reason: "corrupt" });
    expect(decodePrivateDiagnosis(base64url(deflateSync(strToU8("{not json"))))).toEqual({
      ok: false,
      reason: "corrupt",
    });
    expect(decodePrivateDiagnosis(packed({ v: 2, text, report }))).toEqual({ ok: false, reason: "invalid" });
    expect(decodePrivateDiagnosis(packed({ v: 1, text, report: { ...report, branch: "nope" } }))).toEqual({
      ok: false,
      reason: "invalid",
    });
    const outside = { ...report, signals: [{ id: "x", label: "x", start: 0, end: text.length + 1 }] };
    expect(decodePrivateDiagnosis(packed({ v: 1, text, report: outside }))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("gives up on a decompression bomb instead of inflating it whole", () => {
    const bomb = base64url(deflateSync(new Uint8Array(16 * MAX_PRIVATE_JSON_BYTES), { level: 9 }));
    expect(decodePrivateDiagnosis(bomb)).toEqual({ ok: false, reason: "too_large" });
    // 64 times the cap would need 256 MiB of JSON if it were inflated whole; it is refused the same way.
    const huge = base64url(deflateSync(new Uint8Array(64 * MAX_PRIVATE_JSON_BYTES), { level: 9 }));
    expect(decodePrivateDiagnosis(huge)).toEqual({ ok: false, reason: "too_large" });
  });
});
