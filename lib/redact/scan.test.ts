import { describe, expect, it, vi } from "vitest";
import { SeenValues, redact } from "./redact";
import { ALNUM_CHARS, charSet } from "./chars";
import { jwtTokens, token } from "./detectors";
import {
  LEAD_COLON,
  LEAD_ESCAPE,
  LEAD_FLAG,
  LeadCursor,
  codeUnits,
  leadMatches,
  resetScans,
  scanText,
  setWasmScan,
} from "./scan";
import { SCAN_WASM } from "./scan-wasm";
import { newRecordAt } from "./views";
import { seededRandom } from "@/lib/retry/plan-cases";
import { buildScanWasm } from "@/scripts/build-scan-wasm";

/** The shared scan's lead lists and the rules that read their candidates from them. */

const out = (text: string) => redact(text).text;
// These inputs are dense with secret names on purpose; read piece by piece, not withheld whole (dense.ts).
const piecewise = (text: string) => redact(text, { withholdDense: false }).text;

/** Every offset `regex` (global) matches at, trying each position: the set a lead list must cover. */
function matchStarts(text: string, source: string): number[] {
  const sticky = new RegExp(source, "y");
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    sticky.lastIndex = i;
    if (sticky.test(text)) starts.push(i);
  }
  return starts;
}

describe("lead lists", () => {
  const text = [
    "2026-12-07T09:00:00.123Z GET /v1/messages from 2001:db8::7334 and 8.8.4.4",
    'curl -u admin:pw --user x:y -b "sid=1" --cookie c=2 -----BEGIN PRIVATE KEY----- --verbose',
    'payload: {\\"a\\":1} %41 &amp; ["--api-key", "v"] ("k", "v") [REDACTED:api-key#1]',
  ].join("\n");

  it("cover every start of the patterns they stand for", () => {
    const scan = scanText(text);
    const listed = (lead: number) => [...(scan.leads[lead] ?? [])];
    expect(listed(LEAD_COLON)).toEqual(expect.arrayContaining(matchStarts(text, ":[0-9A-Fa-f]{0,4}:")));
    expect(listed(LEAD_ESCAPE)).toEqual(matchStarts(text, `[\\\\%&${String.fromCharCode(0x1b)}]`));
    const flags = "(?<![\\w-])(-u|--user|--proxy-user|-b|--cookie)(?:[ \\t]{1,8}|=)";
    expect(listed(LEAD_FLAG)).toEqual(expect.arrayContaining(matchStarts(text, flags)));
  });

  it("leave out the dashes of a PEM header (the curl-flag lead reads a third character)", () => {
    const flagLeads = [...(scanText(text).leads[LEAD_FLAG] ?? [])].map((i) => text.slice(i, i + 3));
    expect(flagLeads).toEqual(["-u ", "--u", "-b ", "--c"]);
  });

  it("find what the whole-text regex finds, in order", () => {
    const global = /(?<![\w-])(-u|--user|--proxy-user|-b|--cookie)(?:[ \t]{1,8}|=)/g;
    const sticky = new RegExp(global.source, "y");
    const viaLeads = [...leadMatches(text, LEAD_FLAG, global, sticky)].map((m) => [m.index, m[0]]);
    const viaRegex = [...text.matchAll(new RegExp(global.source, "g"))].map((m) => [m.index, m[0]]);
    expect(viaLeads).toEqual(viaRegex);
    expect(viaLeads.length).toBe(4);
  });
});

describe("past the lead buffer", () => {
  // 300 000 escape leads fill the buffer (262 144): the lists stop there and the rules search on by regex.
  const filler = "\\".repeat(300_000);

  it("the scan says where its lists stop", () => {
    const scan = scanText(`${filler}\nend`);
    expect(scan.leadLimit).toBeLessThan(300_000);
    expect(scan.leadLimit).toBeGreaterThan(0);
  });

  it("a cursor goes on from there with the rule's regex", () => {
    const text = `${filler}\n%41`;
    const escapes = new RegExp(`[\\\\%&${String.fromCharCode(0x1b)}]`, "g");
    const cursor = new LeadCursor(text, LEAD_ESCAPE, escapes);
    const seen: number[] = [];
    for (let p = cursor.next(0); p >= 0; p = cursor.next(p + 1)) seen.push(p);
    expect(seen.length).toBe(300_001);
    expect(seen.every((p, i) => p === i || (i === 300_000 && p === text.indexOf("%41")))).toBe(true);
  });

  it("a cursor jumping ahead lands on the first lead at or after where it was asked to start", () => {
    const text = `${"a%41b".repeat(2_000)}\n${"&amp;x".repeat(10)}`;
    const starts = matchStarts(text, `[\\\\%&${String.fromCharCode(0x1b)}]`);
    const escapes = new RegExp(`[\\\\%&${String.fromCharCode(0x1b)}]`, "g");
    for (const jumps of [[0, 7_001, 7_002, 9_991, 10_001], [3, 4, 5, 12, 601, 606, 9_999], [10_050]]) {
      const cursor = new LeadCursor(text, LEAD_ESCAPE, escapes);
      for (const from of jumps) expect(cursor.next(from)).toBe(starts.find((p) => p >= from) ?? -1);
    }
  });

  it("a secret after the limit is still masked", () => {
    // Colon leads fill the buffer in the paste itself (no decoded view re-lists them under the limit).
    const colons = ":0".repeat(280_000);
    const o = out(`${colons} \nclient 2001:db8:85a3::8a2e:370:7334 at 203.0.113.9 -u admin:Hunter2Secret`);
    expect(o).not.toContain("203.0.113.9");
    expect(o).not.toContain("8a2e:370:7334");
    expect(o).not.toContain("Hunter2Secret");
  });
});

describe("fast paths keep what they skip", () => {
  it("a CSV header row is still read under a one-line HAR of many commas", () => {
    const har = `${'"name":"x-api-key","value":"'.repeat(5_000)}\n`;
    const csv = "user,api_key,region\nalice,Zq9xKw3mVb7nPl2T,eu\n";
    for (const o of [out(har + csv), piecewise(har + csv)]) {
      expect(o).not.toContain("Zq9xKw3mVb7nPl2T");
      expect(o).toContain("alice,");
    }
  });

  it("a header row of 64 cells is no table, of 63 cells is", () => {
    const row = (cells: number, secretAt: number) => {
      const names = Array.from({ length: cells }, (_, i) => (i === secretAt ? "api_key" : `c${i}`));
      const values = Array.from({ length: cells }, (_, i) => (i === secretAt ? "Zq9xKw3mVb7nPl2T" : `${i}`));
      return `${names.join(",")}\n${values.join(",")}\n`;
    };
    expect(out(row(64, 5))).not.toContain("Zq9xKw3mVb7nPl2T");
    expect(out(row(65, 5))).toContain("Zq9xKw3mVb7nPl2T");
  });

  it("cookie pairs: names of up to 128 characters before each =, attributes kept, every value masked", () => {
    const long = "n".repeat(130);
    const o = out(`Cookie: ${long}=Lv9xQw3mZp7 ; sid=Sd8kLm2nQr5; Path=/; HttpOnly; tok=Tk4pWq8zXc1`);
    expect(o).not.toMatch(/Lv9xQw3mZp7|Sd8kLm2nQr5|Tk4pWq8zXc1/);
    expect(o).toContain("Path=/; HttpOnly;");
    expect(o).toContain(`${long}=`);
  });

  it("cookie values end at the next ; or line end, also read from headers packed on one line", () => {
    const packed = piecewise(
      `${"Set-Cookie:a=".repeat(2_000)}; sid=Sx9q9ZkLm2Qw\nCookie: tok=Tk4pWq8zXc1; x=1`,
    );
    expect(packed).not.toMatch(/Sx9q9ZkLm2Qw|Tk4pWq8zXc1/);
    expect(packed).toContain("; sid=[REDACTED:cookie#");
    // A value past the 4096-character cap, then more pairs and a second line read from the start.
    const long = out(`Cookie: a=${"v".repeat(5_000)}; b=Sx9q9ZkLm2Qw\nCookie: c=Lm2nVb7kPw4t;d=Zp7Lv9xQw3`);
    expect(long).not.toMatch(/Sx9q9ZkLm2Qw|Lm2nVb7kPw4t|Zp7Lv9xQw3/);
    expect(long).toContain("; b=[REDACTED:cookie#");
  });

  it("cookie headers packed before a long run of nameless = read it as one header does", () => {
    for (const pad of [4_090, 4_094, 4_096]) {
      const body = `${" =".repeat(pad)}sid=Zq9xLm2nVb7kQw; Domain=ex.org; a=b`;
      const alone = out(`Cookie: ${body}`);
      expect(alone.includes("Zq9xLm2nVb7kQw")).toBe(pad >= 4_096);
      for (const k of [2, 3, 40])
        expect(out(`${"Cookie: ".repeat(k)}${body}`).slice(8 * k)).toBe(alone.slice(8));
    }
    // Headers packed into a line of `;`-separated pairs: each starts inside a pair the one before it read.
    const pairs = `${"&amp;sig=Cookie:".repeat(600)}&amp;sid=Zq9xLm2nVb7kQw`;
    for (const k of [1, 2, 5])
      expect(piecewise(`${"Cookie:".repeat(k)}${pairs}`)).not.toContain("Zq9xLm2nVb7kQw");
    // A line of `-b` flags whose values hold only nameless `=`, then a cookie.
    expect(out(`${"-b =>* ".repeat(3_000)}-b sid=Zq9xLm2nVb7kQw`)).not.toContain("Zq9xLm2nVb7kQw");
  });

  it("a line of many cookie headers masks every value, each read once", () => {
    const line = Array.from({ length: 400 }, (_, i) => `Cookie: sid=Sx${i}q9ZkLm2; theme=dark`).join(" ");
    const r = redact(line);
    expect(r.text).not.toMatch(/Sx\d+q9ZkLm2/);
    expect(r.findings.find((f) => f.kind === "cookie")?.count).toBeGreaterThanOrEqual(400);
  });

  it("the same paste redacted again, as the same or an equal string, gives the same result", () => {
    const paste = `${"Cookie: sid=Sx9q9ZkLm2; Set-Cookie: tok=Tk4pWq8zXc1; Path=/ ".repeat(300)}\napi_key=Kq8zXc1Tk4pW`;
    // Withheld whole as dense (the default) and read piece by piece.
    for (const options of [{}, { withholdDense: false }]) {
      const first = redact(paste, options);
      const again = redact(paste, options);
      const copy = redact([paste.slice(0, 1000), paste.slice(1000)].join(""), options);
      expect(again).toEqual(first);
      expect(copy).toEqual(first);
      expect(first.text).not.toMatch(/Sx9q9ZkLm2|Tk4pWq8zXc1|Kq8zXc1Tk4pW/);
    }
  });

  it("a repeated key is masked at every occurrence, once per occurrence", () => {
    const key = "sk-ant-api03-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z".repeat(3);
    const text = Array.from({ length: 2_000 }, (_, i) => `${i} key ${key}`).join("\n");
    const r = redact(text);
    expect(r.text).not.toContain("Ab3dEf6h");
    const total = r.findings.reduce((n, f) => n + f.count, 0);
    expect(total).toBe(2_000);
    for (const f of r.findings)
      for (const s of f.spans) expect(r.text.slice(s.start, s.end)).toMatch(/^\[REDACTED:[a-z0-9-]+#\d+\]$/);
  });

  it("names inside a run of name characters: a name of up to 81 characters is read, a longer run is not", () => {
    const secret = "Qz8xLm2nVb7kPw4t";
    // The secret word 64 characters into a 76-character name.
    expect(out(`${"a".repeat(60)}api_key_abcdefgh=${secret}`)).not.toContain(secret);
    const padded = `${"a".repeat(2_000)}key${"b".repeat(2_000)}=${secret} and key=${secret}x`;
    expect(out(padded)).not.toContain(`${secret}x`);
    // `keykeykey…` is one run: no name in it, and the paste comes back whole.
    expect(piecewise("key".repeat(30_000))).toBe("key".repeat(30_000));
    // Withheld whole by default: a run that long packed with secret words is read as dense (dense.ts).
    expect(out("key".repeat(30_000))).toBe("[REDACTED:secret-dense-text#1]");
  });

  it("a value as long as the last one and read one stretch further on is judged again when it differs", () => {
    // Both 100 characters, the same but for their last three: the first is a masked value (benign), the second is not.
    const benign = `${"x".repeat(97)}***`;
    const secret = `${"x".repeat(97)}Zq9`;
    const o = out(`password=${benign} password=${secret} end`);
    expect(o).toContain(`password=${benign} `);
    expect(o).not.toContain("Zq9");
    expect(out(`password=${secret} password=${secret} end`)).toBe(
      "password=[REDACTED:password#1] password=[REDACTED:password#1] end",
    );
    // Names packed into each other's values: every tail is the same 8 KiB, each masked.
    const packed = "sk-Cookie:".repeat(5_000);
    expect(piecewise(packed)).not.toContain("sk-Cookie");
  });

  it("a placeholder value is recognised behind any run of punctuation, and a longer one is not one", () => {
    expect(out(`password=${"-".repeat(300)}yourpassword\n`)).toContain("yourpassword");
    expect(out(`password=${"-".repeat(300)}yourpasswordx\n`)).not.toContain("yourpasswordx");
    // `your<name>` and `my<name>`, and nothing else before the name.
    expect(out("api_token=your_api_token\npassword=my-password\n")).toBe(
      "api_token=your_api_token\npassword=my-password\n",
    );
    expect(out("password=ourpassword\n")).not.toContain("ourpassword");
    // Non-ASCII characters lower-case to nothing, but İ and the Kelvin sign (to i and k).
    expect(out("token=yourto\u212Aen\npassword=密码yourpassword\n")).toBe(
      "token=yourto\u212Aen\npassword=密码yourpassword\n",
    );
    expect(out("api_key=yourap\u0130key\n")).toBe("api_key=yourap\u0130key\n");
    expect(out("api_key=yourap\u0131key\n")).not.toContain("yourap");
    expect(out("password=myypassword\n")).not.toContain("myypassword");
  });

  it("a value's closing quotes and brackets are trimmed when unpaired inside it, also on a packed line", () => {
    const cases: Array<[string, string]> = [
      ['password=Zq9xLm2nVb7k" y', '[REDACTED:password#1]" y'],
      ['password=Zq9x"Lm2nVb7k" y', "[REDACTED:password#1] y"],
      ["password=Zq9xLm2nVb7k)) y", "[REDACTED:password#1])) y"],
      ["password=Zq9x(Lm2nVb7k)) y", "[REDACTED:password#1] y"],
      ["password=Zq9xLm2nVb7k\"'`\"'`,;. y", "[REDACTED:password#1],;. y"],
    ];
    for (const [text, masked] of cases) expect(out(`x ${text}`)).toBe(`x password=${masked}`);
    // Names packed into each other's values, each value ending in a quote: every one masked.
    expect(piecewise(';"name":"Passwort:secret'.repeat(3_000))).not.toMatch(/Passwort:secret;/);
  });

  it("query credentials packed into each other's values are each read to the same stop", () => {
    const packed = piecewise(`GET /x?${"DBPassword=?".repeat(3_000)}&sig=Zq9xLm2nVb7kQw#frag`);
    expect(packed).not.toContain("Zq9xLm2nVb7kQw");
    expect(packed).toMatch(/#frag$/);
    expect(out("GET /x?token=Zq9xLm2nVb7kQw&page=2 HTTP/1.1")).toBe(
      "GET /x?token=[REDACTED:query-credential#1]&page=2 HTTP/1.1",
    );
    // Names read as query parameters and as fields taking turns on one line: each value read to its own stop.
    const turns = piecewise(
      `${"Signature:glpat-Cookie:&".repeat(2_000)} token=Lm2nVb7kPw4tZz&x=1 password: Pw4tLm2nVb7kXy end`,
    );
    expect(turns).not.toMatch(/Lm2nVb7kPw4tZz|Pw4tLm2nVb7kXy/);
    expect(turns).toMatch(/ end$/);
  });

  it("e-mails after a line of scp remotes, and URL credentials among them, are read as alone", () => {
    const line = `${"git@github.com:[".repeat(3_000)} mail bob@corp.example.org or https://u:Zq9xLm2nVb7kQw@db.example.com:5432/x`;
    // Withheld whole by default (an e-mail in every 16 characters: dense.ts); read piece by piece here.
    expect(out(line)).toBe("[REDACTED:secret-dense-text#1]");
    const o = piecewise(line);
    // (`git@github.com:` before `[` is no scp remote: an e-mail.)
    expect(o.startsWith("[REDACTED:email#1]:[")).toBe(true);
    expect(o).not.toMatch(/bob@corp\.example\.org|Zq9xLm2nVb7kQw/);
    expect(o).toContain("@db.example.com:5432/x");
    // A user in a URL's authority is the URL's; past a `/` of its path, or a blank, an address is an e-mail.
    const urls = [
      ["see https://alice@example.com:8080/x", "see https://alice@example.com:8080/x"],
      ["see https://host.example/path/alice@example.com", "see https://host.example/path/[REDACTED:email#2]"],
      ["x https://h/ y alice@example.com", "x https://h/ y [REDACTED:email#2]"],
    ];
    for (const [text, masked] of urls)
      expect(out(`${"git@github.com:[".repeat(50)} ${text}`).endsWith(` ${masked}`)).toBe(true);
  });

  it("a long Authorization value is kept when masking marks are inside it, masked otherwise", () => {
    // Not random-looking, so only the Authorization reader can mask it.
    const long = "abcdefgh".repeat(25);
    expect(out(`Authorization: ${long}`)).not.toContain(long.slice(0, 16));
    expect(out(`Authorization: ${long}...${long}`)).toContain(`${long}...`);
    expect(out(`Authorization: ${long}***`)).toContain(`${long}***`);
    // A mark after the value's end does not make the value benign.
    expect(out(`Authorization: ${long}\nnote: see ... later`)).not.toContain(long.slice(0, 16));
  });
});

describe("the code units the scan reads", () => {
  const samples = ["", "a", "key=\ud800 lone\udc00 é ÿ \uffff 𝄞", "x".repeat(5_000) + "ñ"];
  const expected = (t: string) => [...Array.from({ length: t.length }, (_, i) => t.charCodeAt(i)), 0, 0];

  it("are the string's UTF-16 units, lone surrogates kept, with two zeros after", () => {
    for (const t of samples) expect([...codeUnits(t)]).toEqual(expected(t));
  });

  it("are the same where there is no Buffer (a browser)", () => {
    vi.stubGlobal("Buffer", undefined);
    try {
      for (const t of samples) expect([...codeUnits(t)]).toEqual(expected(t));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("JWTs found by hand", () => {
  it("match what the regex they replace matches, on generated texts with long runs and missing dots", () => {
    const body = charSet(`${ALNUM_CHARS}_-.=`);
    const byRegex = token(/eyJ[\w-]{8,4000}\.[\w.=-]{2,12000}/g, { wrap: true, body });
    const byHand = jwtTokens(body);
    const spans = (detect: typeof byHand, text: string) => {
      const out: Array<[number, number]> = [];
      detect(text, (s, e) => out.push([s, e]));
      return out;
    };
    const pieces = [
      "eyJ",
      "eyJhbGciOiJIUzI1NiJ9",
      ".",
      "..",
      "=",
      "-",
      "_",
      "x",
      "Zq9",
      " ",
      "\n",
      "\n  ",
      "ab.c",
      "é",
    ];
    let seed = 99;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 600; k++) {
      let text = "";
      while (text.length < 200) {
        const piece = pieces[Math.floor(rnd() * pieces.length)] ?? "";
        text += rnd() < 0.05 ? piece.repeat(1 + Math.floor(rnd() * 1_500)) : piece;
      }
      expect(spans(byHand, text)).toEqual(spans(byRegex, text));
    }
    // Runs longer than 4000 before a dot, and a paste of eyJ with no dot at all.
    for (const text of [`eyJ${"a".repeat(4_100)}.bb`, `x${"eyJ".repeat(1_500)}.sig`, "eyJ".repeat(5_000)])
      expect(spans(byHand, text)).toEqual(spans(byRegex, text));
  });
});

describe("echo values seen", () => {
  it("a long value is found again by content, also among many that share its sampled characters", () => {
    const seen = new SeenValues();
    const base = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z".repeat(8);
    // Differ only at offset 100, which the sample (first and last 16, every 64th from 16) skips.
    const variants = Array.from(
      { length: 20 },
      (_, k) => `${base.slice(0, 100)}${"#$%&*+-=?@^~<>()[]{}"[k]}${base.slice(101)}`,
    );
    for (const v of variants) expect(seen.note(v)).toBeNull();
    for (const v of variants) expect(seen.note([v.slice(0, 50), v.slice(50)].join(""))).toBe(v);
    expect(seen.note("short value")).toBeNull();
    expect(seen.note(["short", " value"].join(""))).toBe("short value");
  });
});

describe("CSV tables below repeated header lines", () => {
  it("a header inside a table cut by the row limit still reads its own rows past the cut", () => {
    const header = "name,password,host";
    const rows = "alice,Zq9xLm2nVb7kQw,db1\nbob,Lm2nVb7kPw4tZz,db2";
    // The second header is the first one's 10 000th row: the first stops there, the second reads on.
    const o = out(`${header}\n${"x,y,z\n".repeat(9_999)}${header}\n${rows}`);
    expect(o).not.toMatch(/Zq9xLm2nVb7kQw|Lm2nVb7kPw4tZz/);
    // 20 000 copies of the header line: each masked as a row of the one above it, the last included.
    const many = piecewise(`${`${header}\n`.repeat(20_000)}${rows}`).split("\n");
    expect(many[0]).toBe(header);
    expect(many.slice(1, 20_000).every((line) => line === "name,[REDACTED:password#1],host")).toBe(true);
    expect(many.slice(20_000).join("\n")).not.toMatch(/Zq9xLm2nVb7kQw|Lm2nVb7kPw4tZz/);
  });
});

describe("the scan's newline list", () => {
  it("is every offset of a newline, with or without one at the end, CRLF or not", () => {
    for (const text of ["", "a", "\n", "a\nb", "a\r\nb\r\n", "\n\n x\n", "ñ\n密码\n\n"]) {
      resetScans();
      const expected = [...text].flatMap((c, i) => (c === "\n" ? [i] : []));
      expect([...scanText(text).newlines]).toEqual(expected);
    }
  });

  it("feeds the .pgpass reader: a line of four colons and no space is read, one with a space is not", () => {
    const pgpass = "db.internal:5432:app:svc:Xy7pwQ2";
    expect(out(`log line: one\n${pgpass}\r\nnext`)).not.toContain("Xy7pwQ2");
    expect(out(`x\n${pgpass}`)).not.toContain("Xy7pwQ2");
    expect(out(`${pgpass} trailing words`)).toContain("Xy7pwQ2 trailing");
  });
});

describe("the scan loops in WebAssembly", () => {
  /** A scan as plain data, so two can be compared whole. */
  const snapshot = (text: string) => {
    resetScans();
    const scan = scanText(text);
    return {
      present: [...scan.present].sort(),
      words: [...scan.words],
      runs: [...scan.runs],
      leads: scan.leads.map((list) => [...list]),
      leadLimit: scan.leadLimit,
    };
  };
  const engines = (text: string) => {
    try {
      setWasmScan(false);
      const js = snapshot(text);
      // From any length: short texts are otherwise left to the JavaScript loops.
      setWasmScan(true, 0);
      return { js, wasm: snapshot(text) };
    } finally {
      setWasmScan(true);
    }
  };

  it("are the bytes scan.wat builds to", async () => {
    expect(SCAN_WASM).toBe(await buildScanWasm());
  });

  it("compile and run here (the scans below compare them with the JavaScript loops)", () => {
    expect(setWasmScan(true)).toBe(true);
  });

  it("find the same words, anchors, runs and leads as the JavaScript loops, on generated texts", () => {
    // Key words in three cases, anchors, every lead's characters, non-ASCII keys and neighbours, token runs.
    const pieces = [
      "key",
      "Token",
      "SECRET",
      "pass",
      "pwd",
      "cred",
      "Auth",
      "bearer",
      "cookie",
      "sig",
      "dsn",
      "JWT",
      "api_key=",
      "x-api-key: ",
      "Set-Cookie: ",
      "sk-ant-api03-",
      "ghp_",
      "AKIA",
      "eyJ",
      "-----BEGIN ",
      "https://u:p@h/",
      "000000",
      "?",
      "&",
      ";",
      "<",
      "+",
      "(",
      "gh",
      "Q~",
      "SK",
      "('",
      '",',
      "密码",
      "口令",
      "contraseña",
      "Passwort",
      "ñ",
      "ド",
      "\u00a0",
      "\u2028",
      "' +",
      '" \\',
      "%2F",
      "&amp;",
      "\x1b[31m",
      "[REDACTED:",
      "[prompt",
      "-u ",
      "-b=",
      "--user",
      "--cookie",
      ":ab:",
      "::1",
      ".12.",
      "[ '",
      ', "',
      " ",
      "\n",
      "\t",
      "=",
      ":",
      ".",
      "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "a".repeat(300),
      "\u{1F600}",
      "\uD800",
    ];
    const random = seededRandom(20261207);
    const texts = ["", "k", "ke", "key", "a?", "?", "\u00f1", "密码"];
    for (let i = 0; i < 300; i++) {
      let text = "";
      const length = 1 + Math.floor(random() * (i < 250 ? 120 : 3000));
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      texts.push(text);
    }
    // Past the lead buffer (2^18 leads), with a key after it.
    texts.push(`${":a".repeat(300_000)} password=${"Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"}`);
    let compared = 0;
    for (const text of texts) {
      const { js, wasm } = engines(text);
      expect(wasm, JSON.stringify(text.slice(0, 200))).toEqual(js);
      compared += js.words.length + js.runs.length + js.present.length + js.leads.flat().length;
    }
    // The texts exercise every part of the output.
    expect(compared).toBeGreaterThan(10_000);
    expect(engines(texts.at(-1) as string).js.leadLimit).toBeLessThan((texts.at(-1) as string).length);
  });
});

describe("a new record's start, read by hand where it is a date", () => {
  it("agrees with the record-start pattern on generated line starts", () => {
    const pattern =
      /\d{4}-\d\d-\d\d[T ]|\d\d:\d\d:\d\d|HTTP\/|[A-Z]{3,7} \/|at |Traceback|File "|[A-Za-z][\w-]{1,40}: /y;
    const pieces = [
      "2026",
      "-",
      "12",
      "07",
      "T",
      " ",
      "9",
      "x",
      ":",
      "HTTP/",
      "GET /",
      "at ",
      'File "',
      "a-b: ",
      "\n",
    ];
    const random = seededRandom(7);
    let dates = 0;
    for (let i = 0; i < 4000; i++) {
      let text = i % 3 === 0 ? "2026-12-07" : "";
      while (text.length < 14) text += pieces[Math.floor(random() * pieces.length)];
      pattern.lastIndex = 0;
      const expected = pattern.test(text);
      expect(newRecordAt(text, 0), JSON.stringify(text)).toBe(expected);
      if (expected && /^\d{4}-\d\d-\d\d[T ]/.test(text)) dates++;
    }
    expect(dates).toBeGreaterThan(100);
  });
});
