// The one answer a person acts on (issue 14): `buildVerdict` for the report, `verdictSchema` for every face.
export {
  WHO_ACTS,
  statusPageLinkSchema,
  verdictIncidentSchema,
  verdictRetrySchema,
  verdictSchema,
  whoActsSchema,
  type StatusPageLink,
  type Verdict,
  type VerdictIncident,
  type VerdictRetry,
  type WhoActs,
} from "./schema";
export { buildVerdict, PAST_AFTER_MS, type VerdictInput } from "./build";
export { CLAUDE_STATUS_PAGE_URL, statusPagesFor } from "./status-pages";
