import { describe, expect, it } from "vitest";
import { secretsSentence } from "./secrets-summary";

describe("secretsSentence", () => {
  it("counts each distinct value once, credentials first, and asks to rotate", () => {
    expect(
      secretsSentence([
        { kind: "anthropic-api-key", n: 1 },
        { kind: "anthropic-api-key", n: 2 },
        { kind: "jwt", n: 1 },
        { kind: "anthropic-api-key", n: 1 },
      ]),
    ).toBe(
      "2 API keys and 1 token were found: they are never stored or shared; rotate a key you pasted anywhere you do not trust.",
    );
  });

  it("speaks of one secret in the singular", () => {
    expect(secretsSentence([{ kind: "password", n: 1 }])).toBe(
      "1 password was found: it is never stored or shared; rotate it if you pasted it anywhere you do not trust.",
    );
  });

  it("does not ask to rotate personal data", () => {
    expect(
      secretsSentence([
        { kind: "email", n: 1 },
        { kind: "ip-address", n: 1 },
        { kind: "phone", n: 1 },
      ]),
    ).toBe("1 email address, 1 IP address and 1 phone number were found: they are never stored or shared.");
  });

  it("says nothing when there is nothing", () => {
    expect(secretsSentence([])).toBeNull();
  });
});
