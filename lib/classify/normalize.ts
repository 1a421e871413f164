/**
 * Length-preserving clean-up of a paste: every offset in the result is the same offset in the input, so
 * signals found in the normalised text highlight the right span of what the user pasted.
 *
 * - ANSI escape sequences (colour codes, OSC hyperlinks) become spaces of the same length.
 * - Carriage returns (CRLF pastes) become spaces.
 * - Box-drawing glyphs and Claude Code's tree/spinner marks (⎿ ● ✻ │ └ …) become spaces, so a wrapped
 *   message reads as one run of words separated by white space.
 * - Non-breaking and other exotic spaces become plain spaces.
 */
// Matching control characters is the point of these three patterns.
// eslint-disable-next-line no-control-regex
const ANSI_CSI = /\u001b\[[0-9;:?]{0,32}[\x20-\x2f]{0,4}[\x40-\x7e]/g;
// OSC sequences end with BEL or ESC \; bounded so an unterminated one costs at most 512 characters.
// eslint-disable-next-line no-control-regex
const ANSI_OSC = /\u001b\][^\u0007\u001b]{0,512}(?:\u0007|\u001b\\)/g;
// eslint-disable-next-line no-control-regex
const STRAY_ESC = /\u001b/g;
const GLYPHS =
  /[\r\u2500-\u257f\u23bf\u25cf\u25cb\u273b\u273d\u2722\u2733\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]/g;

const spaces = (match: string): string => " ".repeat(match.length);

export function normalize(text: string): string {
  return text
    .replace(ANSI_OSC, spaces)
    .replace(ANSI_CSI, spaces)
    .replace(STRAY_ESC, " ")
    .replace(GLYPHS, " ");
}

/** Offsets of the start of every line, for turning an offset into a line number by binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
