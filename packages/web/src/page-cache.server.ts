import { createHash, randomBytes } from "node:crypto";

/**
 * A rendered-page cache in front of React Router (ADR 019): a signed-in user who opens the same
 * page again, with nothing it shows changed since, gets the stored HTML instead of a new render.
 *
 * - **Private.** The key holds the whole Cookie header (session, language, CSRF cookie), the
 *   Accept-Language header, the URL and what the app's policy says about the signed-in user, so
 *   an entry only ever goes back to the session it was rendered for. The policy's answer about
 *   a session is remembered until the session or its user changes (announced like any change)
 *   or a few minutes pass: a revoked session is never served once its revocation is announced.
 * - **Invalidated, not timed.** Each entry carries tags (the accounts it shows). PostgreSQL
 *   announces every committed change to those accounts (triggers, `settle_page_cache` channel);
 *   the listener calls `invalidate`, which drops the entries at once. A render that was running
 *   when its tags changed is not stored. While the listener is not connected nothing is served or
 *   stored, and a reconnect drops everything (notifications may have been missed meanwhile).
 * - **Bounded.** Entries expire after `maxAgeMs` or when the policy says (the ledger's day ends);
 *   the least recently used go first once `maxBytes` is reached.
 * - **Per-response parts** are made new on every hit: the CSP nonce (header and scripts).
 * - A request with `Cache-Control: no-cache` (a browser's hard reload) is always rendered.
 */
export interface PageCachePolicy {
  /** Whether a GET of this URL is a page that may be cached. */
  cacheable(url: URL): boolean;
  /**
   * Who is asking, as far as a page depends on it (user, language, roles), or null when the page
   * must be rendered (not signed in, session gone). The answer is remembered for the request's
   * Cookie header until `validUntil` or until one of its `tags` changes (a sign-out, a revoked
   * session, a changed user), so most requests ask the database nothing.
   */
  identify(request: Request): Promise<Identity | null>;
  /** The tags of what the page shows (e.g. `customer:<id>` per account); read once per store. */
  tagsFor(url: URL): Promise<string[]>;
  /** When a page rendered now stops being right even if nothing changes (the end of the day). */
  validUntil?(now: Date): Date;
}

export interface Identity {
  /** Everything about the requester that a page may show or depend on. */
  key: string;
  /** What the identity was read from (the session, the user). */
  tags: string[];
  /** When it must be read again (e.g. the session's sliding expiry is due a refresh). */
  validUntil: Date;
}

export interface PageCacheOptions {
  /** Memory for stored bodies; 0 turns the cache off. */
  maxBytes: number;
  /** Oldest an entry may be served. */
  maxAgeMs: number;
  /** How many signed-in visitors' identities to remember (default 10,000). */
  maxIdentities?: number;
  now?: () => number;
}

export const PAGE_CACHE_STATUS_HEADER = "Settle-Page-Cache";
export const GLOBAL_TAG = "*";
const IDENTITY = "identity:";
const MAX_TRACKED_TAGS = 100_000;

interface Entry {
  key: string;
  status: number;
  headers: [string, string][];
  /** The body split around the nonce of the render that made it. */
  segments: Buffer[];
  nonce: string | null;
  tags: string[];
  bytes: number;
  expiresAt: number;
}

const NONCE_IN_CSP = /'nonce-([A-Za-z0-9+/=_-]+)'/;

export function splitOn(body: Buffer, token: string | null): Buffer[] {
  if (!token) return [body];
  const needle = Buffer.from(token);
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(needle, start); at !== -1; at = body.indexOf(needle, start)) {
    parts.push(body.subarray(start, at));
    start = at + needle.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

function wantsFreshHeaders(
  cacheControl: string | null | undefined,
  pragma: string | null | undefined,
): boolean {
  return /\bno-cache\b/i.test(cacheControl ?? "") || (pragma ?? "").includes("no-cache");
}

const wantsFresh = (request: Request) =>
  wantsFreshHeaders(request.headers.get("cache-control"), request.headers.get("pragma"));

/** A page ready to send: status, headers (with Content-Length) and the body in chunks. */
export interface StoredPage {
  status: number;
  headers: [string, string][];
  chunks: Buffer[];
}

interface Remembered {
  identity: Identity;
  expiresAt: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** Identities by Cookie header hash; their keys in `byTag` start with "identity:". */
  private readonly identities = new Map<string, Remembered>();
  private readonly byTag = new Map<string, Set<string>>();
  /** Sequence number of the last invalidation of each tag, kept while renders are running. */
  private readonly invalidatedAt = new Map<string, number>();
  private seq = 0;
  private epoch = 0;
  private rendering = 0;
  private bytes = 0;
  private connected = false;
  private readonly now: () => number;

  constructor(
    private readonly policy: PageCachePolicy,
    private readonly options: PageCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /**
   * The invalidation feed is (dis)connected. Either way everything stored goes: while it was
   * down, changes may have gone unannounced.
   */
  setConnected(connected: boolean): void {
    this.connected = connected;
    this.clear();
  }

  /** Drops every entry with one of these tags (`*` drops all), and marks running renders stale. */
  invalidate(tags: readonly string[]): void {
    this.seq++;
    for (const tag of tags) {
      if (tag === GLOBAL_TAG) {
        this.clear();
        continue;
      }
      if (this.rendering > 0) {
        this.invalidatedAt.set(tag, this.seq);
        // Under unbroken load renders always overlap and the map is never emptied: past a bound,
        // forget it, and with it the renders running now (they will not be kept).
        if (this.invalidatedAt.size > MAX_TRACKED_TAGS) {
          this.epoch++;
          this.invalidatedAt.clear();
        }
      }
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) this.remove(key);
    }
  }

  private clear(): void {
    this.seq++;
    this.epoch++;
    this.entries.clear();
    this.identities.clear();
    this.byTag.clear();
    this.invalidatedAt.clear();
    this.bytes = 0;
  }

  private remove(key: string): void {
    let tags: readonly string[];
    if (key.startsWith(IDENTITY)) {
      const remembered = this.identities.get(key);
      if (!remembered) return;
      this.identities.delete(key);
      tags = remembered.identity.tags;
    } else {
      const entry = this.entries.get(key);
      if (!entry) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
      tags = entry.tags;
    }
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }

  private index(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.byTag.set(tag, keys);
      }
      keys.add(key);
    }
  }

  /** The policy's identity for this Cookie header: remembered, or asked for (and remembered). */
  private async identify(request: Request, startSeq: number, startEpoch: number): Promise<Identity | null> {
    const key =
      IDENTITY +
      createHash("sha256")
        .update(request.headers.get("cookie") ?? "")
        .digest("base64url");
    const remembered = this.identities.get(key);
    if (remembered && remembered.expiresAt > this.now()) return remembered.identity;
    if (remembered) this.remove(key);
    const identity = await this.policy.identify(request);
    if (!identity) return null;
    const expiresAt = Math.min(identity.validUntil.getTime(), this.now() + this.options.maxAgeMs);
    if (expiresAt > this.now() && this.unchangedSince(startSeq, startEpoch, identity.tags)) {
      this.remove(key);
      this.identities.set(key, { identity, expiresAt });
      this.index(key, identity.tags);
      for (const oldest of this.identities.keys()) {
        if (this.identities.size <= (this.options.maxIdentities ?? 10_000)) break;
        this.remove(oldest);
      }
    }
    return identity;
  }

  /** Answers a request from the cache, or renders it (and stores the page when it may). */
  async handle(request: Request, render: (request: Request) => Promise<Response>): Promise<Response> {
    if (
      request.method === "POST" ||
      request.method === "PUT" ||
      request.method === "PATCH" ||
      request.method === "DELETE"
    )
      return this.write(request, render);
    if (request.method !== "GET" || this.options.maxBytes <= 0 || !this.connected) return render(request);
    const url = new URL(request.url);
    if (!this.policy.cacheable(url)) return render(request);
    const startSeq = this.seq;
    const startEpoch = this.epoch;
    this.rendering++;
    try {
      let identity: Identity | null;
      try {
        identity = await this.identify(request, startSeq, startEpoch);
      } catch {
        // The session could not be looked up (the database is away): the render says what it can.
        identity = null;
      }
      if (identity === null) return await render(request);
      return await this.answer(request, url, identity, render, startSeq, startEpoch);
    } finally {
      this.rendering--;
      if (this.rendering === 0) this.invalidatedAt.clear();
    }
  }

  /**
   * A form post: whatever it changed is announced by the database, but the visitor's next page
   * may be asked for before that announcement arrives. So their own pages go now (read your own
   * writes), whatever the post did.
   */
  private async write(request: Request, render: (request: Request) => Promise<Response>): Promise<Response> {
    try {
      return await render(request);
    } finally {
      const remembered = this.identities.get(this.identityKey(request.headers.get("cookie") ?? ""));
      if (remembered) this.invalidate(remembered.identity.tags);
    }
  }

  private identityKey(cookie: string): string {
    return IDENTITY + createHash("sha256").update(cookie).digest("base64url");
  }

  private pageKey(identity: Identity, url: URL, cookie: string, acceptLanguage: string): string {
    return createHash("sha256")
      .update(`${identity.key}\n${url.pathname}${url.search}\n${cookie}\n${acceptLanguage}`)
      .digest("base64url");
  }

  private async answer(
    request: Request,
    url: URL,
    identity: Identity,
    render: (request: Request) => Promise<Response>,
    startSeq: number,
    startEpoch: number,
  ): Promise<Response> {
    const key = this.pageKey(
      identity,
      url,
      request.headers.get("cookie") ?? "",
      request.headers.get("accept-language") ?? "",
    );

    const fresh = wantsFresh(request);
    if (!fresh) {
      const entry = this.entries.get(key);
      if (entry && entry.expiresAt > this.now()) {
        // Most recently used last: eviction takes from the front.
        this.entries.delete(key);
        this.entries.set(key, entry);
        const page = this.replay(entry);
        return new Response(Buffer.concat(page.chunks), { status: page.status, headers: page.headers });
      }
      if (entry) this.remove(key);
    }

    const response = await render(request);
    if (!this.storable(response)) return this.mark(response, "bypass");
    const body = Buffer.from(await response.arrayBuffer());
    const shown = await this.policy.tagsFor(url).catch(() => [] as string[]);
    // The visitor's own tags too: their form posts and sign-out drop their pages.
    const tags = [...shown, ...identity.tags];
    // A page that names nothing it shows could never be invalidated: it is not kept.
    if (shown.length > 0 && this.unchangedSince(startSeq, startEpoch, tags))
      this.store(key, response, body, tags);
    const headers = new Headers(response.headers);
    headers.set(PAGE_CACHE_STATUS_HEADER, fresh ? "bypass" : "miss");
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  }

  private mark(response: Response, status: string): Response {
    try {
      response.headers.set(PAGE_CACHE_STATUS_HEADER, status);
      return response;
    } catch {
      // Immutable headers (a redirect made by Response.redirect): leave it as it is.
      return response;
    }
  }

  /** A full page that holds nothing per request besides the nonce. */
  private storable(response: Response): boolean {
    if (response.status !== 200 || response.headers.has("set-cookie")) return false;
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return false;
    return !/\bno-store\b/i.test(response.headers.get("cache-control") ?? "");
  }

  private unchangedSince(startSeq: number, startEpoch: number, tags: readonly string[]): boolean {
    if (!this.connected || this.epoch !== startEpoch) return false;
    return tags.every((tag) => (this.invalidatedAt.get(tag) ?? 0) <= startSeq);
  }

  private store(key: string, response: Response, body: Buffer, tags: string[]): void {
    if (body.length > this.options.maxBytes / 8) return;
    const nonce = NONCE_IN_CSP.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? null;
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "date" && name !== "transfer-encoding")
        headers.push([name, value]);
    });
    const now = this.now();
    const until = Math.min(
      now + this.options.maxAgeMs,
      this.policy.validUntil?.(new Date(now)).getTime() ?? Infinity,
    );
    if (until <= now) return;
    this.remove(key);
    const entry: Entry = {
      key,
      status: response.status,
      headers,
      segments: splitOn(body, nonce),
      nonce,
      tags,
      bytes: body.length + key.length,
      expiresAt: until,
    };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.index(key, tags);
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** A stored page with a new nonce: its status, headers (with the length) and body chunks. */
  private replay(entry: Entry): StoredPage {
    const nonce = entry.nonce ? randomBytes(16).toString("base64") : null;
    const headers: [string, string][] = [];
    for (const [name, value] of entry.headers) {
      headers.push([name, nonce && entry.nonce ? value.replaceAll(entry.nonce, nonce) : value]);
    }
    const chunks: Buffer[] = [];
    let length = 0;
    const nonceBytes = nonce ? Buffer.from(nonce) : null;
    entry.segments.forEach((segment, i) => {
      if (i > 0 && nonceBytes) {
        chunks.push(nonceBytes);
        length += nonceBytes.length;
      }
      chunks.push(segment);
      length += segment.length;
    });
    headers.push([PAGE_CACHE_STATUS_HEADER, "hit"], ["content-length", String(length)]);
    return { status: entry.status, headers, chunks };
  }

  /**
   * The stored page for a GET when everything it takes is already in memory (a remembered
   * session, a live entry), without building a Fetch request; null sends the request to `handle`.
   * `path` is the request target (path and query) as received.
   */
  peek(path: string, header: (name: string) => string | undefined): StoredPage | null {
    if (this.options.maxBytes <= 0 || !this.connected) return null;
    const cookie = header("cookie") ?? "";
    if (!cookie || wantsFreshHeaders(header("cache-control"), header("pragma"))) return null;
    let url: URL;
    try {
      url = new URL(path, "http://page-cache.invalid");
    } catch {
      return null;
    }
    if (!this.policy.cacheable(url)) return null;
    const remembered = this.identities.get(this.identityKey(cookie));
    if (!remembered || remembered.expiresAt <= this.now()) return null;
    const key = this.pageKey(remembered.identity, url, cookie, header("accept-language") ?? "");
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) return null;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return this.replay(entry);
  }
}
