import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/retry/plan-cases";
import { DENSE_BLOCK, denseStretches, KeptText } from "./dense";
import { redact } from "./redact";
import { resetScans, scanText } from "./scan";

const stretchesOf = (text: string) => {
  resetScans();
  return denseStretches(text, scanText(text));
};

/** A random token of `n` letters and digits (no run of one case that reads as a word). */
function token(random: () => number, n: number): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

describe("stretches dense with secret names", () => {
  it("are withheld whole, as whole lines, and the lines around them are kept", () => {
    const random = seededRandom(7);
    const secrets: string[] = [];
    const dense = Array.from({ length: 600 }, () => {
      const v = token(random, 12);
      secrets.push(v);
      return `password=${v} api_key=${v}`;
    }).join("\n");
    const before = "2026-12-08T00:01:02Z ERROR 529 overloaded_error request_id=req_011CXyZ";
    const after = "model=claude-sonnet-4-5 status=529";
    const r = redact(`${before}\n${dense}\n${after}`);
    // The stretch's last line, short, is read (its names may be those of the lines after it).
    const lines = r.text.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(before);
    expect(lines[1]).toBe("[REDACTED:secret-dense-text#1]");
    expect(lines[2]).toMatch(/^password=\[REDACTED:password#\d+\] api_key=\[REDACTED:[a-z-]+#\d+\]$/);
    expect(lines[3]).toBe(after);
    const withheld = r.findings.find((f) => f.kind === "secret-dense-text");
    expect(withheld).toEqual({
      kind: "secret-dense-text",
      count: 1,
      spans: [{ start: before.length + 1, end: before.length + 31 }],
    });
    for (const v of secrets) expect(r.text).not.toContain(v);
  });

  it("each get a number of their own, and the lines between them are read as usual", () => {
    const block = "api_key=x ".repeat(500);
    // Blocks of 4 KiB with no secret name in 32 characters between the two runs: read piece by piece.
    const log = Array.from(
      { length: 200 },
      (_, i) => `2026-12-08T00:00:${i % 60} INFO request_id=req_0${i} status=200`,
    );
    log[100] = "retry 3 of 3 failed; password=Zq9xLm2nVb7kQw was sent, status=401";
    const r = redact(`${block}\n${log.join("\n")}\n${block}`);
    expect(r.text).not.toContain("Zq9xLm2nVb7kQw");
    expect(r.text).toContain("\nretry 3 of 3 failed; password=[REDACTED:password#1] was sent, status=401\n");
    expect(r.text).toContain("\n2026-12-08T00:00:40 INFO request_id=req_0160 status=200\n");
    expect(r.text.startsWith("[REDACTED:secret-dense-text#1]\n")).toBe(true);
    expect(r.text.endsWith("\n[REDACTED:secret-dense-text#2]")).toBe(true);
  });

  it("leave their last line to the readers, whose names may be those of the next lines' values", () => {
    const block = "api_key=x ".repeat(500);
    for (const tail of [
      "password:\n  Zq9xLm2nVb7kQw",
      "user,api_key,region\nalice,Zq9xLm2nVb7kQw,eu",
      '"secret": {\n  "v": "Zq9xLm2nVb7kQw"\n}',
    ])
      expect(redact(`${block}\n${block}\n${tail}\nend`).text).not.toContain("Zq9xLm2nVb7kQw");
  });

  it("take a token a hard wrap carries on across their first line's start with them; their last line is read", () => {
    // 80-column lines: a kept line ends in the head of a key whose rest opens the dense run.
    const dense = Array.from({ length: 200 }, () => "api_key=x ".repeat(8)).join("\n");
    const head = `2026-12-08 WARN retrying with ${"x".repeat(15)} key sk-ant-api03-Zq9xLm2nVb7kPw4tQ`;
    expect(head.length).toBe(80);
    const rest = "Lm2nVb7kPw4tZq9xRf";
    const tail = `${"api_key=x ".repeat(7)}token=Qw4t\nPz8RfT3dLm next`;
    const text = `first line\n${head}\n${rest}${dense.slice(rest.length)}\n${tail}\nlast line`;
    const out = redact(text).text;
    expect(out.startsWith("first line\n[REDACTED:secret-dense-text#1]\n")).toBe(true);
    expect(out).not.toMatch(/Zq9xLm2n|Lm2nVb7kPw4tZq9x|Qw4t|Pz8RfT3d/);
    expect(out.endsWith("\nlast line")).toBe(true);
  });

  it("leave alone what real pastes hold: usage lines, a .env dump, a log, a redaction redacted again", () => {
    const random = seededRandom(11);
    const usage = Array.from(
      { length: 2_000 },
      (_, i) =>
        `{"usage":{"input_tokens":${i},"output_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}`,
    ).join("\n");
    expect(stretchesOf(usage)).toEqual([]);
    expect(redact(usage).text).toBe(usage);
    // Manifests that name secrets without holding them: a Deployment's env from a Secret, a workflow's env.
    const refs = [
      "ANTHROPIC_API_KEY",
      "DATABASE_PASSWORD",
      "REDIS_AUTH_TOKEN",
      "JWT_SECRET",
      "SMTP_PASSWORD",
    ];
    const deployment = Array.from(
      { length: 60 },
      (_, i) =>
        `        - name: ${refs[i % 5]}_${i}\n          valueFrom:\n            secretKeyRef:\n` +
        `              name: app-secrets\n              key: ${refs[i % 5]?.toLowerCase()}_${i}\n`,
    ).join("");
    const workflow = Array.from(
      { length: 150 },
      (_, i) => `      ${refs[i % 5]}_${i}: \${{ secrets.${refs[i % 5]}_${i} }}\n`,
    ).join("");
    for (const manifest of [deployment, workflow]) {
      expect(manifest.length).toBeGreaterThan(2 * DENSE_BLOCK);
      expect(stretchesOf(manifest)).toEqual([]);
      expect(redact(manifest).findings.map((f) => f.kind)).not.toContain("secret-dense-text");
    }
    // One NAME=value line in 45 characters, a secret name in each: below the limit, read piece by piece.
    const names = [
      "DB_PASSWORD",
      "STRIPE_SECRET_KEY",
      "GITHUB_TOKEN",
      "SESSION_SECRET",
      "AWS_SECRET_ACCESS_KEY",
    ];
    const env = Array.from(
      { length: 3_000 },
      (_, i) => `${names[i % names.length]}_${i}=${token(random, 20)}`,
    ).join("\n");
    expect(stretchesOf(env)).toEqual([]);
    const redacted = redact(env);
    expect(redacted.findings.map((f) => f.kind)).not.toContain("secret-dense-text");
    // Redacted, the same lines are shorter (placeholders instead of values), and no denser in names.
    const short = Array.from({ length: 3_000 }, (_, i) => `API_KEY_${i}=${token(random, 40)}`).join("\n");
    const once = redact(short).text;
    expect(once).not.toContain("secret-dense-text");
    expect(redact(once).text).toBe(once);
  });

  it("is idempotent where it withholds, and never shows a secret whichever way a paste is cut into blocks", () => {
    const random = seededRandom(13);
    for (let round = 0; round < 20; round++) {
      const v = token(random, 14);
      const unit = ["secret=", "Authorization: Bearer ", "Set-Cookie: sid=", '"password":"'][round % 4] ?? "";
      const pad = "x".repeat(Math.floor(random() * 200));
      const text = `${pad}\n${`${unit}${v}; `.repeat(300 + Math.floor(random() * 600))}\n${pad}`;
      const once = redact(text).text;
      expect(once).not.toContain(v);
      expect(redact(once).text).toBe(once);
      // The piecewise path masks it too.
      expect(redact(text, { withholdDense: false }).text).not.toContain(v);
    }
  });

  it("count curl's credential flags, labels in other languages, session cookies and commands' flags", () => {
    for (const unit of [
      "-u a:b ",
      "-b sid=x ",
      "Passwort: x ",
      "密码：x ",
      "JSESSIONID=x; ",
      "mysql -pX ",
      "sshpass -p x ",
      // Token prefixes, e-mails and URL userinfo packed: no real token, address or URL is that short.
      "sk-ant-api03-",
      "ghp_x ",
      "git@github.com:[",
      "a@b.co,",
      "https://u:p@",
    ]) {
      const packed = unit.repeat(Math.ceil((3 * DENSE_BLOCK) / unit.length));
      expect(stretchesOf(packed)).toEqual([0, packed.length]);
      expect(redact(`ok\n${packed}\nend`).text).toBe("ok\n[REDACTED:secret-dense-text#1]\nend");
    }
    // A secret's name as the value of a name field, with a value field after it (HAR, Kubernetes env).
    for (const unit of ['{"name":"token","value":"v"},', "- name: API_KEY\n  value: v\n"]) {
      const packed = unit.repeat(Math.ceil((3 * DENSE_BLOCK) / unit.length));
      expect(stretchesOf(packed).length).toBe(2);
    }
    // As real pastes hold them: a line each, among other lines.
    const lines = Array.from(
      { length: 300 },
      (_, i) =>
        [
          `curl -sS -u admin:Zq9xLm2nVb${i} https://api.example.com/v1/items?page=${i}`,
          `Passwort: Lm2nVb7kPw${i}  # Zugang für den Testserver, bitte nicht teilen`,
          `Set-Cookie: JSESSIONID=Pw4tLm2nVb${i}; Path=/app; HttpOnly; Secure; SameSite=Lax`,
          `mysql -h db.internal -u app -pQw8zXc1Tk${i} --database=orders -e "select 1"`,
        ][i % 4],
    ).join("\n");
    expect(stretchesOf(lines)).toEqual([]);
    // Keys one per line (an Anthropic key is about 108 characters), a git log's authors, URLs with users.
    const keys = Array.from(
      { length: 200 },
      (_, i) => `sk-ant-api03-${"Ab3dEf6hIj9kLm2nOp5q".repeat(4)}${i}AA`,
    );
    const authors = Array.from(
      { length: 200 },
      (_, i) => `commit 9f${i}e1c2  Author: Dev ${i} <dev${i}@example.com>  fix retry on 529`,
    );
    const remotes = Array.from(
      { length: 200 },
      (_, i) => `origin${i} https://ci:${i}x@git.example.com/r${i}.git (fetch)`,
    );
    for (const list of [keys, authors, remotes]) expect(stretchesOf(list.join("\n"))).toEqual([]);
  });

  it("leave the readers the paste without them, each span of which maps back to the paste", () => {
    const paste = "ab\ncd\nef\ngh";
    const kept = new KeptText(paste, [3, 5, 9, 11]);
    expect(kept.text).toBe("ab\n\nef\n");
    // `ef` at 4 in the kept text is at 6 in the paste; `ab` stays; a span across a stretch's place takes it in.
    expect(kept.span(4, 6)).toEqual([6, 8]);
    expect(kept.span(0, 2)).toEqual([0, 2]);
    expect(kept.span(1, 5)).toEqual([1, 7]);
    const whole = new KeptText(paste, [0, paste.length]);
    expect(whole.text).toBe("");
    expect(new KeptText("abc", []).text).toBe("abc");
    expect(new KeptText("x\nyy", [2, 4]).text).toBe("x\n");
  });
});
