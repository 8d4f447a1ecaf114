import { describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { createCreditForCustomer, createCustomer, createLegalEntity } from "../seed/factories.ts";
import { startReceiptNumbering, takeReceiptNumbers } from "./receipt-numbers.ts";

async function entityWithReceipts(numbers: string[]) {
  const db = getDb();
  const entity = await createLegalEntity(db);
  const customer = await createCustomer(db, { legalEntityId: entity.id });
  for (const number of numbers) await createCreditForCustomer(db, customer.id, { amount: 100n, number });
  return entity.id;
}

const counterOf = (legalEntityId: string) =>
  getDb().receiptNumberCounter.findUniqueOrThrow({ where: { legalEntityId } });

describe("receipt numbers", () => {
  it("continue the prefix most of the entity's receipts use, after the highest number issued with it", async () => {
    const entity = await entityWithReceipts(["REC-000123", "REC-000200", "CARD-3MTZ8QK2", "X-900000"]);
    await startReceiptNumbering(getDb(), [entity]);
    expect(await counterOf(entity)).toMatchObject({ prefix: "REC-", lastValue: 100_000n });
    const busy = await entityWithReceipts(["REC-300100", "REC-300099"]);
    await startReceiptNumbering(getDb(), [busy]);
    expect(await counterOf(busy)).toMatchObject({ prefix: "REC-", lastValue: 300_100n });
    expect(await takeReceiptNumbers(getDb(), busy, 2)).toEqual(["REC-300101", "REC-300102"]);
  });

  it("start an entity without receipts at RCT-100001, and leave a running counter as it is", async () => {
    const entity = await entityWithReceipts([]);
    expect(await takeReceiptNumbers(getDb(), entity, 1)).toEqual(["RCT-100001"]);
    await startReceiptNumbering(getDb());
    expect(await takeReceiptNumbers(getDb(), entity, 1)).toEqual(["RCT-100002"]);
  });

  it("pass over a number another writer used in the meantime", async () => {
    const entity = await entityWithReceipts(["RCT-100001"]);
    await startReceiptNumbering(getDb(), [entity]);
    const customer = await getDb().customer.findFirstOrThrow({ where: { legalEntityId: entity } });
    // An ERP import wrote the next number before Settle took it.
    await createCreditForCustomer(getDb(), customer.id, { amount: 100n, number: "RCT-100002" });
    expect(await takeReceiptNumbers(getDb(), entity, 2)).toEqual(["RCT-100003", "RCT-100004"]);
  });
});
