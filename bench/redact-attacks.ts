// The units the redactor's adversarial inputs repeat to 1 MiB: the shared ones of bench/inputs.ts and the
// shapes that make naive secret patterns slow (redaction.md §5). redact.bench.ts times them side by side with
// the peers; redact-linearity.ts times each at three sizes.
import { ADVERSARIAL_UNITS, TOKEN_UNITS } from "./inputs";

export const REDACTION_UNITS: ReadonlyArray<[string, string]> = [
  ["one long base64 run", "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
  ["repeated key prefixes", "sk-ant-api03-"],
  ["PEM headers without END", "-----BEGIN PRIVATE KEY-----\n"],
  ["Bearer repeated", "Bearer aaaaaaaa! "],
  ["assignments", "api_key=x "],
  ["percent escapes", "%25"],
  ["URL authority without @", "http://aaaaaaaa"],
  ["URL userinfo, many @", "https://u:p@"],
  ["URL userinfo before an unclosed [", "x://@["],
  ["JWT-like", "eyJaaaaaaaaaa."],
  ["HAR-like", '"name":"x-api-key","value":"'],
  ["hex dump lines", "00000000: 736b 2d61 6e74 2d61 7069 3033 2d41 4243  sk-ant-api03-ABC\n"],
  ["wrapped token lines", "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzQ\n"],
  ["backslash-u escapes", "\\u0041"],
  // Found by a probe of random repeated units (2026-12-07): each took seconds to minutes per megabyte.
  ["Set-Cookie: repeated", "Set-Cookie:"],
  ["a secret word repeated (keykey…)", "key"],
  ["names in each other's values", "sk-Cookie:"],
  ["Authorization: in each other's values", "@Authorization:"],
  ["mysql -p repeated on one line", "mysql -pX "],
  ["docker login -p repeated on one line", "docker login -p X "],
  ["htpasswd -b repeated on one line", "htpasswd -b a b c "],
  // Found by a second probe (2026-12-07, later): each took from one second to (the CSV ones) about twenty
  // minutes per megabyte.
  ["password=sk-Cookie: repeated", "password=sk-Cookie:"],
  ["Set-Cookie:a= repeated", "Set-Cookie:a="],
  ["JWT heads without a dot (eyJ…)", "eyJ"],
  ["a weak name packed into its value (:sig==>)", ":sig==>"],
  ["curl -u without a colon", "-u "],
  ["curl -b with nameless =", "-b ="],
  ["Cookie headers in &amp;-separated pairs", "&amp;sig=Cookie:"],
  ["quoted names in each other's values", ';"name":"Passwort:secret'],
  ["cookie pairs behind both header kinds", "a=Set-Cookie:[Cookie:"],
  ["a CJK label packed into its value", "密码:$</"],
  ["a CSV header line repeated", "name,password\n"],
  ["escaped tabs decoding to CSV header lines", "secret\\token\n"],
  ["query parameters packed into each other's values", "=?DBPassword.."],
  ["query and field names taking turns", "Signature:glpat-Cookie:&"],
  ["scp remotes packed on one line", "git@github.com:["],
  // The session cookie readers (2026-12-07, latest): a cookie jar's repr and a framework's cookie name.
  ["Python cookie jar entries packed", "<Cookie a=b for "],
  ["a session cookie name in its own value", "JSESSIONID="],
  // The readers added after three probes of real tools' output (2026-12-07, latest session).
  ["name fields without a value field", '"key":"password",'],
  ["a secret's name, blanks, a value, as table rows", "| API_KEY | abcdef12 "],
  ["objects under a secret's name that never close", '"secret": {'],
  ["printed variables and their lines", "$ echo $API_KEY\nabcdef1234\n"],
  ["gh secret set --body repeated on one line", "gh secret set A --body "],
];

/** Every unit, the shared ones first. */
export const ATTACK_UNITS: ReadonlyArray<[string, string]> = [
  ...ADVERSARIAL_UNITS,
  ...TOKEN_UNITS,
  ...REDACTION_UNITS,
];
