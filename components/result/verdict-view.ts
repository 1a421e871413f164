import type { Verdict, WhoActs } from "@/lib/verdict/schema";

export type { WhoActs };

/** The report's verdict: the top block reads nothing else to say who acts, what to do and when to retry. */
export type VerdictView = Verdict;

export const WHO_LABELS: Record<WhoActs, string> = {
  anthropic: "Anthropic",
  platform: "The cloud platform",
  gateway: "Your gateway",
  account: "Your account",
  request: "Your request",
  network: "Your network",
  "other-provider": "Another provider",
};

/** Whose side the problem is on decides the block's colour: theirs, your account, your code, your network. */
export type Tone = "incident" | "theirs" | "account" | "request" | "network";

export function toneOf(view: Pick<Verdict, "incident" | "outage" | "tense" | "whoActs">): Tone {
  if (view.outage || (view.incident !== null && view.incident.ongoing && view.tense === "current"))
    return "incident";
  const first = view.whoActs[0] ?? "request";
  if (first === "anthropic" || first === "platform" || first === "gateway" || first === "other-provider")
    return "theirs";
  if (first === "account") return "account";
  if (first === "network") return "network";
  return "request";
}
