import { isWordLike } from "./chars";
import { emitNamedValue, type Detector, type Emit } from "./detectors";
import { classifyNameCached, isBenignValue, isPlaceholderFor, kindForName } from "./values";

/**
 * Per-syntax readers for the pair syntaxes the generic `name: value` reader cannot see: each knows where its
 * own values start and end (redaction.md §4 "Name and value apart", issue 12).
 */

function lines(text: string, fn: (line: string, at: number) => void): void {
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end > at && text[end - 1] === "\r" ? end - 1 : end);
    fn(line, at);
    if (nl < 0) break;
    at = nl + 1;
  }
}

/** Shell words of a command line with their offsets (quotes dropped from the value's extent). */
function shellWords(line: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
    if (i >= line.length) break;
    const q = line[i];
    if (q === '"' || q === "'") {
      const close = line.indexOf(q, i + 1);
      const end = close < 0 ? line.length : close;
      out.push({ word: line.slice(i + 1, end), start: i + 1, end });
      i = end + 1;
      continue;
    }
    const s = i;
    while (i < line.length && line[i] !== " " && line[i] !== "\t") i++;
    out.push({ word: line.slice(s, i), start: s, end: i });
  }
  return out;
}

const SHELL_OPERATOR = /^(?:&&|\|\||[;|>]|>>|2>&1)$/;

/**
 * Command lines that take a secret without `name=`: `mysql -pPW`, `redis-cli -a PW`, `sshpass -p PW`,
 * `htpasswd -b file user PW`, `wandb login KEY`, `setx NAME VALUE`, `docker login -p PW`.
 */
const COMMANDS =
  /\b(?:mysql|mysqldump|mysqladmin|mariadb|redis-cli|sshpass|htpasswd|wandb|setx|docker|podman|heroku)\b/;
export const commandSecrets: Detector = (text, emit) => {
  if (!COMMANDS.test(text)) return;
  lines(text, (line, at) => {
    if (!COMMANDS.test(line)) return;
    const words = shellWords(line);
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      if (w === undefined) continue;
      const cmd = w.word.replace(/^.*\//, "");
      const args = words.slice(k + 1);
      const stop = args.findIndex((a) => SHELL_OPERATOR.test(a.word));
      const own = stop < 0 ? args : args.slice(0, stop);
      const mask = (
        a: { word: string; start: number; end: number } | undefined,
        kind = "password",
        skip = 0,
      ) => {
        if (a === undefined) return;
        const v = a.word.slice(skip);
        if (v.length > 0 && !isBenignValue(v) && !(v.startsWith("$") && /^\$\{?\w+\}?$/.test(v)))
          emit(at + a.start + skip, at + a.end, kind);
      };
      if (/^(?:mysql|mysqldump|mysqladmin|mariadb)$/.test(cmd)) {
        for (const a of own) if (/^-p./.test(a.word)) mask(a, "password", 2);
      } else if (cmd === "redis-cli") {
        own.forEach((a, j) => {
          if (a.word === "-a" || a.word === "--pass") mask(own[j + 1]);
        });
      } else if (cmd === "sshpass") {
        own.forEach((a, j) => {
          if (a.word === "-p") mask(own[j + 1]);
          else if (/^-p./.test(a.word)) mask(a, "password", 2);
        });
      } else if (cmd === "htpasswd") {
        const flags = own.find((a) => /^-[a-zA-Z]*b/.test(a.word));
        if (flags !== undefined) {
          const positional = own.filter((a) => !a.word.startsWith("-"));
          mask(positional[2]);
        }
      } else if (cmd === "wandb" && own[0]?.word === "login") {
        mask(
          own.find((a, j) => j > 0 && !a.word.startsWith("-")),
          "api-key",
        );
      } else if (cmd === "setx") {
        const name = own[0];
        if (name !== undefined && classifyNameCached(name.word) !== null)
          mask(own[1], kindForName(name.word));
      } else if (cmd === "docker" || cmd === "podman" || cmd === "heroku") {
        own.forEach((a, j) => {
          if ((a.word === "-p" || a.word === "--password") && own[0]?.word === "login") mask(own[j + 1]);
        });
      }
    }
  });
};

/** `.pgpass` lines `host:port:database:user:password` (RFC-less, PostgreSQL docs "The Password File"). */
const PGPASS = /^[^\s:]{1,253}:(?:\d{1,5}|\*):[^\s:]{1,128}:[^\s:]{1,128}:(\S{1,512})$/;
export const pgpassLines: Detector = (text, emit) => {
  lines(text, (line, at) => {
    if (line.length > 1024 || line.indexOf(":") < 0) return;
    const m = PGPASS.exec(line);
    const pw = m?.[1];
    if (m && pw !== undefined && !isBenignValue(pw))
      emit(at + line.length - pw.length, at + line.length, "password");
  });
};

/** XML `<password>V</password>` elements and `<add key="ApiKey" value="V"/>` / `name=… value=…` attributes. */
const XML_OPEN = /<([A-Za-z_][\w.:-]{0,80})(?:\s[^<>]{0,400})?>/g;
const XML_PAIR = /\b(?:key|name)\s{0,4}=\s{0,4}"([^"<>]{1,80})"\s{1,40}value\s{0,4}=\s{0,4}"([^"]{0,4096})"/g;
export const xmlPairs: Detector = (text, emit) => {
  if (text.indexOf("<") < 0) return;
  XML_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = XML_OPEN.exec(text)) !== null) {
    const tag = (m[1] ?? "").replace(/^.*:/, "");
    if (classifyNameCached(tag) !== "secret") continue;
    const s = m.index + m[0].length;
    const close = text.indexOf("</", s);
    if (close < 0 || close - s > 8192) continue;
    const value = text.slice(s, close).trim();
    if (value.length === 0 || value.includes("<") || isBenignValue(value)) continue;
    const from = s + text.slice(s, close).indexOf(value);
    emit(from, from + value.length, kindForName(tag));
  }
  XML_PAIR.lastIndex = 0;
  while ((m = XML_PAIR.exec(text)) !== null) {
    const name = m[1] ?? "";
    const value = m[2] ?? "";
    if (classifyNameCached(name) === null || value.length === 0) continue;
    if (isBenignValue(value) || isPlaceholderFor(name, value)) continue;
    const from = m.index + m[0].length - 1 - value.length;
    emit(from, from + value.length, kindForName(name));
  }
};

/** CSV or TSV tables whose header row names a secret column: that column of every following row. */
export const csvColumns: Detector = (text, emit) => {
  if (text.indexOf(",") < 0 && text.indexOf("\t") < 0) return;
  let header: { sep: string; columns: Array<[number, string]>; width: number } | null = null;
  lines(text, (line, at) => {
    if (header !== null) {
      const cells = line.split(header.sep);
      if (line.trim().length === 0 || cells.length !== header.width) {
        header = null;
      } else {
        let offset = 0;
        cells.forEach((cell, i) => {
          const col = header?.columns.find(([c]) => c === i);
          const v = cell.trim().replace(/^"(.*)"$/, "$1");
          if (col !== undefined && v.length > 0 && !isBenignValue(v)) {
            const from = at + offset + cell.indexOf(v);
            emit(from, from + v.length, kindForName(col[1]));
          }
          offset += cell.length + 1;
        });
        return;
      }
    }
    for (const sep of [",", "\t"]) {
      if (!line.includes(sep)) continue;
      const cells = line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
      if (cells.length < 2 || cells.length > 64 || !cells.every((c) => /^[A-Za-z_][\w .-]{0,60}$/.test(c)))
        continue;
      const columns = cells.flatMap((c, i): Array<[number, string]> =>
        classifyNameCached(c) === "secret" ? [[i, c]] : [],
      );
      if (columns.length > 0) header = { sep, columns, width: cells.length };
      break;
    }
  });
};

/**
 * A label alone on its line and the value on the next: `kubectl describe secret` (`api_token:` then `----`
 * then the value), botocore's `Signature:` with the hex below it, YAML block scalars (`password: |`).
 */
const LABEL_LINE = /^\s{0,20}([A-Za-z_][\w.-]{0,80})\s{0,4}:\s{0,4}(?:[|>][-+]?)?\s{0,4}$/;
export const labelLines: Detector = (text, emit) => {
  let pending: string | null = null;
  lines(text, (line, at) => {
    if (pending !== null) {
      const trimmed = line.trim();
      if (/^-{3,}$/.test(trimmed) || /^={3,}$/.test(trimmed)) return; // kubectl's underline
      const name = pending;
      pending = null;
      if (trimmed.length === 0 || trimmed.length > 8192) return;
      if (LABEL_LINE.test(line) || isWordLike(trimmed) || isBenignValue(trimmed)) return;
      const from = at + line.indexOf(trimmed);
      emit(from, from + trimmed.length, kindForName(name));
      return;
    }
    const m = LABEL_LINE.exec(line);
    if (m && classifyNameCached(m[1] ?? "") !== null) pending = m[1] ?? null;
  });
};

/** Labels in other languages: `Passwort:`, `contraseña:`, `mot de passe :`, `密码：`, `パスワード:` … */
const FOREIGN_LABEL =
  /(?:passwort|kennwort|contraseña|contrasena|clave|mot de passe|mot_de_passe|senha|wachtwoord|hasło|haslo|lösenord|losenord|adgangskode|salasana|parola|пароль|密码|密碼|口令|パスワード|비밀번호|كلمة المرور|סיסמה|şifre|sifre|heslo|jelszó|geslo|κωδικός)[ \t]{0,8}[:=：][ \t]{0,8}/gi;
export const foreignLabels: Detector = (text, emit: Emit) => {
  FOREIGN_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FOREIGN_LABEL.exec(text)) !== null)
    emitNamedValue(text, "password", m.index + m[0].length, true, emit);
};

/** argv and tuple arrays: `["--api-key", "V"]`, `("password", "V")`, `['-p', 'V']`. */
const ARRAY_PAIR = /[[(,][ \t]{0,8}(["'])(-{0,2}[A-Za-z_][\w.-]{0,80})\1[ \t]{0,4},[ \t]{0,4}(?=["'])/g;
export const arrayPairs: Detector = (text, emit) => {
  ARRAY_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ARRAY_PAIR.exec(text)) !== null) {
    const name = (m[2] ?? "").replace(/^-+/, "");
    emitNamedValue(text, name, m.index + m[0].length, false, emit);
  }
};
