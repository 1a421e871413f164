import { cache } from "react";
import type { StoredPermalink } from "@/lib/store";
import { getStore } from "@/lib/store/server";

/** The live link for `id`, read once per request however many of page, metadata and image ask. */
export const loadPermalink = cache((id: string): Promise<StoredPermalink | null> =>
  getStore().get(id, new Date()),
);
