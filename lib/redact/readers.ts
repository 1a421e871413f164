import { isNameCode, isSpace, isWordLike, looksRandom, lowerBound } from "./chars";
import { LEAD_ARRAY, leadMatches, scanText } from "./scan";
import { emitNamedValue, type Detector, type Emit } from "./detectors";
import {
  ASP_SESSION_COOKIE,
  SESSION_COOKIE_NAMES,
  classifyNameCached,
  isBenignValue,
  isPlaceholderFor,
  kindForName,
} from "./values";

/**
 * Per-syntax readers for the pair syntaxes the generic `name: value` reader cannot see: each knows where its
 * own values start and end (redaction.md §4 "Name and value apart", issue 12).
 */

/** The lines that hold a secret word (a label, a header row), from the shared scan; each line once. */
function secretWordLines(text: string): Int32Array {
  const words = scanText(text).words;
  if (lineMemo !== null && lineMemo.words === words) return lineMemo.lines;
  const out = new Int32Array(2 * words.length);
  let n = 0;
  let lineEnd = -1;
  for (const w of words) {
    if (w <= lineEnd) continue;
    // Back to the line start by hand (lastIndexOf is a slow call for this); never past the previous line.
    let a = w;
    while (a > 0 && a > lineEnd + 1 && text.charCodeAt(a - 1) !== 10) a--;
    const nl = text.indexOf("\n", w);
    lineEnd = nl < 0 ? text.length : nl;
    out[n++] = a;
    out[n++] = lineEnd;
  }
  const lines = out.subarray(0, n);
  lineMemo = { words, lines };
  return lines;
}

/** The last `secretWordLines` answer (the CSV and label readers ask for the same view in turn). */
let lineMemo: { words: Int32Array; lines: Int32Array } | null = null;

function lineAt(text: string, at: number): { line: string; at: number; next: number } | null {
  if (at > text.length) return null;
  const nl = text.indexOf("\n", at);
  const end = nl < 0 ? text.length : nl;
  const line = text.slice(at, end > at && text[end - 1] === "\r" ? end - 1 : end);
  return { line, at, next: nl < 0 ? text.length + 1 : nl + 1 };
}

/**
 * Shell words of the command line text[from, to), as offsets into `text` (quotes dropped from the value's
 * extent): word k is text[wordStart[k], wordEnd[k]). Returns the word count. Offsets, not strings or objects:
 * a megabyte line of commands made a string and an object per word.
 */
function shellWords(text: string, from: number, to: number): number {
  // At most one word per two characters and one more (a word and its space, or an empty quote pair).
  const most = ((to - from) >> 1) + 1;
  if (wordStart.length < most) {
    wordStart = new Int32Array(most);
    wordEnd = new Int32Array(most);
  }
  let n = 0;
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9) {
      if (++i >= to) return n;
      c = text.charCodeAt(i);
    }
    if (c === 34 || c === 39) {
      // The closing quote on this line (indexOf would look past it, to the end of the paste, at every quote).
      let end = i + 1;
      while (end < to && text.charCodeAt(end) !== c) end++;
      wordStart[n] = i + 1;
      wordEnd[n++] = end;
      i = end + 1;
      continue;
    }
    const s = i;
    while (i < to && (c = text.charCodeAt(i)) !== 32 && c !== 9) i++;
    wordStart[n] = s;
    wordEnd[n++] = i;
  }
  return n;
}

/** `shellWords`' answer, kept between lines (and dropped after a call that needed a large one). */
let wordStart = new Int32Array(256);
let wordEnd = new Int32Array(256);

/** Whether text[s, e) is `lit`. */
function wordIs(text: string, s: number, e: number, lit: string): boolean {
  return e - s === lit.length && hasAt(text, s, lit);
}

/** A shell operator word: `&&`, `||`, `;`, `|`, `>`, `>>`, `2>&1`. */
function isShellOperator(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  switch (e - s) {
    case 1:
      return c === 59 || c === 124 || c === 62;
    case 2:
      return (c === 38 || c === 124 || c === 62) && text.charCodeAt(s + 1) === c;
    case 4:
      return hasAt(text, s, "2>&1");
    default:
      return false;
  }
}

/** An `htpasswd` batch flag (`-b`, `-bc`, `-cb`, …): a `b` among the letters after the dash. */
function isBatchFlag(text: string, s: number, e: number): boolean {
  if (s >= e || text.charCodeAt(s) !== 45) return false;
  for (let i = s + 1; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 98) return true;
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return false;
}

/** A `-pVALUE` word (`/^-p./`: the character after `-p` is not a line terminator). */
function isGluedP(text: string, s: number, e: number): boolean {
  if (e - s < 3 || text.charCodeAt(s) !== 45 || text.charCodeAt(s + 1) !== 112) return false;
  const c = text.charCodeAt(s + 2);
  return c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029;
}

const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * The command a word names, past any directory (`/usr/bin/mysql`), or null. As `word.replace(/^.*\//, "")`
 * did: `.` stops at a line terminator, so a word with one in it names nothing.
 */
function commandName(text: string, s: number, e: number): Command | null {
  let slash = e - 1;
  while (slash >= s && text.charCodeAt(slash) !== 47) {
    if (e - slash > LONGEST_COMMAND) return null;
    slash--;
  }
  const first = text.charCodeAt(slash + 1);
  if (first >= 128 || COMMAND_FIRSTS[first] !== 1) return null;
  const commands = COMMANDS_BY_LENGTH[e - slash - 1];
  if (commands === undefined) return null;
  for (const command of commands) {
    if (!hasAt(text, slash + 1, command.name)) continue;
    for (let i = s; i < slash; i++) if (isLineTerminator(text.charCodeAt(i))) return null;
    return command;
  }
  return null;
}

/** Whether `lit` is at text[at] (by character: a startsWith call per word cost more than the compare). */
function hasAt(text: string, at: number, lit: string): boolean {
  for (let i = 0; i < lit.length; i++) if (text.charCodeAt(at + i) !== lit.charCodeAt(i)) return false;
  return true;
}

/**
 * Command lines that take a secret without `name=`: `mysql -pPW`, `redis-cli -a PW`, `sshpass -p PW`,
 * `htpasswd -b file user PW`, `wandb login KEY`, `setx NAME VALUE` (and csh's `setenv NAME VALUE`, fish's
 * `set -gx NAME VALUE`, a Dockerfile's `ENV NAME VALUE`), `docker login -p PW` (any `… login -p PW`:
 * `az login`, `oc login`, `helm registry login`), `ldapsearch -w PW`, `openssl … -passin pass:PW`.
 */
/** MongoDB's shells and tools: `-p PW`. */
const MONGO_TOOLS = [
  "mongo",
  "mongosh",
  "mongodump",
  "mongorestore",
  "mongoexport",
  "mongoimport",
  "mongostat",
  "mongotop",
];
/** Oracle's tools: `user/password@db` as an argument. */
const ORACLE_TOOLS = ["sqlplus", "expdp", "impdp", "rman", "sqlldr"];
/** Samba's tools: `-U user%password`. */
const SAMBA_TOOLS = new Set(["smbclient", "rpcclient", "smbmap"]);
/** Tools whose `config set NAME VALUE` sets a setting (`npm config set //registry/:_authToken T`). */
const CONFIG_TOOLS = new Set(["npm", "yarn", "pnpm", "pulumi"]);
/** Tools whose password follows a flag of their own (`mosquitto_pub -P PW`, `zip -P PW`, `ssh-keygen -N PW`). */
const FLAG_PASSWORD_TOOLS = new Map([
  ["mosquitto_pub", ["-P"]],
  ["mosquitto_sub", ["-P"]],
  ["mosquitto_rr", ["-P"]],
  ["cqlsh", ["-p"]],
  ["zip", ["-P"]],
  ["unzip", ["-P"]],
  ["zipcloak", ["-P"]],
  ["ssh-keygen", ["-N", "-P"]],
]);
const LDAP_TOOLS = [
  "ldapsearch",
  "ldapmodify",
  "ldapadd",
  "ldapdelete",
  "ldapwhoami",
  "ldappasswd",
  "ldapcompare",
  "ldapmodrdn",
  "ldapexop",
];
/** Tools whose `login` takes `-p PW` (`helm registry login`, `crane auth login`: the word before `login`). */
const LOGIN_TOOLS = new Set([
  "docker",
  "podman",
  "buildah",
  "skopeo",
  "nerdctl",
  "oras",
  "heroku",
  "az",
  "oc",
  "cf",
  "ibmcloud",
  "registry",
  "auth",
]);
/** Whether text[s, e) names a tool of LOGIN_TOOLS, past any directory (`/usr/bin/docker`). */
function isLoginTool(text: string, s: number, e: number): boolean {
  if (e - s > 256) return false;
  const word = text.slice(s, e);
  return LOGIN_TOOLS.has(word.slice(word.lastIndexOf("/") + 1));
}
export const COMMAND_ANCHORS = [
  "mysql",
  "mariadb",
  "redis-cli",
  "sshpass",
  "htpasswd",
  "wandb",
  "setx",
  "setenv",
  "set -",
  "ENV ",
  "login",
  "nssl",
  "ldap",
  "onfig",
  "gh secret",
  "sqlcmd",
  "bcp ",
  "mongo",
  "sqlplus",
  "expdp",
  "impdp",
  "rman",
  "sqlldr",
  "smbclient",
  "rpcclient",
  "smbmap",
  "mc alias",
  "config host",
  "rabbitmqctl",
  "-password -",
  "cmdkey",
  "--value",
  "mosquitto_",
  "cqlsh",
  "lftp",
  "zip -P",
  "7z",
  "ssh-keygen",
];
/**
 * The commands `commandSecrets` reads, by name (the anchors above only say when to read: `mysql` finds the mysql
 * tools, `onfig` the `config` commands).
 */
const COMMAND_NAMES = new Set([
  "mysql",
  "mysqldump",
  "mysqladmin",
  "mariadb",
  "redis-cli",
  "sshpass",
  "htpasswd",
  "wandb",
  "setx",
  "setenv",
  "set",
  "ENV",
  "login",
  "openssl",
  "config",
  "configure",
  "secret",
  "sqlcmd",
  "bcp",
  "rabbitmqctl",
  "security",
  "cmdkey",
  "mc",
  "az",
  "aws",
  "lftp",
  "7z",
  "7za",
  "7zz",
  "7zr",
  ...LDAP_TOOLS,
  ...MONGO_TOOLS,
  ...ORACLE_TOOLS,
  ...SAMBA_TOOLS,
  ...FLAG_PASSWORD_TOOLS.keys(),
]);
/** A line holding one of the commands, as a word (the names are letters, digits, `_` and `-`). */
const COMMANDS = new RegExp(`\\b(?:${[...COMMAND_NAMES].join("|")})\\b`, "g");
/**
 * Groups of commands whose secrets are found argument by argument (the mysql family is one), and the `login`
 * commands: numbers, so the per-line note of how far each group has read is an array, not a map.
 */
const MYSQL = 0;
const REDIS_CLI = 1;
const SSHPASS = 2;
const LOGIN = 3;
const LDAP = 4;
const OPENSSL = 5;
const SQLCMD = 6;
const MONGO = 7;
const ORACLE = 8;
const SAMBA = 9;
const RABBIT = 10;
const CMDKEY = 11;
const FLAG_P = 12;
const FLAG_LOWER_P = 13;
const FLAG_N = 14;
const SEVEN_ZIP = 15;
const LFTP = 16;
/** Read to the operator once their command is known to be theirs (`gh secret set`, `security add-…`). */
const GH_SECRET = 17;
const SECURITY = 18;
const GROUPS = 19;
const PER_ARGUMENT = new Map([
  ...["mosquitto_pub", "mosquitto_sub", "mosquitto_rr", "zip", "unzip", "zipcloak"].map(
    (tool): [string, number] => [tool, FLAG_P],
  ),
  ["cqlsh", FLAG_LOWER_P],
  ["ssh-keygen", FLAG_N],
  ...["7z", "7za", "7zz", "7zr"].map((tool): [string, number] => [tool, SEVEN_ZIP]),
  ["lftp", LFTP],
  ["sqlcmd", SQLCMD],
  ["bcp", SQLCMD],
  ...MONGO_TOOLS.map((tool): [string, number] => [tool, MONGO]),
  ...ORACLE_TOOLS.map((tool): [string, number] => [tool, ORACLE]),
  ...[...SAMBA_TOOLS].map((tool): [string, number] => [tool, SAMBA]),
  ["rabbitmqctl", RABBIT],
  ["cmdkey", CMDKEY],
  ...LDAP_TOOLS.map((tool): [string, number] => [tool, LDAP]),
  ["openssl", OPENSSL],
  ["login", LOGIN],
  ["mysql", MYSQL],
  ["mysqldump", MYSQL],
  ["mysqladmin", MYSQL],
  ["mariadb", MYSQL],
  ["redis-cli", REDIS_CLI],
  ["sshpass", SSHPASS],
]);
/** A command read: its name and its group (-1: judged as a whole). */
type Command = { name: string; group: number };
/** The commands by name length, so a word is compared with the few of its length only. */
const COMMANDS_BY_LENGTH: Array<Command[] | undefined> = [];
for (const name of COMMAND_NAMES)
  (COMMANDS_BY_LENGTH[name.length] ??= []).push({ name, group: PER_ARGUMENT.get(name) ?? -1 });
const LONGEST_COMMAND = COMMANDS_BY_LENGTH.length - 1;
/** The first characters of the commands: a word starting otherwise (`-pX`, a value) is compared with none. */
const COMMAND_FIRSTS = new Uint8Array(128);
for (const name of COMMAND_NAMES) COMMAND_FIRSTS[name.charCodeAt(0)] = 1;
const SHORTEST_COMMAND = COMMANDS_BY_LENGTH.findIndex((commands) => commands !== undefined);

export const commandSecrets: Detector = (text, emit) => {
  hiddenStart = hiddenEnd = -1;
  // Only the lines with a command name in them: a name holds no line break, and a line break is a \b as the
  // line's start was, so the same lines as testing each line alone (without a copy of every line).
  COMMANDS.lastIndex = 0;
  while (COMMANDS.test(text)) {
    const at = text.lastIndexOf("\n", COMMANDS.lastIndex - 1) + 1;
    const nl = text.indexOf("\n", COMMANDS.lastIndex);
    const end = nl < 0 ? text.length : nl;
    commandLine(text, at, end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end, emit);
    if (nl < 0) break;
    COMMANDS.lastIndex = nl + 1;
  }
  COMMANDS.lastIndex = 0;
  // A megabyte line's words are not kept for the rest of the process.
  if (wordStart.length > 4096) {
    wordStart = new Int32Array(256);
    wordEnd = new Int32Array(256);
  }
};

/** The command line text[from, to). */
function commandLine(text: string, from: number, to: number, emit: Emit): void {
  const n = shellWords(text, from, to);
  const ws = wordStart;
  const we = wordEnd;
  // The next shell operator at or after the current command's first argument (a command's own arguments end
  // there), and the next `htpasswd` batch flag likewise: both only move forward, so each word is tested once.
  let operator = 0;
  let batchFlag = 0;
  // Commands that judge each argument alone (or with the next): a later one before the same operator reads a
  // suffix of what an earlier one read and reports nothing new (a line of `mysql -p…` repeated was read once
  // per command to its end).
  const readTo = new Int32Array(GROUPS).fill(-1);
  for (let k = 0; k < n; k++) {
    const s = ws[k] as number;
    const e = we[k] as number;
    if (e - s < SHORTEST_COMMAND) continue;
    const command = commandName(text, s, e);
    if (command === null) continue;
    const cmd = command.name;
    // The command's own arguments are words [first, end).
    const first = k + 1;
    if (operator < first) {
      operator = first;
      while (operator < n && !isShellOperator(text, ws[operator] as number, we[operator] as number))
        operator++;
    }
    const end = operator;
    const group = command.group;
    if (group >= 0) {
      if (readTo[group] === end) continue;
      // `login` after a tool that logs in (in prose, "login … `claude -p .`" has no password).
      if (group === LOGIN && (k === 0 || !isLoginTool(text, ws[k - 1] as number, we[k - 1] as number)))
        continue;
      readTo[group] = end;
    }
    if (group === MYSQL) {
      for (let j = first; j < end; j++)
        if (isGluedP(text, ws[j] as number, we[j] as number)) maskArg(text, emit, j, end, "password", 2);
    } else if (cmd === "redis-cli") {
      for (let j = first; j < end; j++)
        if (argIs(text, j, "-a") || argIs(text, j, "--pass")) maskArg(text, emit, j + 1, end);
    } else if (cmd === "sshpass") {
      for (let j = first; j < end; j++) {
        if (argIs(text, j, "-p")) maskArg(text, emit, j + 1, end);
        else if (isGluedP(text, ws[j] as number, we[j] as number)) maskArg(text, emit, j, end, "password", 2);
      }
    } else if (cmd === "htpasswd") {
      // A `-b` flag anywhere among its arguments, then its third positional.
      if (batchFlag < first) {
        batchFlag = first;
        while (batchFlag < n && !isBatchFlag(text, ws[batchFlag] as number, we[batchFlag] as number))
          batchFlag++;
      }
      if (batchFlag < end) {
        // With `-n` (print, no file) the password is the second positional.
        const nth = text.slice(ws[batchFlag] as number, we[batchFlag] as number).includes("n") ? 2 : 3;
        let seen = 0;
        for (let j = first; j < end; j++) {
          if (we[j] !== ws[j] && text.charCodeAt(ws[j] as number) === 45) continue;
          if (++seen === nth) {
            maskArg(text, emit, j, end);
            break;
          }
        }
      }
    } else if (cmd === "wandb" && first < end && argIs(text, first, "login")) {
      for (let j = first + 1; j < end; j++)
        if (we[j] === ws[j] || text.charCodeAt(ws[j] as number) !== 45) {
          maskArg(text, emit, j, end, "api-key");
          break;
        }
    } else if (cmd === "setx" || cmd === "setenv") {
      if (first < end) setVariable(text, emit, first, end, false);
    } else if (cmd === "ENV") {
      // A Dockerfile's `ENV NAME value…` (its legacy form: the value is the rest of the line).
      if (k === 0 && first < end) setVariable(text, emit, first, end, true);
    } else if (cmd === "set") {
      // fish: `set -gx NAME VALUE` (a flag first: `set` alone is a word of prose, and bash's `set -e` sets none).
      let j = first;
      while (j < end && isFlag(text, j)) j++;
      if (j > first && j < end) setVariable(text, emit, j, end, false);
    } else if (group === LDAP) {
      // `-w PW` or `-wPW` (the bind password); ldappasswd's `-a OLD` and `-s NEW` too.
      for (let j = first; j < end; j++) {
        if (argIs(text, j, "-w") || (cmd === "ldappasswd" && (argIs(text, j, "-a") || argIs(text, j, "-s"))))
          maskArg(text, emit, j + 1, end);
        else if (isGlued(text, j, 0x77)) maskArg(text, emit, j, end, "password", 2);
      }
    } else if (group === OPENSSL) {
      // `-pass pass:PW`, `-passin pass:PW`, `-passout pass:PW` (`env:`, `file:`, `fd:`, `stdin` name where it is).
      for (let j = first; j + 1 < end; j++) {
        if (argIs(text, j, "-k")) maskArg(text, emit, j + 1, end);
        else if (
          (argIs(text, j, "-pass") ||
            argIs(text, j, "-passin") ||
            argIs(text, j, "-passout") ||
            argIs(text, j, "-password")) &&
          hasAt(text, wordStart[j + 1] as number, "pass:")
        )
          maskArg(text, emit, j + 1, end, "password", 5);
      }
    } else if (group === LOGIN) {
      // `docker login -p PW`, `az login -u U -p PW`, `helm registry login … -p PW`, and what `echo` pipes into
      // `--password-stdin` or gh's `--with-token`.
      for (let j = first; j < end; j++) {
        if (argIs(text, j, "-p")) maskArg(text, emit, j + 1, end);
        else if (argIs(text, j, "--password-stdin") || argIs(text, j, "--with-token"))
          maskEchoedInto(text, emit, k);
      }
    } else if (cmd === "config" || cmd === "configure" || cmd === "secret") {
      const tool = k > 0 ? text.slice(ws[k - 1] as number, we[k - 1] as number) : "";
      if (cmd === "config" && tool === "git") {
        // `git config [--global] [--file F] NAME VALUE`.
        let j = first;
        while (j < end && isFlag(text, j)) j += argIs(text, j, "--file") || argIs(text, j, "-f") ? 2 : 1;
        if (j < end) setVariable(text, emit, j, end, false);
      } else if (
        ((cmd === "config" && CONFIG_TOOLS.has(tool)) || (cmd === "configure" && tool === "aws")) &&
        first < end &&
        argIs(text, first, "set")
      ) {
        // `npm config set NAME VALUE`, `aws configure set aws_secret_access_key VALUE`.
        let j = first + 1;
        while (j < end && isFlag(text, j)) j++;
        if (j < end) setVariable(text, emit, j, end, false);
      } else if (cmd === "secret" && tool === "gh" && first < end && argIs(text, first, "set")) {
        // `gh secret set NAME --body VALUE` (or `-b VALUE`, `--body=VALUE`). One read to the operator masks what
        // a later `gh secret set` before it would.
        if (readTo[GH_SECRET] === end) continue;
        readTo[GH_SECRET] = end;
        for (let j = first + 1; j < end; j++) {
          if (argIs(text, j, "--body") || argIs(text, j, "-b")) maskArg(text, emit, j + 1, end);
          else if (hasAt(text, ws[j] as number, "--body=")) maskArg(text, emit, j, end, "password", 7);
        }
      }
    } else if (group === SQLCMD) {
      for (let j = first; j < end; j++) {
        if (argIs(text, j, "-P")) maskArg(text, emit, j + 1, end);
        else if (isGlued(text, j, 0x50)) maskArg(text, emit, j, end, "password", 2);
      }
    } else if (group === MONGO) {
      for (let j = first; j < end; j++) if (argIs(text, j, "-p")) maskArg(text, emit, j + 1, end);
    } else if (group === ORACLE) {
      // `sqlplus scott/tiger@db`, `rman target sys/pw@db`: the part between the first `/` and the `@`.
      for (let j = first; j < end; j++) {
        const s = ws[j] as number;
        const e = we[j] as number;
        const m = ORACLE_LOGIN.exec(text.slice(s, Math.min(e, s + 600)));
        if (m !== null)
          hide(
            text,
            s + (m[1] ?? "").length + 1,
            s + (m[1] ?? "").length + 1 + (m[2] ?? "").length,
            "password",
            emit,
          );
      }
    } else if (group === SAMBA) {
      // `-U user%password`, `-Uuser%password`, `--user=user%password`.
      for (let j = first; j < end; j++) {
        let s = -1;
        if (argIs(text, j, "-U") || argIs(text, j, "--user")) s = j + 1 < end ? (ws[j + 1] as number) : -1;
        else if (isGlued(text, j, 0x55)) s = (ws[j] as number) + 2;
        else if (hasAt(text, ws[j] as number, "--user=")) s = (ws[j] as number) + 7;
        if (s < 0) continue;
        const e = we[argIs(text, j, "-U") || argIs(text, j, "--user") ? j + 1 : j] as number;
        const percent = text.indexOf("%", s);
        if (percent >= 0 && percent + 1 < e) hide(text, percent + 1, e, "password", emit);
      }
    } else if (cmd === "mc") {
      // `mc alias set NAME URL ACCESS SECRET`, `mc config host add NAME URL ACCESS SECRET`.
      let j = first;
      if (argIs(text, j, "alias") && argIs(text, j + 1, "set")) j += 2;
      else if (argIs(text, j, "config") && argIs(text, j + 1, "host") && argIs(text, j + 2, "add")) j += 3;
      else continue;
      let seen = 0;
      for (; j < Math.min(end, first + OWN_WORDS); j++) {
        if (isFlag(text, j)) continue;
        if (++seen === 4) {
          maskArg(text, emit, j, end);
          break;
        }
      }
    } else if (group === RABBIT) {
      // `rabbitmqctl add_user NAME PW`, `change_password NAME PW`, `authenticate_user NAME PW`.
      for (let j = first; j + 2 < end; j++)
        if (
          argIs(text, j, "add_user") ||
          argIs(text, j, "change_password") ||
          argIs(text, j, "authenticate_user")
        )
          maskArg(text, emit, j + 2, end);
    } else if (FLAG_PASSWORD_TOOLS.has(cmd)) {
      const flags = FLAG_PASSWORD_TOOLS.get(cmd) ?? [];
      for (let j = first; j < end; j++)
        if (flags.some((f) => argIs(text, j, f))) maskArg(text, emit, j + 1, end);
    } else if (group === SEVEN_ZIP) {
      for (let j = first; j < end; j++)
        if (isGlued(text, j, 0x70)) maskArg(text, emit, j, end, "password", 2);
    } else if (group === LFTP) {
      // `lftp -u user,password host`.
      for (let j = first; j + 1 < end; j++)
        if (argIs(text, j, "-u")) {
          const comma = text.indexOf(",", ws[j + 1] as number);
          if (comma >= 0 && comma + 1 < (we[j + 1] as number))
            hide(text, comma + 1, we[j + 1] as number, "password", emit);
        }
    } else if (cmd === "az" || cmd === "aws") {
      // `az keyvault secret set --name DbPassword --value PW`, `aws ssm put-parameter --name /prod/db/password
      // --value PW`: the value of a parameter whose name is a secret's.
      let name = -1;
      let value = -1;
      for (let j = first; j < Math.min(end, first + OWN_WORDS); j++) {
        if (argIs(text, j, "--name")) name = j + 1;
        else if (argIs(text, j, "--value")) value = j + 1;
      }
      if (name >= 0 && value >= 0 && name < end && value < end) {
        const n = text.slice(ws[name] as number, we[name] as number);
        if (classifyNameCached(n) !== null) maskArg(text, emit, value, end, kindForName(n));
      }
    } else if (cmd === "security") {
      // macOS keychain: `security add-generic-password … -w PW` (find-…'s `-w` takes nothing).
      if (first < end && hasAt(text, ws[first] as number, "add-") && readTo[SECURITY] !== end) {
        readTo[SECURITY] = end;
        for (let j = first + 1; j < end; j++) if (argIs(text, j, "-w")) maskArg(text, emit, j + 1, end);
      }
    } else if (group === CMDKEY) {
      for (let j = first; j < end; j++)
        if (hasAt(text, ws[j] as number, "/pass:")) maskArg(text, emit, j, end, "password", 6);
    }
  }
}

/** `NAME VALUE` at words [j, end): the value masked where the name is a secret's (`rest`: to the last word). */
function setVariable(text: string, emit: Emit, j: number, end: number, rest: boolean): void {
  const name = text.slice(wordStart[j] as number, wordEnd[j] as number);
  if (j + 1 >= end || classifyNameCached(name) === null) return;
  const kind = kindForName(name);
  if (!rest) maskArg(text, emit, j + 1, end, kind);
  else hide(text, wordStart[j + 1] as number, wordEnd[end - 1] as number, kind, emit);
}

/**
 * How many words a command read from its start (not argument by argument, see readTo) reads: a command line's
 * own arguments, not a megabyte line of them repeated.
 */
const OWN_WORDS = 64;

/** Oracle's `user/password` (and `@db`): the user, then the password. */
const ORACLE_LOGIN = /^([\w$#]{1,128})\/([^@\s/]{1,256})(?:@\S{0,256})?$/;

/**
 * `echo PW | docker login --password-stdin` (the `login` at word k): the arguments of an `echo` or `printf`
 * that is the command before the pipe.
 */
function maskEchoedInto(text: string, emit: Emit, k: number): void {
  // The start of the login command: back to the operator before it.
  let p = k - 1;
  while (p >= 0 && !isShellOperator(text, wordStart[p] as number, wordEnd[p] as number)) p--;
  if (p < 0 || !wordIs(text, wordStart[p] as number, wordEnd[p] as number, "|")) return;
  let q = p - 1;
  while (q >= 0 && !isShellOperator(text, wordStart[q] as number, wordEnd[q] as number)) q--;
  q++;
  if (q >= p || !(argIs(text, q, "echo") || argIs(text, q, "printf"))) return;
  for (let j = q + 1; j < p; j++) {
    if (isFlag(text, j)) continue;
    const s = wordStart[j] as number;
    const e = wordEnd[j] as number;
    // printf's format (`%s\n`) is no secret.
    if (text.slice(s, e).includes("%s")) continue;
    hide(text, s, e, "password", emit);
  }
}

/** Whether word j is a flag (`-gx`, `--export`). */
function isFlag(text: string, j: number): boolean {
  const s = wordStart[j] as number;
  return (wordEnd[j] as number) - s >= 2 && text.charCodeAt(s) === 45;
}

/** Whether word j is `-<letter>` with its value glued on (`-wPW`). */
function isGlued(text: string, j: number, letter: number): boolean {
  const s = wordStart[j] as number;
  return (
    (wordEnd[j] as number) - s >= 3 &&
    text.charCodeAt(s) === 45 &&
    text.charCodeAt(s + 1) === letter &&
    !isLineTerminator(text.charCodeAt(s + 2))
  );
}

/** Whether word j of the line is `lit`. */
function argIs(text: string, j: number, lit: string): boolean {
  return wordIs(text, wordStart[j] as number, wordEnd[j] as number, lit);
}

/** Masks word j past `skip` characters, if it is one of the command's own arguments (before word `end`). */
function maskArg(text: string, emit: Emit, j: number, end: number, kind = "password", skip = 0): void {
  if (j < end) hide(text, (wordStart[j] as number) + skip, wordEnd[j] as number, kind, emit);
}

/**
 * Emits text[s, e) unless it is empty or benign; the answer for the last value is kept (a line of the same
 * command repeated masks the same value again and again).
 */
function hide(text: string, s: number, e: number, kind: string, emit: Emit): void {
  if (e <= s) return;
  if (!sameAsHidden(text, s, e)) {
    const v = text.slice(s, e);
    hiddenStart = s;
    hiddenEnd = e;
    hiddenHides = !isBenignValue(v) && !(v.startsWith("$") && /^\$\{?\w+\}?$/.test(v));
  }
  if (hiddenHides) emit(s, e, kind);
}

/** The last value `hide` judged, in the text of the current call, and its answer. */
let hiddenStart = -1;
let hiddenEnd = -1;
let hiddenHides = false;

function sameAsHidden(text: string, s: number, e: number): boolean {
  if (e - s !== hiddenEnd - hiddenStart || hiddenStart < 0) return false;
  for (let i = 0; i < e - s; i++)
    if (text.charCodeAt(s + i) !== text.charCodeAt(hiddenStart + i)) return false;
  return true;
}

/** `.pgpass` lines `host:port:database:user:password` (RFC-less, PostgreSQL docs "The Password File"). */
const PGPASS = /^[^\s:]{1,253}:(?:\d{1,5}|\*):[^\s:]{1,128}:[^\s:]{1,128}:(\S{1,512})$/;
export const pgpassLines: Detector = (text, emit) => {
  const n = text.length;
  // Only a line without a space can be a `.pgpass` line: the lines come from the scan's newline list, and
  // the paste is searched natively for the next space (and colon) only once the last one found lies behind.
  const newlines = scanText(text).newlines;
  let space = -2;
  let colon = -2;
  for (let k = 0, at = 0; k <= newlines.length && at < n; k++) {
    const nl = k < newlines.length ? (newlines[k] as number) : n;
    const lineStart = at;
    at = nl + 1;
    if (space < lineStart && space !== -1) space = text.indexOf(" ", lineStart);
    if (space >= 0 && space < nl) continue;
    // And one with a colon (lines of tokens alone are not read).
    if (colon < lineStart && colon !== -1) colon = text.indexOf(":", lineStart);
    if (colon < 0 || colon >= nl) continue;
    let end = nl;
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
    // Four colons and no space, counted before the line is cut out: most lines of a paste are not `.pgpass`.
    if (end - lineStart <= 1024 && mayBePgpass(text, lineStart, end)) {
      const m = PGPASS.exec(text.slice(lineStart, end));
      const pw = m?.[1];
      if (m && pw !== undefined && !isBenignValue(pw)) emit(end - pw.length, end, "password");
    }
  }
};

function mayBePgpass(text: string, from: number, to: number): boolean {
  let colons = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) return false;
    if (c === 58) colons++;
  }
  return colons >= 4;
}

/** XML `<password>V</password>` elements (the rule runs where the paste has `</`: an element's value ends at one). */
const XML_OPEN = /<([A-Za-z_][\w.:-]{0,80})(?:\s[^<>]{0,400})?>/g;
export const xmlElements: Detector = (text, emit) => {
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
};

/**
 * `<add key="ApiKey" value="V"/>` and `name=… value=…` attribute pairs, in a paste with markup: the rule runs
 * where the paste has `value`, and reads on only if it has a `<`.
 */
const XML_PAIR = /\b(?:key|name)\s{0,4}=\s{0,4}"([^"<>]{1,80})"\s{1,40}value\s{0,4}=\s{0,4}"([^"]{0,4096})"/g;
export const xmlAttributePairs: Detector = (text, emit) => {
  if (text.indexOf("<") < 0) return;
  XML_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
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
  const found = secretWordLines(text);
  // The next `,` and tab at or after the line, found natively and reused while ahead (lines come in order,
  // so the paste is searched once for each).
  let comma = -2;
  let tab = -2;
  let table: CsvTable | null = null;
  for (let k = 0; k < found.length; k += 2) {
    const from = found[k] ?? 0;
    const to = found[k + 1] ?? 0;
    if (comma !== -1 && comma < from) comma = text.indexOf(",", from);
    if (tab !== -1 && tab < from) tab = text.indexOf("\t", from);
    if (!((comma >= 0 && comma < to) || (tab >= 0 && tab < to))) continue;
    const sep = comma >= 0 && comma < to ? "," : "\t";
    // A line whose first cell cannot be a column name (a log line's date) is not cut out and split; a header
    // row, and so a header read before, has one that can.
    if (!mayStartColumnName(text, from, sep === "," ? comma : tab)) continue;
    // A line of more than 64 cells is no header row: its 64th separator is looked for before the line is cut
    // out and split (a one-line HAR of a megabyte has 75 000 commas).
    let cut = from - 1;
    let seps = 0;
    while (seps < 64 && (cut = text.indexOf(sep, cut + 1)) >= 0 && cut < to) seps++;
    if (seps >= 64) continue;
    const headerLine = text.slice(from, to).replace(/\r$/, "");
    // A header that is a row of the table the same header line began above reads rows already read: only
    // the rows its own limit reaches past where that table stopped are read (a paste of one header line
    // repeated read 10 000 rows at each line). Its cells are that line's: not split and judged again.
    if (table !== null && table.header === headerLine) {
      const j = indexIn(table.rows, from);
      if (j >= 0) {
        const last = table.rows.length - 1;
        if (table.broke || j + MAX_CSV_ROWS <= last) continue;
        const row = table.stop === null ? null : lineAt(text, table.stop);
        readRows(text, row, j + MAX_CSV_ROWS - last, table);
        continue;
      }
    }
    // The cells, each judged as it is cut: a line whose first cell is no column name (a log line) stops there.
    const parts = headerLine.split(sep);
    if (parts.length < 2 || parts.length > 64) continue;
    const cells: string[] = [];
    for (const part of parts) {
      const cell = part.trim().replace(/^"(.*)"$/, "$1");
      // (A random cell is a value: `NAME<TAB>value` lines are a list of pairs, not a header and its rows.)
      if (!CSV_CELL.test(cell) || (cell.length >= 16 && looksRandom(cell))) break;
      cells.push(cell);
    }
    if (cells.length < parts.length) continue;
    const columns = cells.flatMap((c, i): Array<[number, string]> =>
      classifyNameCached(c) === "secret" ? [[i, c]] : [],
    );
    if (columns.length === 0) continue;
    table = {
      header: headerLine,
      sep,
      width: cells.length,
      columns,
      emit,
      rows: [],
      broke: false,
      stop: null,
    };
    readRows(text, lineAt(text, to + 1), MAX_CSV_ROWS, table);
  }
};

/**
 * Whether text[from, to) can be a cell that passes CSV_CELL once trimmed and unquoted: its first character
 * past the blanks, or past a `"` there, is a letter or `_` (what the pattern needs first). Read in place.
 */
function mayStartColumnName(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  let c = text.charCodeAt(i);
  if (c === 0x22) c = text.charCodeAt(i + 1);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A header row's cell: a column name. */
const CSV_CELL = /^[A-Za-z_][\w .-]{0,60}$/;

/** Up to this many rows are read below a header row. */
const MAX_CSV_ROWS = 10_000;

/** A table read below a header line: the line starts of its rows, and where and why the reading stopped. */
interface CsvTable {
  header: string;
  sep: string;
  /** Cells per row, and the secret columns (index, name). */
  width: number;
  columns: Array<[number, string]>;
  emit: Emit;
  rows: number[];
  /** True when a row ended it (blank or of another width); false when the row limit did. */
  broke: boolean;
  /** The line start reading stopped at (null: the end of the paste). */
  stop: number | null;
}

/** The index of `at` in the ascending `list`, or -1. */
function indexIn(list: number[], at: number): number {
  const i = lowerBound(list, at);
  return list[i] === at ? i : -1;
}

/** Reads up to `budget` rows from `row` on, masking the secret columns' cells, and notes them in `table`. */
function readRows(
  text: string,
  first: { line: string; at: number; next: number } | null,
  budget: number,
  table: CsvTable,
): void {
  const { sep, width, columns, emit } = table;
  // The secret columns' names by cell index (no search per cell).
  const names: Array<string | undefined> = [];
  for (const [i, name] of columns) names[i] = name;
  let row = first;
  for (let rows = 0; row !== null && rows < budget; rows++) {
    const { line, at } = row;
    // The cells by their separators, not split out: only a secret column's cell is cut from the line.
    let cells = 1;
    for (let p = line.indexOf(sep); p >= 0 && cells <= width; p = line.indexOf(sep, p + 1)) cells++;
    if (line.trim().length === 0 || cells !== width) {
      table.broke = true;
      table.stop = at;
      return;
    }
    table.rows.push(at);
    let offset = 0;
    for (let i = 0; i < width; i++) {
      const next = line.indexOf(sep, offset);
      const end = next < 0 ? line.length : next;
      const name = names[i];
      if (name !== undefined) {
        const cell = line.slice(offset, end);
        const v = cell.trim().replace(/^"(.*)"$/, "$1");
        if (v.length > 0 && !isBenignValue(v)) {
          const start = at + offset + cell.indexOf(v);
          emit(start, start + v.length, kindForName(name));
        }
      }
      offset = end + 1;
    }
    row = lineAt(text, row.next);
  }
  table.broke = false;
  table.stop = row === null ? null : row.at;
}

/**
 * A label alone on its line and the value on the next: `kubectl describe secret` (`api_token:` then `----`
 * then the value), botocore's `Signature:` with the hex below it, YAML block scalars (`password: |`).
 */
const LABEL_LINE = /^\s{0,20}([A-Za-z_][\w.-]{0,80})\s{0,4}:\s{0,4}(?:[|>][-+]?)?\s{0,4}$/;
/** A label line ends in `:`, or in a block-scalar marker (`|`, `>`, `|-`, `>+` …), then blanks: cheap test first. */
function mayBeLabelLine(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && /\s/.test(text[i] ?? "")) i--;
  const c = text[i];
  if (c === ":") return true;
  if (c !== "|" && c !== ">" && c !== "-" && c !== "+") return false;
  // A block-scalar marker follows the label's colon: without one (a `-----BEGIN … KEY-----` line) no label.
  for (let k = from; k < i; k++) if (text.charCodeAt(k) === 58) return true;
  return false;
}

export const labelLines: Detector = (text, emit) => {
  const found = secretWordLines(text);
  for (let k = 0; k < found.length; k += 2) {
    const from = found[k] ?? 0;
    const to = found[k + 1] ?? 0;
    if (!mayBeLabelLine(text, from, to)) continue;
    const m = LABEL_LINE.exec(text.slice(from, to).replace(/\r$/, ""));
    const name = m?.[1];
    if (name === undefined || classifyNameCached(name) === null) continue;
    let row = lineAt(text, to + 1);
    // kubectl's `----` underline sits between the label and the value.
    if (row !== null && /^\s*(?:-{3,}|={3,})\s*$/.test(row.line)) row = lineAt(text, row.next);
    if (row === null) continue;
    const trimmed = row.line.trim();
    if (trimmed.length === 0 || trimmed.length > 8192) continue;
    if (LABEL_LINE.test(row.line) || isWordLike(trimmed) || isBenignValue(trimmed)) continue;
    const start = row.at + row.line.indexOf(trimmed);
    emit(start, start + trimmed.length, kindForName(name));
  }
};

/** Labels in other languages: `Passwort:`, `contraseña:`, `mot de passe :`, `密码：`, `パスワード:` … */
const FOREIGN_LABEL =
  /(?:passwort|kennwort|contraseña|contrasena|clave|mot de passe|mot_de_passe|senha|wachtwoord|hasło|haslo|lösenord|losenord|adgangskode|salasana|parola|пароль|密码|密碼|口令|パスワード|비밀번호|كلمة المرور|סיסמה|şifre|sifre|heslo|jelszó|geslo|κωδικός)[ \t]{0,8}[:=：][ \t]{0,8}/gi;
/**
 * Pieces of the labels above, lower and upper case, most without their first letter (which a label may
 * capitalise): the regex runs only when one occurs. Where that piece is a piece of English too (`enha` in
 * `enhance`, `lave` in `slave`), the whole label is the anchor, in its three cases.
 */
export const FOREIGN_ANCHORS = [
  "asswort",
  "ennwort",
  "ontraseña",
  "ontrasena",
  "clave",
  "Clave",
  "ot de passe",
  "ot_de_passe",
  "senha",
  "Senha",
  "achtwoord",
  "asło",
  "aslo",
  "ösenord",
  "osenord",
  "dgangskode",
  "alasana",
  "arola",
  "ароль",
  "密码",
  "密碼",
  "口令",
  "パスワード",
  "비밀번호",
  "كلمة المرور",
  "סיסמה",
  "ifre",
  "eslo",
  "elszó",
  "κωδικός",
  "ΚΩΔΙΚΌΣ",
  "АРОЛЬ",
  "ASSWORT",
  "ENNWORT",
  "ONTRASE",
  "CLAVE",
  "SENHA",
  "ACHTWOORD",
  "ASŁO",
  "ASLO",
  "ÖSENORD",
  "ALASANA",
  "AROLA",
  "IFRE",
  "ESLO",
  "ELSZÓ",
  "OT DE PASSE",
];
const PW_SEPARATOR = /["']?[ \t]{0,8}(=>|[:=])[ \t]{0,8}/y;
export const PW_ANCHORS = ["pw", "PW", "Pw"];
/**
 * Names whose last segment is `pw` (`DB_PW=`, `admin.pw:`, `"pw": "…"`, `?pw=`): passwords by a name the scan's
 * secret words (three characters and longer) do not find, so the name readers never start there. A `:` and a
 * blank read as prose (a plain word after it stays); in a query string the value ends at `&`.
 */
export const pwNames: Detector = (text, emit: Emit) => {
  // Each `pw` found by `indexOf` (a regex tried at every character of a megabyte cost 6 ms): the name's last
  // segment when a separator and not a name character follow it, and it starts the name or follows `_`, `.`
  // or `-`.
  for (const pw of PW_ANCHORS)
    for (let p = text.indexOf(pw); p >= 0; p = text.indexOf(pw, p + 2)) {
      const after = text.charCodeAt(p + 2);
      if (isNameCode(after)) continue;
      const before = p > 0 ? text.charCodeAt(p - 1) : 32;
      if (isNameCode(before) && before !== 95 && before !== 46 && before !== 45) continue;
      PW_SEPARATOR.lastIndex = p + 2;
      const m = PW_SEPARATOR.exec(text);
      if (m === null) continue;
      let s = p;
      const low = Math.max(0, p - 64);
      while (s > low && isNameCode(text.charCodeAt(s - 1))) s--;
      const lead = s > 0 ? text[s - 1] : "";
      const prose = m[1] === ":" && m[0].endsWith(" ");
      emitNamedValue(text, "password", p + 2 + m[0].length, prose, emit, lead === "?" || lead === "&");
    }
};

export const foreignLabels: Detector = (text, emit: Emit) => {
  FOREIGN_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FOREIGN_LABEL.exec(text)) !== null)
    emitNamedValue(text, "password", m.index + m[0].length, true, emit);
  FOREIGN_KEY_LABEL.lastIndex = 0;
  while ((m = FOREIGN_KEY_LABEL.exec(text)) !== null)
    emitNamedValue(text, "api_key", m.index + m[0].length, true, emit);
};

/** Labels of keys and tokens in other languages: `chiave API:`, `clé d'API :`, `API-Schlüssel:`, `APIキー:` … */
const FOREIGN_KEY_LABEL =
  /(?:chiave(?: API| di accesso| segreta)?|clé (?:d'API|API|secrète)|api-schlüssel|schlüssel|chave(?: de)?(?: API)?|clave (?:de )?API|API ?キー|API ?키|API ?密钥|密钥|密鑰|令牌|токен|API-ключ|ключ(?: API)?|jeton(?: d'accès| d'API)?)[ \t]{0,8}[:=：][ \t]{0,8}/gi;
/** Pieces of the labels above, in the cases a label is written in (as FOREIGN_ANCHORS). */
export const FOREIGN_KEY_ANCHORS = [
  "hiave",
  "HIAVE",
  "lé ",
  "LÉ ",
  "chlüssel",
  "CHLÜSSEL",
  "chave",
  "Chave",
  "CHAVE",
  "キー",
  "키",
  "密钥",
  "密鑰",
  "令牌",
  "окен",
  "ОКЕН",
  "люч",
  "ЛЮЧ",
  "jeton",
  "Jeton",
  "JETON",
];

/**
 * The session cookies web frameworks name, whose values are bearer credentials wherever they are printed, not
 * only in a Cookie header: Django `sessionid`, Java `JSESSIONID` (also `;jsessionid=` in a rewritten URL),
 * PHP `PHPSESSID`, Express `connect.sid`, Laravel `laravel_session`, CodeIgniter `ci_session`, ASP.NET
 * `ASP.NET_SessionId` and classic ASP `ASPSESSIONIDxxxxxxxx`. (`session_id` is not among them: Claude Code
 * and many APIs print a session's UUID under it, which is evidence.)
 */
export const SESSION_COOKIE_ANCHORS = [
  "sessionid",
  "SESSIONID",
  "PHPSESSID",
  "connect.sid",
  "laravel_session",
  "ci_session",
  "ASP.NET_SessionId",
];
/** A session cookie's name (values.ts lists them) and its separator. */
const SESSION_COOKIE = new RegExp(
  `(?<![\\w.-])(${[...SESSION_COOKIE_NAMES.map((n) => n.replace(/\./g, "\\.")), ASP_SESSION_COOKIE].join("|")})` +
    `(?:\\\\?["'])?[ \\t]{0,8}(=>|[:=])[ \\t]{0,8}`,
  "g",
);
/** Where a session id a URL path carries (`/cart;jsessionid=0A1B…?x=1`) ends. */
const PATH_PARAMETER_STOP = /[?#&;/\s"'<>]/;
export const sessionCookies: Detector = (text, emit) => {
  SESSION_COOKIE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SESSION_COOKIE.exec(text)) !== null) {
    const at = m.index + m[0].length;
    if (text[m.index - 1] === ";" && m[2] === "=") {
      let e = at;
      while (e < text.length && e - at < 512 && !PATH_PARAMETER_STOP.test(text[e] ?? " ")) e++;
      if (e > at) emit(at, e, "cookie");
      continue;
    }
    const before = text[m.index - 1];
    emitNamedValue(text, m[1] ?? "", at, m[2] === ":", emit, before === "?" || before === "&");
  }
};

/** Python's `http.cookiejar.Cookie` as printed: `<Cookie sessionid=… for .example.com/>` (a cookie jar's repr). */
const COOKIE_REPR = /<Cookie [^\s=<>]{1,128}=([^\s<>]{1,4096}) for /g;
export const cookieReprs: Detector = (text, emit) => {
  COOKIE_REPR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COOKIE_REPR.exec(text)) !== null) {
    const value = m[1] ?? "";
    const s = m.index + m[0].length - " for ".length - value.length;
    emit(s, s + value.length, "cookie");
  }
};

/** argv and tuple arrays: `["--api-key", "V"]`, `("password", "V")`, `['-p', 'V']`, `{"x-api-key", "V"}`. */
const ARRAY_PAIR = /[[(,{][ \t]{0,8}(["'])(-{0,2}[A-Za-z_][\w.-]{0,80})\1[ \t]{0,4},[ \t]{0,4}(?=["'])/g;
const ARRAY_PAIR_AT = new RegExp(ARRAY_PAIR.source, "y");
export const arrayPairs: Detector = (text, emit) => {
  for (const m of leadMatches(text, LEAD_ARRAY, ARRAY_PAIR, ARRAY_PAIR_AT)) {
    const name = (m[2] ?? "").replace(/^-+/, "");
    emitNamedValue(text, name, m.index + m[0].length, false, emit);
  }
};

/**
 * A value a language's own syntax ties to a name without `name=`: PHP's `var_dump` (`["api_key"]=>` and, on
 * the next line, `string(40) "V"`), a default after an environment variable (`process.env.API_KEY || 'V'`,
 * `?? 'V'`), PowerShell's `ConvertTo-SecureString "V" -AsPlainText`.
 */
const VAR_DUMP = /\[["']([\w.-]{1,80})["']\]=>\r?\n[ \t]{0,40}string\(\d{1,7}\) (?=")/g;
const ENV_DEFAULT =
  /\bprocess\.env(?:\.([A-Za-z_]\w{0,80})|\[["']([\w.-]{1,80})["']\])[ \t]{0,4}(?:\|\||\?\?)[ \t]{0,4}(?=["'`])/g;
const SECURE_STRING =
  /ConvertTo-SecureString[ \t]{1,8}(?:-String[ \t]{1,8})?(["'])([^"'\r\n]{1,512})\1[ \t]{1,8}-AsPlainText/gi;
/** MySQL's `IDENTIFIED BY 'PW'` (and `IDENTIFIED WITH plugin BY 'PW'`). */
const IDENTIFIED_BY =
  /\bIDENTIFIED[ \t]{1,8}(?:WITH[ \t]{1,8}\w{1,64}[ \t]{1,8})?BY[ \t]{1,8}(?:PASSWORD[ \t]{0,8})?(["'])([^"'\r\n]{1,256})\1/gi;
/**
 * Redis: `AUTH [user] PW` (at redis-cli's prompt or a line's start), `CONFIG SET requirepass PW`, and
 * redis.conf's `requirepass PW` / `masterauth PW`.
 */
const REDIS_AUTH =
  /(?:^|>)[ \t]*AUTH[ \t]{1,8}(?:[^\s"]{1,128}[ \t]{1,8})?("[^"\r\n]{1,256}"|[^\s"]{1,256})[ \t]*$/gm;
const REDIS_SETTING =
  /(?:^[ \t]*|\bCONFIG[ \t]{1,8}SET[ \t]{1,8})(?:requirepass|masterauth)[ \t]{1,8}("[^"\r\n]{1,256}"|[^\s"]{1,256})/gim;
export const LANGUAGE_PAIR_ANCHORS = [
  "]=>",
  "{:",
  "process.env",
  "ConvertTo-SecureString",
  "convertto-securestring",
  "IDENTIFIED",
  "identified",
  "AUTH ",
  "uirepass",
  "masterauth",
];
/** Clojure's and EDN's keywords: `{:api-key "V" :model "…"}`. */
const CLOJURE_KEYWORD = /(?<=[{([\s,]|^):([A-Za-z][\w.*+!?-]{0,80})[ \t]{1,8}(?=")/gm;
export const languagePairs: Detector = (text, emit) => {
  if (text.includes("{:"))
    for (const m of text.matchAll(CLOJURE_KEYWORD))
      emitNamedValue(text, m[1] ?? "", m.index + m[0].length, false, emit);
  for (const m of text.matchAll(VAR_DUMP))
    emitNamedValue(text, m[1] ?? "", m.index + m[0].length, false, emit);
  for (const m of text.matchAll(ENV_DEFAULT))
    emitNamedValue(text, m[1] ?? m[2] ?? "", m.index + m[0].length, false, emit);
  for (const m of text.matchAll(IDENTIFIED_BY)) {
    const s = m.index + m[0].length - 1 - (m[2] ?? "").length;
    hide(text, s, s + (m[2] ?? "").length, "password", emit);
  }
  for (const regex of [REDIS_AUTH, REDIS_SETTING])
    for (const m of text.matchAll(regex)) {
      const v = m[1] ?? "";
      const quoted = v.startsWith('"') ? 1 : 0;
      // (`AUTH failed` is a log line's words.)
      if (quoted === 0 && isWordLike(v)) continue;
      const s = m.index + m[0].lastIndexOf(v) + quoted;
      hide(text, s, s + v.length - 2 * quoted, "password", emit);
    }
  for (const m of text.matchAll(SECURE_STRING)) {
    const s = m.index + m[0].indexOf(m[1] ?? "") + 1;
    hide(text, s, s + (m[2] ?? "").length, "password", emit);
  }
};

/**
 * A command that prints a secret's variable, and the line it printed: `printenv DB_PASSWORD`, `echo
 * $ANTHROPIC_API_KEY`, `echo "${TOKEN}"`, cmd's `echo %API_KEY%`, PowerShell's `$env:API_KEY` or `echo
 * $env:API_KEY`. The next line, when it is one word (no prompt, no prose), is the value.
 */
const PRINTED_VARIABLE =
  /^[ \t]*(?:[$#>%][ \t]*|PS [^>\r\n]{0,200}>[ \t]*)?(?:(?:printenv|echo|Write-Output|Write-Host)[ \t]{1,8})?(?:["']?\$\{?|\$env:|%)?([A-Za-z_][\w.-]{0,80})(?:\}|%)?["']?[ \t]*\r?$/gm;
export const PRINTED_VARIABLE_ANCHORS = [
  "printenv",
  "echo $",
  'echo "$',
  "echo '$",
  "echo ${",
  "echo %",
  "Write-Output",
  "Write-Host",
  "$env:",
];
export const printedVariables: Detector = (text, emit) => {
  for (const m of text.matchAll(PRINTED_VARIABLE)) {
    const line = m[0];
    // A command that prints, or PowerShell's `$env:NAME` alone (which prints it).
    if (!/printenv|echo|Write-|\$env:/i.test(line)) continue;
    if (/(?:echo|Write-Output|Write-Host)[ \t]{1,8}[A-Za-z_]/.test(line)) continue; // `echo NAME` prints the word
    const name = m[1] ?? "";
    if (classifyNameCached(name) === null) continue;
    const next = lineAt(text, m.index + line.length + 1);
    if (next === null) continue;
    const value = next.line.replace(/\r$/, "").trim();
    if (
      value.length === 0 ||
      value.length > 4096 ||
      /\s/.test(value) ||
      isWordLike(value) ||
      isBenignValue(value)
    )
      continue;
    const start = next.at + next.line.indexOf(value);
    emit(start, start + value.length, kindForName(name));
  }
};
