export {
  redact,
  MAX_REDACT_CHARS,
  type RedactOptions,
  type RedactionFinding,
  type RedactionResult,
  type RedactedSpan,
} from "./redact";
export { REDACTION_KINDS, kindLabel, type RedactionKind } from "./rules";
export { PROMPT_NOTE, promptNote } from "./hide-prompt";
