import { Fragment } from "react";
import { parse, type ParseOptions, type TokenType } from "sugar-high/core";
import * as python from "sugar-high/lang/python";
import * as typescript from "sugar-high/lang/typescript";

// sugar-high's language presets, as its own `highlight` configures them (python is not JavaScript: no JSX,
// regex or template-string scanning). Tokens become React spans with classes: no HTML strings.
const CONFIG: Record<"python" | "typescript", ParseOptions> = {
  python: { ...python, jsx: false, regex: false, templateStrings: false },
  typescript: { ...typescript },
};

// Colours for both themes; plain identifiers, spaces and breaks keep the text colour.
const TOKEN_CLASS: Partial<Record<TokenType, string>> = {
  keyword: "text-violet-700 dark:text-violet-300",
  string: "text-emerald-700 dark:text-emerald-300",
  comment: "text-zinc-500 italic dark:text-zinc-400",
  class: "text-sky-700 dark:text-sky-300",
  property: "text-blue-700 dark:text-blue-300",
  entity: "text-amber-800 dark:text-amber-300",
  sign: "text-zinc-600 dark:text-zinc-400",
};

/**
 * Code with syntax colours. It renders wherever the retry panel renders, which is only inside the result's
 * own chunk: sugar-high never loads with the first screen.
 */
export function HighlightedCode({ code, language }: { code: string; language: "python" | "typescript" }) {
  const { lines } = parse(code, CONFIG[language]);
  return (
    <code>
      {lines.map((line, index) => (
        <Fragment key={line.index}>
          {line.tokens.map((token, at) =>
            token.value === "" ? null : (
              <span key={at} className={TOKEN_CLASS[token.type]}>
                {token.value}
              </span>
            ),
          )}
          {index < lines.length - 1 ? "\n" : null}
        </Fragment>
      ))}
    </code>
  );
}
