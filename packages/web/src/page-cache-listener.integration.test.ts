import { randomUUID } from "node:crypto";
import type { StaffActor } from "@settle/domain/actor";
import { familyIdsOf } from "@settle/domain/customers/family-ids";
import { getDb } from "@settle/domain/db/client";
import { applyCredit } from "@settle/domain/ledger/apply-credit";
import {
  createCreditForCustomer,
  createCustomer,
  createInvoiceForCustomer,
} from "@settle/domain/seed/factories";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_CACHE_STATUS_HEADER, PageCache } from "./page-cache.server.ts";
import {
  listenForPageChanges,
  PAGE_CACHE_CHANNEL,
  type PageCacheListener,
} from "./page-cache-listener.server.ts";

// The whole invalidation path on the real database: a committed ledger write fires the tables'
// triggers, PostgreSQL announces the accounts on the channel, the listener drops their pages.

const cashApplier: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["CASH_APPLIER"] };
const databaseUrl = () => process.env.DATABASE_URL as string;

let cache: PageCache;
let feed: PageCacheListener;
let renders = 0;

const request = (customerId: string) =>
  cache.handle(new Request(`http://portal.test/accounts/${customerId}/statement`), async () => {
    renders++;
    return new Response("<p>statement</p>", { headers: { "content-type": "text/html" } });
  });

/**
 * Waits until everything announced so far has reached the cache: a marker notification sent now
 * arrives after the announcements of writes committed before it.
 */
async function settled(): Promise<void> {
  const marker = `test:${randomUUID()}`;
  const seen = new Promise<void>((resolve) => {
    const original = cache.invalidate.bind(cache);
    cache.invalidate = (tags) => {
      original(tags);
      if (tags.includes(marker)) {
        cache.invalidate = original;
        resolve();
      }
    };
  });
  await getDb().$executeRaw`SELECT pg_notify(${PAGE_CACHE_CHANNEL}, ${marker})`;
  await seen;
}

/** Puts the account's page in the cache (after the announcements of its own creation). */
async function cachedPage(customerId: string) {
  await settled();
  await request(customerId);
  const again = await request(customerId);
  expect(again.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("hit");
}

/** Waits (bounded) until the page is no longer served from the cache. */
async function dropped(customerId: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const before = renders;
    await request(customerId);
    if (renders > before) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** Whether a page is still served from the cache once everything announced has arrived. */
async function stillCached(customerId: string): Promise<boolean> {
  await settled();
  const before = renders;
  await request(customerId);
  return renders === before;
}

beforeAll(async () => {
  cache = new PageCache(
    {
      cacheable: () => true,
      identify: async () => ({
        key: "user",
        tags: ["session:test"],
        validUntil: new Date(Date.now() + 60_000),
      }),
      tagsFor: async (url) =>
        (await familyIdsOf(url.pathname.split("/")[2] ?? "")).map((id) => `customer:${id}`),
    },
    { maxBytes: 1024 * 1024, maxAgeMs: 60_000 },
  );
  feed = await listenForPageChanges(cache, databaseUrl(), { log: () => {} });
});

afterAll(async () => {
  await feed.stop();
});

describe("page cache invalidation from the database", () => {
  it("empties the cache when the change feed's connection is lost, and fills it again once reconnected", async () => {
    const customer = await createCustomer(getDb());
    await cachedPage(customer.id);
    const killed = await getDb().$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'settle-page-cache'`;
    expect(killed).toEqual([{ ok: true }]);
    expect(await dropped(customer.id)).toBe(true);
    // While it reconnects (from 1 s) every request renders; then pages are kept again.
    let hit = false;
    for (let i = 0; i < 60 && !hit; i++) {
      await request(customer.id);
      hit = (await request(customer.id)).headers.get(PAGE_CACHE_STATUS_HEADER) === "hit";
      if (!hit) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(hit).toBe(true);
  });

  it("drops an account's pages when a ledger write for it commits, and only that account's", async () => {
    const customer = await createCustomer(getDb());
    const other = await createCustomer(getDb(), { legalEntityId: customer.legalEntityId });
    await cachedPage(customer.id);
    await cachedPage(other.id);

    const invoice = await createInvoiceForCustomer(getDb(), customer.id);
    expect(await dropped(customer.id)).toBe(true);
    expect(await stillCached(other.id)).toBe(true);

    await cachedPage(customer.id);
    const payment = await createCreditForCustomer(getDb(), customer.id, { amount: 1_000n });
    expect(await dropped(customer.id)).toBe(true);

    await cachedPage(customer.id);
    await applyCredit({ creditItemId: payment.id, debitItemId: invoice.id, amount: 1_000n }, cashApplier);
    expect(await dropped(customer.id)).toBe(true);
    expect(await stillCached(other.id)).toBe(true);
  });

  it("announces nothing for a write that rolls back", async () => {
    const customer = await createCustomer(getDb());
    await cachedPage(customer.id);
    await expect(
      getDb().$transaction(async (tx) => {
        await createInvoiceForCustomer(tx, customer.id);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await stillCached(customer.id)).toBe(true);
  });

  it("drops a parent's consolidated pages when a child account changes or joins", async () => {
    const parent = await createCustomer(getDb());
    const child = await createCustomer(getDb(), { legalEntityId: parent.legalEntityId, parentId: parent.id });
    await cachedPage(parent.id);
    await createInvoiceForCustomer(getDb(), child.id);
    expect(await dropped(parent.id)).toBe(true);

    // A customer moved under the parent: announced for the customer and its new parent.
    const newcomer = await createCustomer(getDb(), { legalEntityId: parent.legalEntityId });
    await cachedPage(parent.id);
    await getDb().customer.update({ where: { id: newcomer.id }, data: { parentId: parent.id } });
    expect(await dropped(parent.id)).toBe(true);
  });

  it("drops every page when reference data changes, e.g. a legal entity's bank details", async () => {
    const customer = await createCustomer(getDb());
    await cachedPage(customer.id);
    await getDb().legalEntity.update({
      where: { id: customer.legalEntityId },
      data: { name: "Renamed Ltd" },
    });
    expect(await dropped(customer.id)).toBe(true);
  });

  it("announces a set-based write of many accounts in notifications that fit PostgreSQL's payload limit", async () => {
    const listener = new pg.Client({ connectionString: databaseUrl() });
    await listener.connect();
    const payloads: string[] = [];
    listener.on("notification", (m) => payloads.push(m.payload ?? ""));
    await listener.query(`LISTEN ${PAGE_CACHE_CHANNEL}`);
    try {
      const first = await createCustomer(getDb());
      const ids = [first.id];
      for (let i = 0; i < 399; i++)
        ids.push((await createCustomer(getDb(), { legalEntityId: first.legalEntityId })).id);
      payloads.length = 0;
      await getDb().$executeRaw`UPDATE customer SET name = name || '' WHERE id = ANY(${ids}::uuid[])`;
      await getDb().$executeRaw`SELECT pg_notify(${PAGE_CACHE_CHANNEL}, 'end')`;
      for (let i = 0; i < 100 && !payloads.includes("end"); i++) await new Promise((r) => setTimeout(r, 20));
      const announced = payloads.filter((p) => p !== "end");
      // Set-based: a notification per 100 accounts, not one per row.
      expect(announced.length).toBeGreaterThan(1);
      expect(announced.length).toBeLessThanOrEqual(5);
      expect(Math.max(...announced.map((p) => Buffer.byteLength(p)))).toBeLessThan(8_000);
      const tags = announced.flatMap((p) => p.split(","));
      expect(new Set(tags)).toEqual(new Set(ids.map((id) => `customer:${id}`)));
    } finally {
      await listener.end();
    }
  });
});
