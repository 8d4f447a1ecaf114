import { withClient } from "@settle/db-tools/databases";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { describe, expect, it } from "vitest";
import { testBenchDatabase } from "./bench-database.test-support.ts";
import { findDataset, generateDataset } from "./generate.ts";
import type { Scale } from "./scale.ts";

const db = testBenchDatabase();
const { url } = db;
const scale: Scale = {
  name: "custom",
  customers: 20,
  items: 2_000,
  bigCustomerItems: 200,
  bigCustomerOpenItems: 140,
};
const quiet = () => {};

const bookChecksum = () =>
  withClient(url, async (c) => {
    const { rows } = await c.query<{ items: string; applications: string }>(
      `SELECT (SELECT md5(string_agg(id || ':' || number || ':' || amount || ':' || open_amount, ',' ORDER BY id)) FROM open_item) AS items,
              (SELECT md5(string_agg(id || ':' || kind || ':' || amount, ',' ORDER BY id)) FROM application) AS applications`,
    );
    return rows[0];
  });

describe("generateDataset", () => {
  it("builds a book the domain's own ledger check accepts, deterministically, and marks it", async () => {
    const dataset = await generateDataset(db, scale, { log: quiet });

    expect(dataset.counts.customer).toBe(20);
    expect(dataset.counts.open_item).toBeGreaterThan(1_900);
    expect(dataset.counts.open_item).toBeLessThan(2_100);
    expect(dataset.counts.big_customer_items).toBeGreaterThan(150);
    // A key account in arrears: about the requested number of its items are open.
    expect(dataset.counts.big_customer_open_items).toBeGreaterThan(110);
    expect(dataset.counts.big_customer_open_items).toBeLessThan(175);
    expect(dataset.counts.application).toBeGreaterThan(1_000);
    expect(await findLedgerViolations()).toEqual([]);

    // Reused for the same scale only.
    expect((await findDataset(url, scale))?.bigCustomerId).toBe(dataset.bigCustomerId);
    expect(await findDataset(url, { ...scale, items: 3_000 })).toBeNull();

    // Same scale, same book: ids, numbers and amounts do not change between generations.
    const first = await bookChecksum();
    const again = await generateDataset(db, scale, { log: quiet });
    expect(again.bigCustomerId).toBe(dataset.bigCustomerId);
    expect(await bookChecksum()).toEqual(first);
  });
});
