import pg from "pg";
import type { PageCache } from "./page-cache.server.ts";

/** The channel the database's triggers announce changes on (migration page_cache_notifications). */
export const PAGE_CACHE_CHANNEL = "settle_page_cache";

export interface PageCacheListener {
  stop(): Promise<void>;
}

/**
 * Keeps a connection LISTENing to the database's change announcements and passes them to the
 * cache. The cache serves nothing until the first LISTEN has succeeded; when the connection is
 * lost it is emptied and switched off until a new one listens again (retrying from 1 s, doubling,
 * up to 30 s), since changes made meanwhile were announced to nobody.
 */
export async function listenForPageChanges(
  cache: PageCache,
  connectionString: string,
  options: { applicationName?: string; log?: (message: string) => void } = {},
): Promise<PageCacheListener> {
  const log = options.log ?? ((message: string) => console.warn(message));
  let stopping = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delay = 1_000;

  const lost = (which: pg.Client, reason: string) => {
    if (client !== which) return;
    client = undefined;
    cache.setConnected(false);
    void which.end().catch(() => {});
    if (stopping) return;
    log(`page cache: change feed lost (${reason}); pages are rendered until it is back`);
    retry = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString,
      application_name: options.applicationName ?? "settle-page-cache",
    });
    client = next;
    next.on("error", (error) => lost(next, error.message));
    next.on("end", () => lost(next, "connection closed"));
    next.on("notification", (message) => {
      if (message.channel === PAGE_CACHE_CHANNEL && message.payload)
        cache.invalidate(message.payload.split(","));
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PAGE_CACHE_CHANNEL}`);
      if (client !== next) return;
      delay = 1_000;
      cache.setConnected(true);
    } catch (error) {
      lost(next, error instanceof Error ? error.message : String(error));
    }
  };

  await connect();
  return {
    async stop() {
      stopping = true;
      clearTimeout(retry);
      const last = client;
      client = undefined;
      cache.setConnected(false);
      await last?.end().catch(() => {});
    },
  };
}
