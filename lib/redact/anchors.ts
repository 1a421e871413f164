/**
 * Literal search for many words at once: one pass over the text with a table of the first two characters of
 * every word, so only positions where some word could start are compared (the literal prefilter of gitleaks
 * and trufflehog; redaction.md §5). A regex alternation of a hundred literals costs several times more in V8.
 */
export class LiteralScanner {
  private readonly pairs = new Uint8Array(1 << 14);
  private readonly byPair = new Map<number, string[]>();
  private readonly singles: string[] = [];

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (w.length === 0) continue;
      const c0 = w.charCodeAt(0);
      if (w.length === 1 || c0 > 127 || w.charCodeAt(1) > 127) {
        this.singles.push(w);
        continue;
      }
      const key = (c0 << 7) | w.charCodeAt(1);
      this.pairs[key] = 1;
      this.byPair.set(
        key,
        [...(this.byPair.get(key) ?? []), w].sort((a, b) => b.length - a.length),
      );
    }
  }

  /** Calls `found(word, index)` for every occurrence, longest word first at a position. */
  scan(text: string, found: (word: string, index: number) => void): void {
    const n = text.length - 1;
    const pairs = this.pairs;
    let c1 = text.charCodeAt(0);
    for (let i = 0; i < n; i++) {
      const c0 = c1;
      c1 = text.charCodeAt(i + 1);
      if (c0 > 127 || c1 > 127 || pairs[(c0 << 7) | c1] === 0) continue;
      for (const w of this.byPair.get((c0 << 7) | c1) ?? []) {
        if (text.startsWith(w, i)) {
          found(w, i);
          break;
        }
      }
    }
    for (const w of this.singles) {
      let i = text.indexOf(w);
      while (i >= 0) {
        found(w, i);
        i = text.indexOf(w, i + 1);
      }
    }
  }

  /** The words that occur in `text` (single-character and non-ASCII words by `includes`). */
  present(text: string): Set<string> {
    const out = new Set<string>();
    const n = text.length - 1;
    const pairs = this.pairs;
    let c1 = text.charCodeAt(0);
    for (let i = 0; i < n; i++) {
      const c0 = c1;
      c1 = text.charCodeAt(i + 1);
      if (c0 > 127 || c1 > 127 || pairs[(c0 << 7) | c1] === 0) continue;
      for (const w of this.byPair.get((c0 << 7) | c1) ?? []) if (text.startsWith(w, i)) out.add(w);
    }
    for (const w of this.singles) if (text.includes(w)) out.add(w);
    return out;
  }
}
