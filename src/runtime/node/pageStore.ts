import type { CachedPage, PageStore } from "../../http/web/pageStore";

/**
 * Rendered pages in this process, at most `limit` of them: the oldest written goes first.
 * Each server process keeps its own; they agree through the stamps in the database.
 */
export function memoryPageStore(limit = 2000): PageStore {
  const pages = new Map<string, CachedPage>();
  return {
    async get(key) {
      return pages.get(key);
    },
    async put(key, page) {
      pages.delete(key);
      pages.set(key, page);
      if (pages.size > limit) pages.delete(pages.keys().next().value!);
    },
  };
}
