// The shapes of the public page cache (src/http/web/pageCache.ts), apart so that the
// app's environment type and the runtimes' stores can name them without the middleware.

/** A rendered public page as it was sent, with what decides whether it still is the page. */
export interface CachedPage {
  body: string;
  headers: [string, string][];
  etag: string;
  /** What the page showed (see `eventPageStamp`); null: the page is only kept for its time. */
  stamp: string | null;
  /** Served without asking the database until then (ms). */
  freshUntil: number;
  /** The page changes by itself then (registration opens or closes, the start): never served after (ms). */
  changesAt: number | null;
}

/** Where rendered pages are kept: in the process on Node, the Cache API on Workers. */
export interface PageStore {
  get(key: string): Promise<CachedPage | undefined>;
  put(key: string, page: CachedPage): Promise<void>;
}

/** Where pages are kept (null: nowhere, every view is rendered) and how long one is served without asking the database. */
export interface PageCacheOptions {
  store: PageStore | null;
  freshMs: number;
}

/** What a page route tells the cache about the page it rendered. */
export interface PageFacts {
  stamp: string | null;
  changesAt: number | null;
}
