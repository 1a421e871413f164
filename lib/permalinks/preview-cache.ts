/** Rendered preview images by link id: each is drawn once per lifetime, not once per request. */
export type PreviewCache = {
  get(id: string, now: number): Uint8Array | null;
  set(id: string, image: Uint8Array, now: number): void;
  readonly size: number;
};

/** At most `maxEntries` images, each for `ttlMs`; the least recently used goes first. */
export function previewCache({ maxEntries = 256, ttlMs = 10 * 60_000 } = {}): PreviewCache {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  const entries = new Map<string, { image: Uint8Array; expires: number }>();
  return {
    get(id, now) {
      const entry = entries.get(id);
      if (entry === undefined) return null;
      entries.delete(id);
      if (entry.expires <= now) return null;
      entries.set(id, entry);
      return entry.image;
    },
    set(id, image, now) {
      entries.delete(id);
      entries.set(id, { image, expires: now + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    get size() {
      return entries.size;
    },
  };
}
