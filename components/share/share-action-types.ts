import type { PageReport } from "@/lib/page-report";
import type { RetryContext } from "@/lib/retry/schema";

/** Lifetimes the Share button offers, as `ttl` values of POST /api/permalinks. */
export const TTL_CHOICES = [
  { value: "1h", label: "1 hour" },
  { value: "1d", label: "1 day" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
] as const;
export type TtlChoice = (typeof TTL_CHOICES)[number]["value"];
export const DEFAULT_TTL_CHOICE: TtlChoice = "30d";

/** What the share controls send: the paste on screen and the choices it was diagnosed with. */
export type ShareInput = {
  text: string;
  occurredAt: string | null;
  retryContext: RetryContext | null;
};

/** A stored link, answered once to its creator: the delete token is not shown again. */
export type ShareResult =
  | { status: "ok"; url: string; deleteToken: string; expiresAt: string }
  | { status: "error"; message: string };

/** A private link's fragment (the redacted diagnosis, packed and signed by the server) and its origin. */
export type PrivateLinkResult =
  { status: "ok"; fragment: string; baseUrl: string | null } | { status: "error"; message: string };

/** Today's classifier on a stored link's redacted text; nothing is stored. */
export type RerunResult =
  | { status: "idle" }
  /** `redactedText` is null for a large paste: the page already shows it folded, and it is not sent again. */
  | { status: "ok"; report: PageReport; redactedText: string | null }
  | { status: "error"; message: string };
