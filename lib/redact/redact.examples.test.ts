import { describe, expect, it } from "vitest";
import { redact } from "./redact";

const KEY = `sk-ant-api03-${"Zx9_Qw-8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm".repeat(3).slice(0, 93)}AA`;
const KEY_CORE = KEY.slice(40, 60);
const OAT = `sk-ant-oat01-${"Pq7Rs8Tu9Vw0Xy1Za2Bc3De4Fg5Hi6Jk".repeat(3).slice(0, 95)}`;
const REQ = "req_011CSHoEeqs5C35K2UUqR7Fy";

function out(text: string, hidePrompt = false): string {
  return redact(text, { hidePrompt }).text;
}

describe("encodings (redaction.md §4)", () => {
  const cases: Array<[string, string]> = [
    ["bare", `key ${KEY} end`],
    ["double-quoted", `"${KEY}"`],
    ["JSON-escaped quotes", `"{\\"x-api-key\\": \\"${KEY}\\"}"`],
    ["HTML-escaped quotes", `&quot;${KEY}&quot;`],
    ["after %3D", `url?next=token%3D${KEY}`],
    ["after %253D (double-encoded)", `url?next=token%253D${KEY}`],
    ["after a literal \\n in a JSON string", `"line one\\n${KEY}"`],
    ["glued to an ANSI colour code", `\u001b[31m${KEY}\u001b[0m`],
    ["followed by full-width punctuation", `キー${KEY}）。`],
    ["followed by . ) ] , & /", `(${KEY}), [${KEY}]. ${KEY}&x=1 ${KEY}/`],
    ["adjacent string literals", `"${KEY.slice(0, 13)}" "${KEY.slice(13, 70)}" "${KEY.slice(70)}"`],
    ["+ concatenation over lines", `const k = "${KEY.slice(0, 30)}" +\n  "${KEY.slice(30)}";`],
    ["terminal hard wrap at 80 columns", `x-api-key: ${KEY}`.replace(/(.{80})/g, "$1\n")],
    ["base64 in a Kubernetes Secret", `data:\n  config: ${btoa(`ANTHROPIC_API_KEY=${KEY}`)}`],
  ];
  for (const [name, text] of cases) {
    it(`removes a key ${name}`, () => {
      const o = out(text);
      expect(o).not.toContain(KEY_CORE);
      expect(o).toContain("[REDACTED:");
    });
  }

  it("numbers back-to-back keys separately and repeated keys the same", () => {
    const o = out(`${KEY}${KEY} and ${KEY}`);
    expect(o).toBe(
      "[REDACTED:anthropic-api-key#1][REDACTED:anthropic-api-key#1] and [REDACTED:anthropic-api-key#1]",
    );
  });
});

describe("header syntaxes keep names and schemes", () => {
  it.each([
    [`> x-api-key: ${KEY}`, "> x-api-key: [REDACTED:anthropic-api-key#1]"],
    [`* [HTTP/2] [1] [x-api-key: ${KEY}]`, "* [HTTP/2] [1] [x-api-key: [REDACTED:anthropic-api-key#1]]"],
    [`{x-api-key=[${KEY}]}`, "{x-api-key=[[REDACTED:anthropic-api-key#1]]}"],
    [`(b'x-api-key', b'${KEY}')`, "(b'x-api-key', b'[REDACTED:anthropic-api-key#1]')"],
    [
      `{"name": "authorization", "value": "Bearer abcDEF123456ghiJKL7890"}`,
      `{"name": "authorization", "value": "Bearer [REDACTED:authorization#1]"}`,
    ],
    [`Authorization: Bearer ${OAT}`, "Authorization: Bearer [REDACTED:anthropic-oauth-token#1]"],
    ["Authorization: Basic dXNlcjpodW50ZXIy", "Authorization: Basic [REDACTED:authorization#1]"],
    ["api-key: 0123456789abcdef0123456789abcdef", "api-key: [REDACTED:api-key#1]"],
    [
      "Cookie: sessionKey=abcdef123456; __cf_bm=Zx81.aa-1; theme=dark",
      "Cookie: sessionKey=[REDACTED:cookie#1]; __cf_bm=[REDACTED:cookie#2]; theme=[REDACTED:cookie#3]",
    ],
  ])("%s", (input, expected) => {
    expect(out(input)).toBe(expected);
  });

  it("keeps the SigV4 credential scope and masks the key id and signature", () => {
    const sig = "a".repeat(32) + "b".repeat(32);
    const o = out(
      `Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250930/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`,
    );
    expect(o).toContain("Credential=[REDACTED:aws-access-key-id#1]/20250930/us-east-1/bedrock/aws4_request");
    expect(o).toContain("Signature=[REDACTED:aws-signature#1]");
  });
});

describe("blind spots of the anchor scanners (redaction.md §2–§4)", () => {
  it("masks the whole short-lived Bedrock key, not only its constant prefix", () => {
    const o = out(
      "AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbg%3D%3D&Version=1",
    );
    expect(o).not.toContain("Q2FsbFdpdGhCZWFyZXJUb2tlbg");
  });
  it("catches a JWE (empty second part) that JWT rules skip", () => {
    const o = out(
      "__Secure-next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..iv123abcDEF.cipherTEXT987zyx.tagTAG123",
    );
    expect(o).not.toContain("cipherTEXT987zyx");
  });
  it("masks a PEM key joined by literal \\n inside service-account JSON, keeping project_id", () => {
    const o = out(
      `{"type":"service_account","project_id":"my-proj-123","private_key_id":"0123456789abcdef0123456789abcdef01234567","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n","client_email":"bot@my-proj-123.iam.gserviceaccount.com"}`,
    );
    expect(o).not.toContain("MIIEvQIBADANBgkq");
    expect(o).toContain('"project_id":"my-proj-123"');
  });
  it("masks a truncated PEM block without an END line", () => {
    expect(out("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1x2y3z\nQWERTYqwerty12345")).toBe(
      "[REDACTED:private-key#1]",
    );
  });
  it("masks %-encoded passwords in proxy URLs and keeps host and port", () => {
    expect(out("HTTPS_PROXY=http://alice:p%40ss%21word@proxy.corp.example:3128")).toBe(
      "HTTPS_PROXY=http://alice:[REDACTED:url-credentials#1]@proxy.corp.example:3128",
    );
  });
  it("stops query values at & and keeps the other parameters", () => {
    expect(out("GET /v1/x?access_token=abcDEF123456&stream=true&beta=true")).toBe(
      "GET /v1/x?access_token=[REDACTED:query-credential#1]&stream=true&beta=true",
    );
  });
  it("does not drop a key because it contains a dictionary word or says EXAMPLE", () => {
    expect(out("aws_access_key_id=AKIAIOSFODNN7EXAMPLE")).toBe(
      "aws_access_key_id=[REDACTED:aws-access-key-id#1]",
    );
  });
  it("masks a %-encoded AWS session token in a presigned URL", () => {
    const o = out(
      `https://bucket.s3.amazonaws.com/k?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2F%2F%2FwEaCXVzLWVhc3QtMSJHMEUCIQD1abcDEF%2Bxyz%3D&X-Amz-Expires=900`,
    );
    expect(o).not.toContain("XVzLWVhc3QtMSJHMEUCIQD1");
    expect(o).toContain("X-Amz-Expires=900");
  });
  it("fails closed on an unlabelled random token", () => {
    expect(out("token was Zx81Pq7Rs8Tu9Vw0Xy1Za2Bc3De4Fg5Hi6Jk0LmN then")).toBe(
      "token was [REDACTED:high-entropy-token#1] then",
    );
  });
});

describe("evidence survives (redaction.md §7)", () => {
  it.each([
    `request-id: ${REQ}`,
    `{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"${REQ}"}`,
    '"partial_key_hint": "sk-ant-api03-R2D...igAA", "id": "apikey_01Rj2N8SVvo6BePZj99NhmiT"',
    "model: claude-sonnet-4-5@20250929 and us.anthropic.claude-sonnet-4-5-20250929-v1%3A0",
    "x-amzn-RequestId: 9251f066-a420-483b-b3ae-7485084f6dc6",
    "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    "x-request-id: 0af7651916cd43dd8448eb211c80319c",
    "cf-ray: 8c5f2e1a9b3d4e5f-SJC",
    "User-Agent: Anthropic/Python 0.69.0 Botocore/1.40.21 Chrome/140.0.7339.133",
    "node v22.11.0 @anthropic-ai/sdk@0.65.0 claude-cli/2.0.14 claims-triage@3.2.0",
    "digest sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 commit 3f786850e387550fdab836ed7e6dc881de23001b",
    '"usage":{"input_tokens":12,"output_tokens":0,"cache_read_input_tokens":0}, "max_tokens": 8192, "stop_reason": "max_tokens"',
    "anthropic-ratelimit-tokens-reset: 2025-09-30T14:03:27Z",
    "ANTHROPIC_API_KEY=$ANTHROPIC_API_KEY; $env:ANTHROPIC_API_KEY; ${{ secrets.ANTHROPIC_API_KEY }}",
    "risk-sk-ingest-7f9c6d8b5c-x2kq9 task-skip-list.ts",
    "git@github.com:org/repo.git",
    "connect ECONNREFUSED 127.0.0.1:4000 and localhost:54545/callback and ::1",
    "30/Sep/2025:14:03:27 +0000 epoch 1759284207512 at 2025/09/30 14:11:02",
    "TOKENIZERS_PARALLELISM=false idempotency_key=abc",
  ])("%s", (text) => {
    expect(out(text)).toBe(text);
  });

  it("keeps an error body and the request id next to a removed key", () => {
    const o = out(
      `x-api-key: ${KEY}\nHTTP/2 401\nrequest-id: ${REQ}\n{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`,
    );
    expect(o).toBe(
      `x-api-key: [REDACTED:anthropic-api-key#1]\nHTTP/2 401\nrequest-id: ${REQ}\n{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`,
    );
  });
});

describe("personal data", () => {
  it("removes emails, public IPs and phone numbers", () => {
    expect(out("from jane.doe@example.com at 203.0.113.9 call +44 20 7946 0823 or (646) 555-0178")).toBe(
      "from [REDACTED:email#1] at [REDACTED:ip-address#1] call [REDACTED:phone#1] or [REDACTED:phone#2]",
    );
  });
  it("removes public IPv6 and keeps link-local", () => {
    expect(out("client 2600:1700:abcd:1234::1f fe80::1")).toBe("client [REDACTED:ip-address#1] fe80::1");
  });
  it("reads an address of eight groups without `::`, and keeps times of day", () => {
    expect(out("client 2001:0db8:85a3:0000:0000:8a2e:0370:7334 at 09:13:58 and 23:59:59.999")).toBe(
      "client [REDACTED:ip-address#1] at 09:13:58 and 23:59:59.999",
    );
    expect(out("seven groups 2001:db8:85a3:0:0:8a2e:7334 stay")).toBe(
      "seven groups 2001:db8:85a3:0:0:8a2e:7334 stay",
    );
  });
});

describe("hide prompt content", () => {
  it("replaces messages[].content, content-block text and system with a length note", () => {
    const body = JSON.stringify({
      model: "claude-opus-4-6",
      system: "Be terse.",
      messages: [
        { role: "user", content: [{ type: "text", text: "secret plan" }] },
        { role: "assistant", content: "ok" },
      ],
    });
    expect(out(body, true)).toBe(
      JSON.stringify({
        model: "claude-opus-4-6",
        system: "[prompt content hidden: 9 chars]",
        messages: [
          { role: "user", content: [{ type: "text", text: "[prompt content hidden: 11 chars]" }] },
          { role: "assistant", content: "[prompt content hidden: 2 chars]" },
        ],
      }),
    );
  });
  it("works on a payload escaped inside a log line", () => {
    const o = out(
      `DEBUG body=${JSON.stringify(JSON.stringify({ messages: [{ role: "user", content: 'say "hi" please' }] }))}`,
      true,
    );
    expect(o).not.toContain("please");
    expect(o).toContain("[prompt content hidden:");
  });
  it("leaves prompts alone when not asked", () => {
    expect(out('{"messages":[{"role":"user","content":"hello"}]}')).toContain("hello");
  });
});

describe("fail closed and never throw", () => {
  it("withholds a text larger than the budget", () => {
    const r = redact("a".repeat(5 * 1024 * 1024));
    expect(r.text).toBe("[REDACTED:oversize-input#1]");
  });
  it("accepts a non-string at runtime without throwing", () => {
    expect(redact(undefined as unknown as string).text).toBe("");
  });
  it("masks a value holding a lone surrogate and its echo without withholding the paste", () => {
    const value = "Xy7\ud800Qz9aa";
    const r = out(`password=${value}\nretrying with ${value} for ${REQ}`);
    expect(r).not.toContain("redaction-failed");
    expect(r).not.toContain(value);
    expect(r).toContain(REQ);
    expect(r.match(/\[REDACTED:password#1\]/g)?.length).toBe(2);
  });
});
