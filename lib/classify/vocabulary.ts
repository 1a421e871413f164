import { SIGNATURES } from "./signatures";

/**
 * Words that error messages are made of: every word of the signature table's own examples and labels, and
 * the short words of English that join them. The unwrapper asks it one question: is a line break between
 * two whole words (a word wrap that ate the space), or inside one word cut at the terminal's width?
 */
const COMMON = `a an the and or not no nor but if so as at by for from in into of off on onto out over to up
with without be been being is are was were has have had do does did can could will would should may might
must shall this that these those it its you your yours we our they their he she his her me my i please
again later now try retry than then there here which who what when where why how all any each every some
more most less least only also just very too own same other another such new old one two three first last
account organization organisation org workspace project user team member admin owner plan subscription key
token request response message error errors server service client model models access limit limits usage
disabled banned suspended deactivated terminated blocked locked denied allowed permitted enabled
available unavailable supported unsupported invalid valid missing required found exceeded reached expired`;

const WORD = /[a-z]{1,30}/g;

function build(): Set<string> {
  const words = new Set<string>(COMMON.split(/\s+/).filter(Boolean));
  for (const sig of SIGNATURES) {
    for (const text of [sig.example.text, sig.label])
      for (const m of text.toLowerCase().matchAll(WORD)) if (m[0].length > 1) words.add(m[0]);
  }
  return words;
}

let vocabulary: Set<string> | null = null;

/** True when `word` (any case) is a whole word of the vocabulary. */
export function isWord(word: string): boolean {
  vocabulary ??= build();
  return vocabulary.has(word.toLowerCase());
}
