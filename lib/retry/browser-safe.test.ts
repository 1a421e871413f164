import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

// The page recomputes plans in the browser (components/retry/retry-planner.tsx): the modules it loads must not pull
// in zod (schema.ts builds zod schemas at load time) or any Node-only module.
const BROWSER_ENTRIES = ["plan.ts", "snippets.ts", "format.ts"];

/**
 * Specifiers of the imports that load code at run time; `import type` lines load nothing. Only the import block
 * at the top counts, so the `import` lines inside snippets.ts's code templates are not taken for its own.
 */
function runtimeImports(source: string): string[] {
  const end = source.search(/^(?:export|const|let|function|class|interface|type|\/\*\*) /m);
  const header = end === -1 ? source : source.slice(0, end);
  const found: string[] = [];
  for (const match of header.matchAll(/^import (?!type )[^;]{0,500}?from "([^"]{1,200})";/gm)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

/** Every module reached from the entries through run-time imports, relative ones followed. */
function reachable(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const here = dirname(new URL(import.meta.url).pathname);
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((entry) => join(here, entry));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      if (specifier.startsWith(".")) queue.push(`${join(dirname(file), specifier)}.ts`);
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe("the modules the page runs in the browser", () => {
  it("reach no package at all, zod and node:* included", () => {
    const { files, packages } = reachable(BROWSER_ENTRIES);
    expect(files.size).toBeGreaterThan(BROWSER_ENTRIES.length);
    expect([...packages]).toEqual([]);
  });

  it("do not load schema.ts, which builds zod schemas when loaded", () => {
    const { files } = reachable(BROWSER_ENTRIES);
    expect([...files].filter((file) => file.endsWith("/schema.ts"))).toEqual([]);
  });

  it("would notice a value import of the schemas", () => {
    expect(
      runtimeImports('import { retryPlanSchema } from "./schema";\nimport type { X } from "./y";'),
    ).toEqual(["./schema"]);
  });
});
