import { isWord } from "./vocabulary";

/**
 * Terminal hard wraps cut a paste at a fixed width, often mid-word ("prompt is t" / "oo long"). When a paste
 * shows them, the classifier scans a view with those line breaks removed; `origin` maps every offset of the
 * view back to the paste, so signals still point at what the user pasted.
 */
export type UnwrappedView = {
  text: string;
  /** The paste offset of view offset `i`. */
  origin(i: number): number;
  /** The paste offset just past view range end `end` (exclusive). */
  originEnd(end: number): number;
  /** The view offset of paste offset `o`. */
  toView(o: number): number;
};

// Narrower lines are ordinary text: terminals are at least this wide.
const MIN_WRAP_WIDTH = 60;

/** How many of the sorted numbers are at most `value` (a binary search). */
export function countAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const TAIL_WORD = /[A-Za-z]{1,30}$/;
const HEAD_WORD = /^[A-Za-z]{1,30}/;

/**
 * True when the break at `nl` (ending the line that starts at `start`) sits between two whole words, or after
 * an upper-case code before a capitalised word.
 */
function betweenWords(text: string, start: number, nl: number): boolean {
  const left = TAIL_WORD.exec(text.slice(Math.max(start, nl - 30), nl))?.[0];
  const right = HEAD_WORD.exec(text.slice(nl + 1, nl + 31))?.[0];
  if (!left || !right) return false;
  // An upper-case code (`ECONNRESET`) and then a capitalised word (`Received`): two lines, not one cut word.
  if (/^[A-Z]{2,}$/.test(left) && /^[A-Z][a-z]/.test(right)) return true;
  return isWord(left) && isWord(right) && !isWord(left + right);
}

/**
 * The paste without its hard wraps, or null when it shows none. A break is a hard wrap when the line before
 * it is exactly as long as the paste's longest line (the terminal width) and the next line carries on
 * without indentation.
 */
export function unwrapHardWraps(text: string): UnwrappedView | null {
  let width = 0;
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    width = Math.max(width, end - start);
    if (nl === -1) break;
    start = nl + 1;
  }
  if (width < MIN_WRAP_WIDTH) return null;

  const candidates: Array<{ start: number; nl: number }> = [];
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf("\n", start);
    if (nl === -1) break;
    const next = text[nl + 1];
    if (nl - start === width && next !== undefined && !/\s/.test(next)) candidates.push({ start, nl });
    start = nl + 1;
  }
  // Many lines cut at one width are a terminal's character wrap: every such break is inside the text. With
  // one or two, the longest line may just be a word wrap that ate a space ("has been" / "disabled"): a break
  // between two whole words whose join is no word stays a break.
  const fewAtWidth = candidates.length <= 2;
  const removed = candidates
    .filter(({ start, nl }) => !(fewAtWidth && betweenWords(text, start, nl)))
    .map(({ nl }) => nl);
  if (removed.length === 0) return null;

  const parts: string[] = [];
  let from = 0;
  for (const r of removed) {
    parts.push(text.slice(from, r));
    from = r + 1;
  }
  parts.push(text.slice(from));
  // The k-th removed break sits just before view offset removed[k] - k.
  const viewBreaks = removed.map((r, k) => r - k);
  const origin = (i: number): number => i + countAtMost(viewBreaks, i);
  return {
    text: parts.join(""),
    origin,
    originEnd: (end) => (end <= 0 ? 0 : origin(end - 1) + 1),
    toView: (o) => o - countAtMost(removed, o - 1),
  };
}
