/** A secret found in the paste, as the secrets notice counts it. */
export type FoundSecret = { kind: string; n: number };

type Noun = { one: string; many: string; credential: boolean };

const PERSONAL: Record<string, Noun> = {
  email: { one: "email address", many: "email addresses", credential: false },
  "ip-address": { one: "IP address", many: "IP addresses", credential: false },
  phone: { one: "phone number", many: "phone numbers", credential: false },
};

/** The everyday word for a redaction kind: what a person calls the thing they pasted. */
function nounFor(kind: string): Noun {
  const personal = PERSONAL[kind];
  if (personal !== undefined) return personal;
  if (kind === "private-key") return { one: "private key", many: "private keys", credential: true };
  if (kind === "password" || kind === "url-credentials")
    return { one: "password", many: "passwords", credential: true };
  if (
    kind.includes("api-key") ||
    kind.endsWith("-key") ||
    kind.includes("access-key") ||
    kind === "anthropic-credential"
  )
    return { one: "API key", many: "API keys", credential: true };
  return { one: "token", many: "tokens", credential: true };
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

/**
 * "2 API keys and 1 token were found: they are never stored or shared; rotate a key you pasted anywhere you
 * do not trust." Each distinct value counts once (the same key pasted twice is one key); null when none.
 */
export function secretsSentence(secrets: readonly FoundSecret[]): string | null {
  const distinct = new Map<string, Noun>();
  for (const secret of secrets) distinct.set(`${secret.kind}#${secret.n}`, nounFor(secret.kind));
  if (distinct.size === 0) return null;
  const counts = new Map<string, { noun: Noun; count: number }>();
  for (const noun of distinct.values()) {
    const entry = counts.get(noun.one) ?? { noun, count: 0 };
    entry.count += 1;
    counts.set(noun.one, entry);
  }
  const ordered = [...counts.values()].sort((a, b) => Number(b.noun.credential) - Number(a.noun.credential));
  const phrase = joinAnd(ordered.map(({ noun, count }) => `${count} ${count === 1 ? noun.one : noun.many}`));
  const single = distinct.size === 1;
  const credentials = ordered.some(({ noun }) => noun.credential);
  const found = `${phrase} ${single ? "was" : "were"} found: ${single ? "it is" : "they are"} never stored or shared`;
  if (!credentials) return `${found}.`;
  return single
    ? `${found}; rotate it if you pasted it anywhere you do not trust.`
    : `${found}; rotate a key you pasted anywhere you do not trust.`;
}
