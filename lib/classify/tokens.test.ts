import { describe, expect, it } from "vitest";
import type { BranchId } from "../diagnosis";
import { classify } from "./classify";
import { PERTURBATIONS } from "./perturb";
import { stem, tokenize, TOKEN_FAMILIES } from "./tokens";

describe("normalised tokens", () => {
  it("split camelCase, acronyms and SCREAMING_SNAKE, lower-cased, with plurals stemmed", () => {
    expect(tokenize("AccessDeniedException").map((t) => t.text)).toEqual(["access", "denied", "exception"]);
    expect(tokenize("RESOURCE_EXHAUSTED").map((t) => t.text)).toEqual(["resource", "exhausted"]);
    expect(tokenize("HTTPRequestTimeout").map((t) => t.text)).toEqual(["http", "request", "timeout"]);
    expect(tokenize("models were not found").map((t) => t.text)).toEqual(["model", "were", "notfound"]);
    expect([stem("credits"), stem("quotas"), stem("entities"), stem("access"), stem("status")]).toEqual([
      "credit",
      "quota",
      "entity",
      "access",
      "status",
    ]);
  });

  it("keep offsets into the text, and count the parts of one word (joined by - _ .) as one word", () => {
    const text = "x model claude-3-5-sonnet does not exist";
    const tokens = tokenize(text, 100);
    const model = tokens.find((t) => t.text === "model")!;
    expect(text.slice(model.start - 100, model.end - 100)).toBe("model");
    expect(
      new Set(tokens.filter((t) => /^(?:claude|3|5|sonnet)$/.test(t.text)).map((t) => t.word)).size,
    ).toBe(1);
    expect(tokens.at(-1)?.text).toBe("nonexistent");
  });

  it("skip URLs and paths (a docs link names a page, not what happened)", () => {
    expect(tokenize("see https://docs.anthropic.com/en/api/rate-limits").map((t) => t.text)).toEqual(["see"]);
  });
});

// Each family with phrasings written as words, as a class or exception name, as a code, in the plural.
const PHRASINGS: Record<string, { branch: BranchId; texts: string[] }> = {
  rate_limited: {
    branch: "rate_limit",
    texts: [
      '{"error":{"code":"RATE_LIMIT_EXCEEDED","message":"slow down"}} from the claude relay',
      "Upstream says: you are being rate limited, try again in 20s",
      "RateLimitExceeded: calls to claude-sonnet-4 over budget",
    ],
  },
  quota_exceeded: {
    branch: "rate_limit",
    texts: [
      "QuotaExceeded: requests per minute for claude-3-5-haiku on this project",
      '{"code":"QUOTA_EXCEEDED"} while calling claude on the shared deployment',
      "The daily quotas were exhausted for the Claude deployment",
    ],
  },
  access_denied: {
    branch: "permission",
    texts: [
      "ACCESS_DENIED: caller lacks bedrock:InvokeModel on claude-sonnet-4",
      "PermissionDenied: the service account cannot call anthropic models",
      "gateway: access was denied for team ml-research on claude-opus-4",
    ],
  },
  model_not_found: {
    branch: "not_found",
    texts: [
      "ModelNotFound: claude-3-opus-2024 is not served here",
      '{"error":{"code":"MODEL_NOT_FOUND","message":"claude-sonet-4"}}',
      "The requested models were not found on this deployment",
    ],
  },
  context_exceeded: {
    branch: "context_window",
    texts: [
      "ContextWindowExceededError: claude-sonnet-4 input too long for the session",
      '{"error":{"code":"CONTEXT_LENGTH_EXCEEDED"}} on claude-3-haiku',
      "the conversation's context was exceeded by 4k tokens",
    ],
  },
  payload_too_large: {
    branch: "request_too_large",
    texts: [
      "PayloadTooLarge: upload to the claude proxy rejected",
      '{"code":"PAYLOAD_TOO_LARGE"} from the gateway in front of claude',
      "request entity is too large for this endpoint",
    ],
  },
  credits_insufficient: {
    branch: "billing",
    texts: [
      "INSUFFICIENT_BALANCE: top up your wallet to keep using claude",
      "InsufficientCreditsError: 0 left on the claude reseller account",
      "Your prepaid credits are depleted.",
    ],
  },
  api_key_invalid: {
    branch: "authentication",
    texts: [
      '{"error":{"code":"INVALID_API_KEY"}} from the claude gateway',
      "InvalidApiKey: the key sent to claude-proxy was rejected",
      "Your API keys are invalid or expired",
    ],
  },
  connection_refused: {
    branch: "connection",
    texts: [
      "ConnectionRefusedError: [Errno 111] while opening the claude stream",
      "CONNECTION_RESET by upstream while streaming claude-sonnet-4",
      "connection aborted while reading the stream",
    ],
  },
};

describe("concept families over normalised tokens", () => {
  it("every family has three phrasings here", () => {
    for (const f of TOKEN_FAMILIES) expect(PHRASINGS[f.id]?.texts.length ?? 0).toBeGreaterThanOrEqual(3);
  });
  describe.each(Object.entries(PHRASINGS))("%s", (id, { branch, texts }) => {
    it.each(texts)(`reads %s as ${branch}`, (text) => {
      const d = classify(text);
      expect(d.branch).toBe(branch);
      expect(d.signals.map((s) => s.id)).toContain(`tok.${id}`);
    });
  });

  it("read one identifier (a code or type name) at type strength, so words in a sentence beside it decide", () => {
    // Both are token evidence of equal weight: the sentence wins because it is a message, not by position.
    const d = classify(
      '{"error":{"message":"The requested models were not found on this deployment","code":"RATE_LIMIT_EXCEEDED"}}',
    );
    expect(d.branch).toBe("not_found");
    const alone = classify('{"error":{"code":"RATE_LIMIT_EXCEEDED"}} from the claude relay');
    expect(alone.branch).toBe("rate_limit");
  });

  it.each(PERTURBATIONS.map((p) => [p.name, p] as const))("keep their branch %s", (_name, p) => {
    const all = Object.values(PHRASINGS).flatMap(({ branch, texts }) =>
      texts.map((t) => [t, branch] as const),
    );
    const changed = all.filter(([text, branch]) => classify(p.apply(text)).branch !== branch).map(([t]) => t);
    expect(changed).toEqual([]);
  });

  it("do not read a type or class name as a message where the family says so", () => {
    const ids = classify("anthropic.RateLimitError: rate_limit_error").signals.map((s) => s.id);
    expect(ids).not.toContain("tok.rate_limited");
  });

  it.each([
    ["a local file-system refusal", "mkdir: cannot create directory '/home/me/.claude': Permission denied"],
    ["an SSH refusal", "git@github.com: Permission denied (publickey)."],
    ["a rate-limit docs link", "Overloaded, see https://docs.claude.com/en/api/rate-limits"],
  ])("stay silent on %s", (_name, text) => {
    expect(
      classify(text)
        .signals.map((s) => s.id)
        .filter((id) => id.startsWith("tok.")),
    ).toEqual([]);
  });
});
