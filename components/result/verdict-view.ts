import type { Actor, BranchCard } from "@/lib/diagnosis";

/** Who has to act, in the verdict's words. */
export type WhoActs =
  "anthropic" | "platform" | "gateway" | "account" | "request" | "network" | "other-provider";

/** The incident the verdict rests on, if any. */
export type VerdictIncident = {
  name: string;
  url: string;
  impact: string;
  startedAt: string | null;
  resolvedAt: string | null;
  relation: string;
};

/** The one answer a person acts on, as the top block shows it. */
export type VerdictView = {
  summary: string;
  whoActs: WhoActs[];
  retry: "now" | "later" | "no";
  retryAt: string | null;
  incident: VerdictIncident | null;
  tense: "current" | "past";
  doNow: string;
  changesIf: string | null;
  statusNote: string | null;
};

/** The part of a report the top block reads; `verdict` is there once the report carries one. */
export type VerdictSource = {
  headline: string;
  card: BranchCard;
  verdict?: Partial<VerdictView> & Pick<VerdictView, "summary" | "whoActs" | "retry">;
  retry?: { retryable: boolean; resumeAt: string | null };
};

const ACTOR_TO_WHO: Record<Actor, WhoActs> = {
  anthropic: "anthropic",
  "your-account": "account",
  "your-request": "request",
  "your-network": "network",
  gateway: "gateway",
  you: "request",
};

const CARD_RETRY: Record<BranchCard["retry"], VerdictView["retry"]> = {
  yes: "now",
  "after-reset": "later",
  no: "no",
};

/** The report's verdict, or one read off the branch card for a report made before verdicts existed. */
export function verdictView(report: VerdictSource): VerdictView {
  const v = report.verdict;
  if (v !== undefined) {
    return {
      summary: v.summary,
      whoActs: v.whoActs.length > 0 ? v.whoActs : [ACTOR_TO_WHO[report.card.whoActs[0] ?? "you"]],
      retry: v.retry,
      retryAt: v.retryAt ?? null,
      incident: v.incident ?? null,
      tense: v.tense ?? "current",
      doNow: v.doNow ?? report.card.firstMove,
      changesIf: v.changesIf ?? null,
      statusNote: v.statusNote ?? null,
    };
  }
  return {
    summary: report.headline,
    whoActs: [...new Set(report.card.whoActs.map((actor) => ACTOR_TO_WHO[actor]))],
    retry: report.retry
      ? report.retry.retryable
        ? "now"
        : report.retry.resumeAt
          ? "later"
          : "no"
      : CARD_RETRY[report.card.retry],
    retryAt: report.retry?.resumeAt ?? null,
    incident: null,
    tense: "current",
    doNow: report.card.firstMove,
    changesIf: null,
    statusNote: null,
  };
}

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

export function toneOf(view: VerdictView): Tone {
  if (view.incident !== null && view.incident.resolvedAt === null && view.tense === "current")
    return "incident";
  const first = view.whoActs[0] ?? "request";
  if (first === "anthropic" || first === "platform" || first === "gateway" || first === "other-provider")
    return "theirs";
  if (first === "account") return "account";
  if (first === "network") return "network";
  return "request";
}
