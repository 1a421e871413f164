import { describe, expect, it } from "vitest";
import { redact } from "./redact";
import { PREFIX_RULES } from "./prefixes";

/** The leak and over-redaction cases issue 12 lists, one example each. */

const out = (text: string) => redact(text).text;

describe("URL passwords end at the last @ before a host", () => {
  it.each([
    ["postgresql://app:Xy?7/b#Q@db:5432/app", "Xy?7/b#Q", "@db:5432/app"],
    ["mongodb+srv://u:ab#cd@cluster0.example.net/db", "ab#cd", "@cluster0.example.net/db"],
    ["socks5://u:p?q,r;s@proxy.internal:1080", "p?q,r;s", "@proxy.internal:1080"],
    ["redis://:s3cr)e]t}x@cache:6379/0", "s3cr)e]t}x", "@cache:6379/0"],
    ["amqp://guest:pa`ss@w0rd@rabbit:5672/", "pa`ss@w0rd", "@rabbit:5672/"],
  ])("%s", (url, password, kept) => {
    const o = out(`DATABASE_URL=${url}`);
    expect(o).not.toContain(password);
    expect(o).toContain(kept);
    expect(o).not.toContain("[REDACTED:email");
  });

  it("reads an IPv6 literal host, and only a bracket that closes within an address's length", () => {
    const o = out(
      "DATABASE_URL=postgres://app:S3cretPw9@[2001:db8::1]:5432/app and http://u:Pw8x@[::1]/health",
    );
    expect(o).not.toContain("S3cretPw9");
    expect(o).not.toContain("Pw8x");
    expect(o).toContain("]:5432/app and http://u:");
    expect(o).toContain("@[::1]/health");
    // `[` never closed (or closed too far away) is no host: the `@` before it ends no userinfo.
    expect(out(`x://u:Unclosed7@[${"0".repeat(60)}]/`)).toContain("Unclosed7");
    expect(out(`${"x://@[".repeat(20_000)}`)).toBe("x://@[".repeat(20_000));
  });

  it("keeps hosts, ports and e-mails in queries of plain URLs", () => {
    const text = "GET https://api.example.com:8443/v1/users?email=someone@example.org HTTP/1.1";
    expect(out(text)).toContain("https://api.example.com:8443/v1/users?email=");
  });
});

describe("command lines that take a secret without name=", () => {
  it.each([
    ["$ mysql -u app -pS3cretPw9 -h db", "S3cretPw9"],
    ["$ redis-cli -h cache -a Redis9Pass ping", "Redis9Pass"],
    ["$ sshpass -p 'Ssh9Pass!' ssh deploy@host", "Ssh9Pass"],
    ["$ htpasswd -bc /etc/nginx/.htpasswd admin Htp4ss9w", "Htp4ss9w"],
    ["$ wandb login 0123abcd4567ef890123abcd4567ef8901234567", "0123abcd4567ef890123"],
    ["C:\\> setx OPENAI_API_KEY Qz9xPl3mVb7nKw2", "Qz9xPl3mVb7nKw2"],
    ["db.internal:5432:app:app:Pgp4ssW0rd", "Pgp4ssW0rd"],
  ])("%s", (line, secret) => {
    expect(out(line)).not.toContain(secret);
  });
});

describe("labels and values apart, names in other forms", () => {
  it.each([
    [
      "botocore Signature on the next line",
      "Signature:\n4f1c9a7e2b6d8c0f3a5e7b9d1c3f5a7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a",
      "4f1c9a7e2b6d",
    ],
    ["kubectl describe secret", "Data\n====\napi_token:\n----\nQk8sTok3nVa1ue\n", "Qk8sTok3nVa1ue"],
    ["CSV header row", "user,password,host\napp,Csv9Passw0rd,db", "Csv9Passw0rd"],
    ["CSV header row, quoted cells", '"u1","password"\n"app","Csv9Passw0rd"', "Csv9Passw0rd"],
    ["CSV header row, indented", "  _user , password\napp,Csv9Passw0rd", "Csv9Passw0rd"],
    ["TSV header row", "user\tpassword\napp\tCsv9Passw0rd", "Csv9Passw0rd"],
    ["acronym camelCase", 'DBPassword = "Acr0nymPw9x"', "Acr0nymPw9x"],
    ["JWTSecret", "JWTSecret: Jwt5ecretVa1ue9", "Jwt5ecretVa1ue9"],
    ["German", "Passwort: Gehe1mPw9x", "Gehe1mPw9x"],
    ["Spanish", "contraseña: Secre7oPw9x", "Secre7oPw9x"],
    ["French", "mot de passe : Fr4ncePw9x", "Fr4ncePw9x"],
    ["Chinese", "密码：Zh0ngPw9x", "Zh0ngPw9x"],
    ["Portuguese, capitalised", "Senha: Br4silPw9x", "Br4silPw9x"],
    ["Portuguese, upper case", "SENHA=Br4silPw9x", "Br4silPw9x"],
    ["Spanish clave", "clave: Cl4vePw9x", "Cl4vePw9x"],
    ["Spanish clave, capitalised", "Clave: Cl4vePw9x", "Cl4vePw9x"],
    ["Spanish clave, upper case", "CLAVE=Cl4vePw9x", "Cl4vePw9x"],
    ["alignment wider than 8 spaces", "password                          W1dePw9x", "W1dePw9x"],
    ["XML element", "<password>Xm1Pw9xq</password>", "Xm1Pw9xq"],
    ["XML key/value", '<add key="ApiKey" value="Xm1Key9xq" />', "Xm1Key9xq"],
    ["Go header map", 'map[string][]string{"Authorization":[]string{"Basic R29QYXNzOXg="}}', "R29QYXNzOXg"],
    ["argv array", '["--api-key", "Argv9KeyValue"]', "Argv9KeyValue"],
  ])("%s", (_name, text, secret) => {
    const o = out(text);
    expect(o).toContain("[REDACTED:");
    expect(o).not.toContain(secret);
  });
});

describe("unquoted values keep their punctuation", () => {
  it.each(["DB_PASSWORD=ab;cd&ef|gh<ij>kl,mn)op]qr}st", 'API_TOKEN=tok"en$9xYz', "SECRET_KEY=$ecr3t!Valu3"])(
    "%s",
    (line) => {
      const value = line.slice(line.indexOf("=") + 1);
      const o = out(line)
        .replace(/\[REDACTED:[a-z0-9-]+#\d+\]/g, "")
        .slice(line.indexOf("="));
      for (const piece of value.match(/[A-Za-z0-9]{2,}/g) ?? [])
        if (piece.length >= 3) expect(o).not.toContain(piece);
    },
  );
});

describe("hex dumps of a key", () => {
  const key = `sk-ant-api03-${"Hx9_Qw-8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm".repeat(3).slice(0, 93)}AA`;
  const xxd = (s: string) => {
    const b = Buffer.from(`${s}\n`);
    const lines: string[] = [];
    for (let o = 0; o < b.length; o += 16) {
      const c = b.subarray(o, o + 16);
      const hex = [...c].map((x) => x.toString(16).padStart(2, "0"));
      const groups: string[] = [];
      for (let g = 0; g < hex.length; g += 2) groups.push(hex.slice(g, g + 2).join(""));
      const ascii = [...c].map((x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : ".")).join("");
      lines.push(`${o.toString(16).padStart(8, "0")}: ${groups.join(" ").padEnd(40)}  ${ascii}`);
    }
    return lines.join("\n");
  };

  it("masks the hex columns and the text column of xxd output", () => {
    const o = out(`$ echo "$ANTHROPIC_API_KEY" | xxd\n${xxd(key)}`);
    expect(o).not.toContain("Hx9_");
    expect(o).not.toContain("4878 395f"); // "Hx9_" as xxd prints it
  });

  it("withholds a dump made right after a command naming a secret", () => {
    const o = out(`$ printf %s "$DB_PASSWORD" | xxd\n${xxd("Dump9Passw0rd")}`);
    expect(o).not.toContain("Dump9Passw0rd".slice(0, 8));
    expect(o).not.toContain("4475 6d70"); // "Dump"
  });
});

describe("echoes", () => {
  it("masks a value again where it appears bare, %-encoded or JSON-escaped", () => {
    const o = out(
      'DB_PASSWORD=Ech0Pw9x!q\nretry with Ech0Pw9x!q\nGET /x?p=Ech0Pw9x%21q\n{"p":"Ech0Pw9x!q"}\nSet-Cookie: sid=Ck9vAlue123; Path=/\nredirect sid Ck9vAlue123',
    );
    expect(o).not.toContain("Ech0Pw9x");
    expect(o).not.toContain("Ck9vAlue123");
  });

  it("masks the echoes of several values that take turns, long and repeated many times", () => {
    // Three long values in turn, a thousand times (their spans come in turn too), each echoed bare once first.
    const values = ["Aa1", "Bb2", "Cc3"].map((p) => `${p}${"x7Q".repeat(30)}${p}`);
    const lines = Array.from({ length: 1000 }, (_, i) => `DB_PASSWORD=${values[i % 3]}`);
    const o = out(`echo ${values[0]} ${values[1]} ${values[2]}\n${lines.join("\n")}`);
    for (const v of values) expect(o).not.toContain(v.slice(0, 20));
    expect(o.split("\n")[0]).toBe("echo [REDACTED:password#1] [REDACTED:password#2] [REDACTED:password#3]");
    // Lines of one width that each start an env assignment are no hard wrap: every name stays, every value
    // keeps its own number.
    expect(o.split("\n").slice(1, 5)).toEqual(
      [1, 2, 3, 1].map((k) => `DB_PASSWORD=[REDACTED:password#${k}]`),
    );
  });

  // An echo inside a span already masked is not pushed only where it could not change that span's kind.
  it.each([1, 30])(
    "names a weaker kind's span it lies inside (%i values: one search each, or the shared scan)",
    (n) => {
      const cookies = Array.from(
        { length: n },
        (_, i) => `Set-Cookie: s${i}=Ck${i}vAlue${1000 + i}xyz; Path=/`,
      );
      const token = "Qx7Ck0vAlue1000xyzW3rT8pL2mN5vB1";
      expect(out(`request id ${token}`)).toBe("request id [REDACTED:high-entropy-token#1]");
      expect(out(`${cookies.join("\n")}\nrequest id ${token}`)).toMatch(
        /\nrequest id \[REDACTED:cookie#\d+\]$/,
      );
    },
  );
});

describe("gitleaks prefix rules", () => {
  it("every rule names its gitleaks source", () => {
    for (const rule of PREFIX_RULES) expect(rule.source).toMatch(/^GL [a-z0-9-]+/);
  });

  it.each([
    ["shpat_", `shpat_${"a1b2c3d4".repeat(4)}`],
    ["dop_v1_", `dop_v1_${"0a1b2c3d".repeat(8)}`],
    ["glpat-", "glpat-Ab3dEf6hIj9kLm2nOp5q"],
    ["mailgun key-", `key-${"0a1b2c3d".repeat(4)}`],
    ["hvs.", `hvs.${"CAESIAbcdEfghIjklMnop1234".repeat(4)}`],
    ["pypi-", `pypi-AgEIcHlwaS5vcmc${"CJDQ4YzE5ZjM0LTc1".repeat(4)}`],
  ])("%s", (_name, token) => {
    const o = out(`token ${token} end`);
    expect(o).not.toContain(token.slice(-12));
  });
});

describe("a JWT hard-wrapped at its dots", () => {
  const jwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  it.each(["", "    "])("leaves no part of it (indent %j)", (indent) => {
    const o = out(`Authorization: Bearer ${jwt}`.replace(/\./g, `.\n${indent}`));
    for (const part of jwt.split(".")) expect(o).not.toContain(part.slice(4, 20));
  });
});

describe("split literals", () => {
  it("joins a hex-bodied token split with + even when its tail looks like a hash", () => {
    const token = `shpat_${"a1b2c3d4".repeat(4)}`;
    const o = out(`const t = "${token.slice(0, 19)}" +\n  "${token.slice(19)}";`);
    expect(o).not.toContain(token.slice(19));
  });
});

describe("evidence survives", () => {
  it.each([
    ["a cache key", "2026-12-07 INFO cache miss key=ticket:81248"],
    ["a batch id in a URL path", "GET /v1/messages/batches/msgbatch_013Zva2CMHLNnXjNJJKqJ2EF/results 200"],
    ["a SigV4 scope, %-encoded", "X-Amz-Credential=ASIA%2F20250930%2Fus-east-1%2Fbedrock%2Faws4_request"],
    [
      "an scp remote",
      "fatal: could not read from remote repository git@github.com:anthropics/claude-code.git",
    ],
    ["a code placeholder", 'client = Anthropic(api_key="api_key")'],
    ["a masked value", "x-api-key: (sensitive value)"],
    ["a request id beside a quoted key", '"sk-ant-api03-short" "req_011CSHoEeqs5C35K2UUqR7Fy"'],
    ["a plain URL", "POST https://api.anthropic.com/v1/messages?beta=true HTTP/2"],
    ["a header name", "x-api-key: $ANTHROPIC_API_KEY"],
  ])("%s", (_name, text) => {
    const o = out(text);
    const keep = text.includes("req_") ? "req_011CSHoEeqs5C35K2UUqR7Fy" : text.includes("sk-ant") ? "" : text;
    if (keep.length > 0) expect(o).toContain(keep);
  });

  it("env lines of one width are no hard wrap: every name and the lines after stay", () => {
    const env = [
      "AWS_SECRET_KEY_A=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "AWS_SECRET_KEY_B=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE2",
      "AWS_REGION_NAME_=us-east-1-and-some-padding-to-width-56x",
      "export API_TOKEN_TWO=3f9c2e7d1a8b4f6e0c5d9a2b7e1f3c8d4a",
    ].join("\n");
    expect(out(env)).toBe(
      [
        "AWS_SECRET_KEY_A=[REDACTED:aws-secret-access-key#1]",
        "AWS_SECRET_KEY_B=[REDACTED:aws-secret-access-key#2]",
        "AWS_REGION_NAME_=us-east-1-and-some-padding-to-width-56x",
        "export API_TOKEN_TWO=[REDACTED:token#1]",
      ].join("\n"),
    );
  });

  it.each([
    ["docker compose", "      - ", "="],
    ["Windows set", "set ", "="],
    ["PowerShell", "$env:", " = "],
  ])("%s lines of one width keep their names", (_name, prefix, sep) => {
    const line = (name: string, value: string) => `${prefix}${name}${sep}${value}`.padEnd(60, "Z");
    const text = [
      line("API_KEY", "3f9c2e7d1a8b4f6e0c5d9a2b7e1f3c8d"),
      line("LOG_LEVEL", "debug"),
      line("REGION", "us"),
    ];
    const o = out(text.join("\n")).split("\n");
    expect(o).toHaveLength(3);
    expect(o[0]).toBe(`${prefix}API_KEY${sep}[REDACTED:api-key#1]`);
    expect(o.slice(1)).toEqual(text.slice(1));
  });

  it("a dotted config of one width keeps its names", () => {
    const text = [
      "spring.datasource.password=3f9c2e7d1a8b4f6e".padEnd(60, "Z"),
      "spring.datasource.url=jdbc:pg://db/x".padEnd(60, "Z"),
      "spring.app.name=orders".padEnd(60, "Z"),
    ];
    expect(out(text.join("\n")).split("\n").slice(1)).toEqual(text.slice(1));
  });

  it("a wrap inside an env name is still followed", () => {
    const command =
      "docker run --rm -e PGHOST=db.internal -e PGUSER=app -e PGDATABASE=orders -e PGPASSWORD_PROD=Hunter2SecretXy psql";
    const o = out(`${command.slice(0, 80)}\n${command.slice(80)}`);
    expect(o).not.toContain("Hunter2");
    expect(o).not.toContain("SecretXy");
  });

  it("a long log with many cache keys keeps them all", () => {
    const log = Array.from(
      { length: 200 },
      (_, i) => `2026-12-07T00:00:${i % 60} INFO cache miss key=ticket:${81248 + i}`,
    ).join("\n");
    expect(out(log)).toBe(log);
  });
});

describe("session cookies outside a Cookie header", () => {
  it.each([
    [
      "Django, as a log prints it",
      "auth failed for sessionid=9f8e7d6c5b4a39281706f5e4d3c2b1a0 path=/",
      "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
      "path=/",
    ],
    [
      "Java in a rewritten URL",
      "GET /cart;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9?item=3 HTTP/1.1",
      "0A1B2C3D4E5F6071",
      ";jsessionid=[REDACTED:cookie#1]?item=3 HTTP/1.1",
    ],
    [
      "Java in a JSON dump",
      '{"JSESSIONID": "F3A9C1E07B5D2468ACE13579BDF02468", "user": 42}',
      "F3A9C1E07B5D2468",
      '"user": 42',
    ],
    ["PHP", "PHPSESSID=k4v9n2b7m1q8w3e6r5t0y1u2i3 expired", "k4v9n2b7m1q8w3e6r5t0y1u2i3", " expired"],
    [
      "Express",
      "connect.sid: s%3AQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz.AbCdEfGhIjKlMnOp",
      "Qw8Er7Ty6Ui5Op4As3Df2",
      "connect.sid: ",
    ],
    [
      "ASP.NET",
      "ASP.NET_SessionId=pq2wer5tyu8iop1asd4fgh7j; path=/",
      "pq2wer5tyu8iop1asd4fgh7j",
      "ASP.NET_SessionId=",
    ],
    [
      "classic ASP",
      "ASPSESSIONIDQQGGQGPD=MBCHLJPBEBPHKAMEKPDOCBAD",
      "MBCHLJPBEBPHKAMEKPDOCBAD",
      "ASPSESSIONIDQQGGQGPD=",
    ],
  ])("%s", (_shape, text, secret, kept) => {
    const o = out(text);
    expect(o).not.toContain(secret);
    expect(o).toContain(kept);
    expect(o).toContain("[REDACTED:cookie#1]");
  });

  it("masks every value of a Python cookie jar as printed, and keeps the names and domains", () => {
    const o = out(
      "<RequestsCookieJar[<Cookie csrftoken=Zx9Qw8Er7Ty6Ui5Op4As3Df for .example.com/>, " +
        "<Cookie sessionid=9f8e7d6c5b4a39281706f5e4d3c2b1a0 for .example.com/>]>",
    );
    expect(o).toBe(
      "<RequestsCookieJar[<Cookie csrftoken=[REDACTED:cookie#1] for .example.com/>, " +
        "<Cookie sessionid=[REDACTED:cookie#2] for .example.com/>]>",
    );
  });

  it("keeps the session ids that are evidence: Claude Code's session_id and an API's sessionId", () => {
    const text =
      '{"session_id": "3f2a9c1e-07b5-4d24-8ace-13579bdf0246", "sessionId": "a1b2c3d4-e5f6-4789-abcd-ef0123456789", "transcript_path": "/tmp/t.jsonl"}';
    expect(out(text)).toBe(text);
  });
});

describe("secrets in shapes a probe of real tools' output found unread (2026-12-07)", () => {
  // Each: the text, the secret (no 8 characters of it may survive), and the evidence beside it that must.
  it.each([
    [
      "an Elixir/Erlang header tuple",
      '[{"x-api-key", "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"}, {"anthropic-version", "2023-06-01"}]',
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      '{"anthropic-version", "2023-06-01"}',
    ],
    [
      "Swift's setValue(_:forHTTPHeaderField:)",
      'request.setValue("Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk", forHTTPHeaderField: "x-api-key")',
      "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk",
      'forHTTPHeaderField: "x-api-key")',
    ],
    [
      "Objective-C's setValue:forHTTPHeaderField:, a Bearer token",
      '[request setValue:@"Bearer Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk" forHTTPHeaderField:@"Authorization"];',
      "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk",
      'forHTTPHeaderField:@"Authorization"]',
    ],
    [
      "ldapsearch's bind password, and its search base kept",
      'ldapsearch -x -H ldap://ldap.corp:389 -D "cn=admin,dc=corp" -w Lp9#xQ2vRt -b "ou=people,dc=corp"',
      "Lp9#xQ2vRt",
      '-b "ou=people,dc=corp"',
    ],
    [
      "ldapwhoami with the password glued on",
      "ldapwhoami -x -D cn=admin -wLp9#xQ2vRt",
      "Lp9#xQ2vRt",
      "-D cn=admin",
    ],
    [
      "openssl's -pass pass:",
      "openssl enc -aes-256-cbc -in a.txt -out a.enc -pass pass:Mq7$Tz2pWx9k",
      "Mq7$Tz2pWx9k",
      "-out a.enc -pass pass:",
    ],
    [
      "keytool's -storepass",
      "keytool -list -keystore app.jks -storepass Kt5!storeP4ss",
      "Kt5!storeP4ss",
      "app.jks",
    ],
    [
      "az login -p",
      "az login -u svc@corp.com -p 'Az7^loginPw9' --tenant corp",
      "Az7^loginPw9",
      "--tenant corp",
    ],
    [
      "helm registry login -p",
      "helm registry login registry.corp -u bot -p Hm7!regPw99",
      "Hm7!regPw99",
      "registry.corp",
    ],
    [
      "fish's set -gx",
      "set -gx ANTHROPIC_API_KEY Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz\nclaude -p hi",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "claude -p hi",
    ],
    [
      "csh's setenv",
      "setenv ANTHROPIC_AUTH_TOKEN Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "setenv ANTHROPIC_AUTH_TOKEN",
    ],
    [
      "a Dockerfile's ENV NAME value",
      "ENV API_TOKEN Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz\nRUN npm ci",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "RUN npm ci",
    ],
    [
      "Postman's key/value header",
      '{"key": "x-api-key", "value": "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz", "type": "text"}',
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      '"type": "text"',
    ],
    [
      "SSM get-parameter, a field between name and value",
      '{"Parameter": {"Name": "/prod/db/password", "Type": "SecureString", "Value": "Ss9!mParamPw", "Version": 3}}',
      "Ss9!mParamPw",
      '"Name": "/prod/db/password", "Type": "SecureString", "Value": "',
    ],
    [
      "CloudFormation parameters: the key names, the value is masked",
      '"Parameters": [{"ParameterKey": "DbPassword", "ParameterValue": "Cf7!stackPw99"}, {"ParameterKey": "Env", "ParameterValue": "prod"}]',
      "Cf7!stackPw99",
      '{"ParameterKey": "Env", "ParameterValue": "prod"}',
    ],
    [
      "a Kubernetes env list in YAML",
      "env:\n- name: DB_PASSWORD\n  value: Pg7!secretPw\n- name: LOG_LEVEL\n  value: debug",
      "Pg7!secretPw",
      "- name: LOG_LEVEL\n  value: debug",
    ],
    [
      "a token in a URL fragment ends at &",
      "Redirected to https://app.example.com/cb#access_token=Qw8Er7Ty6Ui5Op4As3Df2Gh1&token_type=Bearer&expires_in=3599",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1",
      "&token_type=Bearer&expires_in=3599",
    ],
    [
      "PHP's var_dump",
      'array(2) {\n  ["api_key"]=>\n  string(30) "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"\n  ["model"]=>\n  string(17) "claude-sonnet-4-5"\n}',
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      'string(17) "claude-sonnet-4-5"',
    ],
    [
      "Node's util.inspect of a header list",
      "Headers { [Symbol(map)]: { 'x-api-key': [ 'Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz' ], accept: [ 'application/json' ] } }",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "accept: [ 'application/json' ]",
    ],
    [
      "undici's header map, unquoted name and value keys",
      "Map(2) { 'x-api-key' => { name: 'x-api-key', value: 'Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz' }, 'accept' => { name: 'accept', value: 'application/json' } }",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "{ name: 'accept', value: 'application/json' }",
    ],
    [
      "gh secret set --body",
      'gh secret set ANTHROPIC_API_KEY --body "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz" --repo org/app',
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "--repo org/app",
    ],
    [
      "aws configure set",
      "aws configure set aws_secret_access_key Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8A --profile prod",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8A",
      "--profile prod",
    ],
    [
      "npm config set, a registry's token",
      "npm config set //registry.npmjs.org/:_authToken Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "npm config set //registry.npmjs.org/:_authToken ",
    ],
    [
      "git config --global, a token setting",
      "git config --global github.token Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "git config --global github.token ",
    ],
    [
      "macOS keychain, security add-generic-password -w",
      "security add-generic-password -a dev -s anthropic -w 'Kc7!chainPw99' -U",
      "Kc7!chainPw99",
      "-s anthropic",
    ],
    [
      "Windows cmdkey /pass:",
      "cmdkey /add:fileserver /user:corp\\dev /pass:Wn7!cmdkeyPw",
      "Wn7!cmdkeyPw",
      "/add:fileserver",
    ],
    [
      "sqlcmd -P",
      "sqlcmd -S db.corp -U sa -P 'Sq7!lcmdPass' -Q \"select 1\"",
      "Sq7!lcmdPass",
      '-Q "select 1"',
    ],
    [
      "mongo -p",
      "mongo --host db -u admin -p 'M0ng0!Pass#1' --authenticationDatabase admin",
      "M0ng0!Pass#1",
      "admin",
    ],
    [
      "smbclient -U user%password",
      "smbclient //fs/share -U corp/dev%Sm7!bPass99",
      "Sm7!bPass99",
      "-U corp/dev%",
    ],
    [
      "sqlplus user/password@db",
      "sqlplus scott/T1ger!Pw9@db.corp:1521/ORCLPDB1",
      "T1ger!Pw9",
      "@db.corp:1521/ORCLPDB1",
    ],
    [
      "expdp user/password@db",
      "expdp system/Manag3r#1@orcl schemas=HR directory=DP_DIR",
      "Manag3r#1",
      "schemas=HR",
    ],
    [
      "MinIO's mc alias set",
      "mc alias set myminio http://minio:9000 minioadmin Mn7!ioSecretKey99",
      "Mn7!ioSecretKey99",
      "http://minio:9000",
    ],
    ["rabbitmqctl add_user", "rabbitmqctl add_user svc Rb7!mqPass99", "Rb7!mqPass99", "add_user svc"],
    ["htpasswd -nb (no file)", "htpasswd -nb admin Ht7!pwPass99", "Ht7!pwPass99", "htpasswd -nb admin"],
    [
      "echo into docker login --password-stdin",
      "echo 'Dk7!secretPw99' | docker login -u bot --password-stdin ghcr.io",
      "Dk7!secretPw99",
      "--password-stdin ghcr.io",
    ],
    [
      "PowerShell's ConvertTo-SecureString -AsPlainText",
      '$pw = ConvertTo-SecureString "Zq8#pLm2$vX9wRt4" -AsPlainText -Force',
      "Zq8#pLm2$vX9wRt4",
      "-AsPlainText -Force",
    ],
    [
      "a default after process.env",
      "const apiKey = process.env.ANTHROPIC_API_KEY || 'Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz';",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "process.env.ANTHROPIC_API_KEY || '",
    ],
    [
      "a shell parameter's default",
      'API_KEY="${ANTHROPIC_API_KEY:-Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz}"',
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "${ANTHROPIC_API_KEY:-",
    ],
    [
      "nginx's proxy_set_header",
      "proxy_set_header X-Api-Key Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz;\nproxy_set_header Host $host;",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "proxy_set_header Host $host;",
    ],
    [
      "Apache's RequestHeader",
      'RequestHeader set X-Api-Key "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"',
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "RequestHeader set X-Api-Key",
    ],
    [
      "a Markdown table of variables",
      "| Name | Value |\n|---|---|\n| ANTHROPIC_API_KEY | Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz |\n| REGION | us-east-1 |",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "| REGION | us-east-1 |",
    ],
    [
      "tab-separated pairs",
      "ANTHROPIC_API_KEY\tQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz\nREGION\tus-east-1",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "REGION\tus-east-1",
    ],
    [
      "doppler secrets set NAME VALUE",
      "doppler secrets set ANTHROPIC_API_KEY Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "doppler secrets set ANTHROPIC_API_KEY",
    ],
    [
      "Envoy's YAML flow mapping",
      "request_headers_to_add:\n  - header: {key: x-api-key, value: Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz}\n    append: false",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "key: x-api-key",
    ],
    [
      "Claude Code's customApiKeyResponses (the ends of keys)",
      '"customApiKeyResponses": {"approved": ["Qw8Er7Ty6Ui5Op4As3Df"], "rejected": []}',
      "Qw8Er7Ty6Ui5Op4As3Df",
      '{"approved": ["',
    ],
    [
      "1Password's field JSON: label and value, and a key's next key is no argv pair",
      '{"id": "password", "type": "CONCEALED", "purpose": "PASSWORD", "label": "password", "value": "Op7!onePass99"}',
      "Op7!onePass99",
      '{"id": "password", "type": "CONCEALED", "purpose": "PASSWORD", "label": "password", "value": "',
    ],
    [
      "/proc/<pid>/environ, NUL-joined",
      "ANTHROPIC_API_KEY=kP3xR9vL2mQ8wT5nB7cZ4hJ6fD1gS0aY\u0000HOME=/home/app\u0000",
      "kP3xR9vL2mQ8wT5nB7cZ4hJ6fD1gS0aY",
      "\u0000HOME=/home/app\u0000",
    ],
    [
      "STS credentials: the object's secrets masked, its expiry kept",
      '{"Credentials": {"AccessKeyId": "ASIAQW8ER7TY6UI5OP4A", "SecretAccessKey": "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8A", "Expiration": "2026-12-07T22:00:00Z"}}',
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8A",
      '"Expiration": "2026-12-07T22:00:00Z"',
    ],
    [
      "a pretty-printed list under a secret's name",
      '"apiKeys": [\n  "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",\n  "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk"\n],\n"region": "us"',
      "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk",
      '"region": "us"',
    ],
    [
      "mosquitto_pub -P",
      "mosquitto_pub -h broker -u dev -P 'Mq7!ttPass99' -t sensors/temp",
      "Mq7!ttPass99",
      "-t sensors/temp",
    ],
    [
      "cqlsh -p",
      "cqlsh cassandra.corp 9042 -u cassandra -p 'Cq7!lshPass9'",
      "Cq7!lshPass9",
      "cassandra.corp 9042",
    ],
    [
      "lftp -u user,password",
      "lftp -u deploy,Lf7!tpPass99 sftp://files.corp",
      "Lf7!tpPass99",
      "sftp://files.corp",
    ],
    ["zip -P", "zip -P Zp7!archivePw -r backup.zip data/", "Zp7!archivePw", "-r backup.zip data/"],
    ["7z -p glued", "7z a -pSv7!zipPass99 -mhe=on backup.7z data", "Sv7!zipPass99", "-mhe=on backup.7z data"],
    [
      "ssh-keygen -N",
      "ssh-keygen -t ed25519 -N 'Kg7!passphrase9' -f ~/.ssh/deploy",
      "Kg7!passphrase9",
      "-f ~/.ssh/deploy",
    ],
    [
      "pulumi config set --secret",
      "pulumi config set --secret dbPassword Pl7!umiPass99",
      "Pl7!umiPass99",
      "pulumi config set --secret dbPassword",
    ],
    [
      "az keyvault secret set --name --value",
      "az keyvault secret set --vault-name prod-kv --name DbPassword --value 'Kv7!aultPass9'",
      "Kv7!aultPass9",
      "--vault-name prod-kv --name DbPassword",
    ],
    [
      "aws ssm put-parameter --name --value",
      "aws ssm put-parameter --name /prod/db/password --value 'Ss7!mPutPass9' --type SecureString",
      "Ss7!mPutPass9",
      "--type SecureString",
    ],
    [
      "an Italian key label",
      "chiave API: Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "chiave API:",
    ],
    [
      "a French key label",
      "Clé d'API : Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Clé d'API :",
    ],
    [
      "a Japanese key label",
      "APIキー：Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "APIキー：",
    ],
    [
      "a Russian token label",
      "токен: Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "токен:",
    ],
  ])("%s", (_shape, text, secret, kept) => {
    const o = out(text);
    for (let i = 0; i + 8 <= secret.length; i++) expect(o).not.toContain(secret.slice(i, i + 8));
    expect(o).toContain(kept);
  });

  it("keeps prose after a secret's name, and an attribute pair after a quoted one", () => {
    for (const prose of [
      "the X-Api-Key header was missing",
      "ANTHROPIC_API_KEY is not set",
      'set ANTHROPIC_API_KEY "" in the shell',
      "ANTHROPIC_API_KEY       0f1e2d3c4b5a6978        2m ago",
    ])
      expect(out(prose)).toBe(prose);
    // The attribute pair is the XML reader's: its value is masked, the `value=` kept.
    expect(out('<add key="ApiKey" value="Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz" />')).toBe(
      '<add key="ApiKey" value="[REDACTED:api-key#1]" />',
    );
  });

  it("reads an object under a secret's name whichever reader finds it, before or after one read already", () => {
    const o = out(
      '{"name": "apiKeys", "value": {"a": "Xy7!valueObj9"}} then {"secrets": {"db": "Pq8!zzNestPw"}}',
    );
    expect(o).not.toContain("Xy7!valueObj9");
    expect(o).not.toContain("Pq8!zzNestPw");
    expect(o).toContain('"name": "apiKeys", "value": {"a": "');
  });

  it("does not take prose's `login` or a path's `password` for a command or a bare label", () => {
    const prose = "interactive login (browser or code) and command `claude -p . --model haiku` fail";
    expect(out(prose)).toBe(prose);
    const path = '{"Name": "/prod/db/password", "Type": "SecureString"}';
    expect(out(path)).toBe(path);
  });
});

describe("names ending in `pw` (found on 2026-12-08: the scan's secret words are three characters or longer)", () => {
  it.each([
    ["DB_PW=Zq9xLm2nVb7k", "DB_PW=[REDACTED:password#1]"],
    ["export ADMIN_PW='s3cr3t!xQ'", "export ADMIN_PW='[REDACTED:password#1]'"],
    ['{"db_pw": "Zq9xLm2nVb7k", "db_user": "app"}', '{"db_pw": "[REDACTED:password#1]", "db_user": "app"}'],
    ["mysql.pw = Zq9xLm2nVb7k", "mysql.pw = [REDACTED:password#1]"],
    ["pw: Zq9xLm2nVb7k", "pw: [REDACTED:password#1]"],
    [
      "GET /login?user=a&pw=Zq9xLm2nVb7k&next=/home",
      "GET /login?user=a&pw=[REDACTED:query-credential#1]&next=/home",
    ],
    ["smtp_pw => 'Lm2nVb7kPw4t'", "smtp_pw => '[REDACTED:password#1]'"],
  ])("masks %s", (text, masked) => {
    expect(out(text)).toBe(masked);
  });

  it.each([
    "pwa=manifest.json",
    "pw_reset_url=https://x.example/reset",
    "the pw: is required",
    "upward: 5",
    "PWD=/home/app",
  ])("keeps %s", (text) => {
    expect(out(text)).toBe(text);
  });

  it("counts as a secret's name for the other readers too", () => {
    const o = out('{"Name": "DB_PW", "Value": "Zq9xLm2nVb7k"}');
    expect(o).not.toContain("Zq9xLm2nVb7k");
    expect(o).toContain('"Name": "DB_PW"');
  });
});
