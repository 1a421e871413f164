import { redact } from "../../redact";
import { diagnoseOffline } from "../../report";
import { newPermalink, type NewPermalink } from "../new-permalink";

// Test-only records. The diagnosis is the real report (classifier and retry plan) on the redacted text, the same
// order the app follows (redact, then diagnose what is stored), so records carry real signals.

/** A fake Anthropic key that the redactor must remove; it must appear in no stored byte. */
export const PLANTED_KEY = `sk-ant-api03-${"Zx9_Qw-8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm".repeat(3).slice(0, 93)}AA`;

export const PASTE = [
  `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${PLANTED_KEY}"`,
  "HTTP/1.1 529",
  "request-id: req_011CPn8q9cC1sEuYH5kQdXQm",
  '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
].join("\n");

export const T0 = new Date("2026-11-21T12:00:00.000Z");
export const HOUR = 60 * 60 * 1000;

/** A fresh record (random id and token) made at `now` from PASTE, living `ttlMs`. */
export function makePermalink({ now = T0, ttlMs = 24 * HOUR, paste = PASTE } = {}): NewPermalink {
  const redactedText = redact(paste).text;
  const diagnosis = diagnoseOffline(redactedText, { now, random: () => 0.5 });
  return newPermalink({ redactedText, diagnosis, ttlMs }, { now });
}
