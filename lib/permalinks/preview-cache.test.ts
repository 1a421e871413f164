import { describe, expect, it } from "vitest";
import { previewCache } from "./preview-cache";

const png = (n: number) => new Uint8Array([n]);

describe("previewCache", () => {
  it("answers a stored image until it expires", () => {
    const cache = previewCache({ ttlMs: 1000 });
    cache.set("a", png(1), 0);
    expect(cache.get("a", 999)).toEqual(png(1));
    expect(cache.get("a", 1000)).toBeNull();
    expect(cache.get("b", 0)).toBeNull();
  });

  it("keeps at most maxEntries, dropping the least recently used", () => {
    const cache = previewCache({ maxEntries: 2 });
    cache.set("a", png(1), 0);
    cache.set("b", png(2), 0);
    expect(cache.get("a", 1)).toEqual(png(1)); // a is now the most recent
    cache.set("c", png(3), 2);
    expect(cache.size).toBe(2);
    expect(cache.get("b", 3)).toBeNull();
    expect(cache.get("a", 3)).toEqual(png(1));
  });
});
