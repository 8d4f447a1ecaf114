import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type PortalActor, type StaffActor, systemActor } from "../actor.ts";
import { addDays, isoDate } from "../base/dates.ts";
import { balancesByCustomer, ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { ItemKind } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { isCreditKind } from "../ledger/item-kinds.ts";
import { reverseApplication } from "../ledger/reverse-application.ts";
import { sumAmounts } from "../money/money.ts";
import { createCustomer, createLegalEntity } from "../seed/factories.ts";
import { type GetStatementInput, getStatement, type Statement } from "./get-statement.ts";
import { AGING_BUCKETS, STATEMENT_PAGE_SIZE } from "./statement-options.ts";

const system = systemActor("statement-test");
const staff: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const today = ledgerToday();
const day = (offset: number) => addDays(today, offset);
const iso = (offset: number) => isoDate(day(offset));

let usdEntity: string;
let eurEntity: string;
let parent: string;
let childA: string;
let childB: string;
let aging: string;
let multi: string;
let paged: string;
let foreign: string;
const ids: Record<string, string> = {};

async function item(input: {
  customerId: string;
  kind: ItemKind;
  number: string;
  amount: bigint;
  documentDate: number;
  dueDate?: number | null;
  currency?: string;
  legalEntityId?: string;
}) {
  const created = await getDb().openItem.create({
    data: {
      customerId: input.customerId,
      legalEntityId: input.legalEntityId ?? usdEntity,
      kind: input.kind,
      number: input.number,
      currency: input.currency ?? "USD",
      amount: input.amount,
      openAmount: input.amount,
      documentDate: day(input.documentDate),
      dueDate: input.dueDate === undefined || input.dueDate === null ? null : day(input.dueDate),
    },
  });
  ids[input.number] = created.id;
  return created.id;
}

const apply = (credit: string, debit: string, amount: bigint) =>
  applyCredit({ creditItemId: ids[credit]!, debitItemId: ids[debit]!, amount }, system);

const portal = (...customerIds: string[]): PortalActor => ({
  kind: "portal",
  userId: randomUUID(),
  memberships: customerIds.map((customerId) => ({ customerId, role: "VIEWER" as const })),
});

async function customer(name: string, legalEntityId: string, parentId?: string) {
  const c = await createCustomer(getDb(), {
    name,
    legalEntityId,
    parentId: parentId ?? null,
    paymentTermsCode: "NET30",
    paymentTermsDays: 30,
  });
  return c.id;
}

async function failure(run: Promise<unknown>): Promise<DomainError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Every line's balance is the previous one plus its effect, per account, starting at the opening. */
function expectRunningBalances(statement: Statement) {
  const last = new Map(statement.accounts.map((a) => [a.id, a.opening]));
  for (const line of statement.lines.rows) {
    const expected = last.get(line.accountId)! + line.signedAmount;
    expect(line.balance, line.number).toBe(expected);
    last.set(line.accountId, expected);
  }
  for (const account of statement.accounts) expect(last.get(account.id), account.name).toBe(account.closing);
}

beforeAll(async () => {
  const db = getDb();
  usdEntity = (await createLegalEntity(db, { name: "Northwind Supply Inc.", currency: "USD" })).id;
  eurEntity = (await createLegalEntity(db, { name: "Northwind Europe GmbH", currency: "EUR", country: "DE" }))
    .id;
  parent = await customer("Acme Holding", usdEntity);
  childA = await customer("Acme Alpha", usdEntity, parent);
  childB = await customer("Acme Beta", eurEntity, parent);
  aging = await customer("Aging Boundaries Ltd", usdEntity);
  multi = await customer("Two Currencies Ltd", usdEntity);
  paged = await customer("Many Documents Ltd", usdEntity);
  foreign = await customer("Someone Else Ltd", usdEntity);

  // Parent: 600.00 owed before the last 90 days, then +500 −50 +250 in them.
  await item({
    customerId: parent,
    kind: "INVOICE",
    number: "INV-P1",
    amount: 100_000n,
    documentDate: -200,
    dueDate: -170,
  });
  await item({ customerId: parent, kind: "PAYMENT", number: "PAY-P1", amount: 40_000n, documentDate: -150 });
  await apply("PAY-P1", "INV-P1", 40_000n);
  await item({
    customerId: parent,
    kind: "INVOICE",
    number: "INV-P2",
    amount: 50_000n,
    documentDate: -60,
    dueDate: -30,
  });
  await item({ customerId: parent, kind: "CREDIT_MEMO", number: "CM-P1", amount: 5_000n, documentDate: -40 });
  await item({
    customerId: parent,
    kind: "INVOICE",
    number: "INV-P3",
    amount: 25_000n,
    documentDate: -10,
    dueDate: 20,
  });
  // Applied and reversed: documents and balances stay as they were.
  const applied = await apply("CM-P1", "INV-P3", 5_000n);
  await reverseApplication({ applicationId: applied.id, reason: "Applied to the wrong invoice" }, system);
  // Same day: ordered by number.
  await item({
    customerId: parent,
    kind: "DEBIT_MEMO",
    number: "DM-P1",
    amount: 1_000n,
    documentDate: -60,
    dueDate: -30,
  });

  await item({
    customerId: childA,
    kind: "INVOICE",
    number: "INV-A1",
    amount: 7_000n,
    documentDate: -120,
    dueDate: -90,
  });
  await item({
    customerId: childA,
    kind: "INVOICE",
    number: "INV-A2",
    amount: 3_000n,
    documentDate: -5,
    dueDate: 25,
  });
  await item({ customerId: childA, kind: "PAYMENT", number: "PAY-A1", amount: 3_000n, documentDate: -2 });
  await apply("PAY-A1", "INV-A2", 3_000n);
  await item({
    customerId: childB,
    kind: "INVOICE",
    number: "INV-B1",
    amount: 9_000n,
    documentDate: -20,
    dueDate: 10,
    currency: "EUR",
    legalEntityId: eurEntity,
  });

  // Aging: one invoice per boundary, days past due today → amount in cents.
  for (const [daysPastDue, amount] of [
    [-5, 1n],
    [0, 2n],
    [1, 4n],
    [30, 8n],
    [31, 16n],
    [60, 32n],
    [61, 64n],
    [90, 128n],
    [91, 256n],
    [120, 512n],
    [121, 1024n],
  ] as const) {
    await item({
      customerId: aging,
      kind: "INVOICE",
      number: `AG-${daysPastDue}`,
      amount,
      documentDate: -daysPastDue - 30,
      dueDate: -daysPastDue,
    });
  }
  await item({ customerId: aging, kind: "PAYMENT", number: "AG-PAY", amount: 2_048n, documentDate: -1 });

  await item({
    customerId: multi,
    kind: "INVOICE",
    number: "M-USD-1",
    amount: 10_000n,
    documentDate: -30,
    dueDate: 0,
  });
  await item({
    customerId: multi,
    kind: "INVOICE",
    number: "M-EUR-1",
    amount: 70_000n,
    documentDate: -30,
    dueDate: 0,
    currency: "EUR",
  });
  await item({
    customerId: multi,
    kind: "CREDIT_MEMO",
    number: "M-EUR-CM",
    amount: 20_000n,
    documentDate: -20,
    currency: "EUR",
  });

  for (let i = 0; i < 250; i++) {
    await item({
      customerId: paged,
      kind: i % 5 === 4 ? "PAYMENT" : "INVOICE",
      number: `PG-${String(i).padStart(4, "0")}`,
      amount: BigInt(1_000 + i),
      documentDate: -80 + Math.floor(i / 4),
      dueDate: i % 5 === 4 ? null : -50 + Math.floor(i / 4),
    });
  }

  await item({
    customerId: foreign,
    kind: "INVOICE",
    number: "F-1",
    amount: 999_999n,
    documentDate: -10,
    dueDate: 20,
  });
});

describe("getStatement: the period", () => {
  it("defaults to the last 90 days and proves opening + movements = closing", async () => {
    const s = await getStatement({ customerId: parent, consolidated: false }, portal(parent));
    expect(isoDate(s.from)).toBe(iso(-90));
    expect(isoDate(s.to)).toBe(iso(0));
    expect(s.consolidated).toBe(false);
    expect(s.currency).toBe("USD");
    const [own] = s.accounts;
    expect(own).toMatchObject({ opening: 60_000n, debits: 76_000n, credits: 5_000n, closing: 131_000n });
    expect(s.totals).toEqual({ opening: 60_000n, debits: 76_000n, credits: 5_000n, closing: 131_000n });
    expect(s.lines.rows.map((l) => [l.number, l.signedAmount, l.balance])).toEqual([
      ["DM-P1", 1_000n, 61_000n],
      ["INV-P2", 50_000n, 111_000n],
      ["CM-P1", -5_000n, 106_000n],
      ["INV-P3", 25_000n, 131_000n],
    ]);
    expect(s.lines.rows[0]!.documentDate).toEqual(day(-60));
    expect(s.lines.rows[0]!.dueDate).toEqual(day(-30));
    expectRunningBalances(s);
  });

  it("closes today at the account's balance in that currency", async () => {
    for (const customerId of [parent, aging, multi, paged]) {
      const balances = (await balancesByCustomer([customerId])).get(customerId) ?? [];
      for (const b of balances) {
        const s = await getStatement({ customerId, currency: b.currency, consolidated: false }, staff);
        expect(s.totals.closing, `${customerId} ${b.currency}`).toBe(b.balance);
        expect(s.aging.net).toBe(b.balance);
      }
    }
  });

  it("takes a chosen period, and ages open items as they were at its end", async () => {
    const s = await getStatement(
      { customerId: parent, from: iso(-135), to: iso(-45), consolidated: "0" },
      staff,
    );
    expect(s.accounts[0]).toMatchObject({
      opening: 60_000n,
      debits: 51_000n,
      credits: 0n,
      closing: 111_000n,
    });
    expect(s.lines.rows.map((l) => l.number)).toEqual(["DM-P1", "INV-P2"]);
    // The payment was applied only today: on that day the invoice was still fully open, the
    // payment unapplied, and INV-P2 not yet due.
    expect(isoDate(s.aging.asOf)).toBe(iso(-45));
    expect(s.aging.buckets).toEqual([
      { bucket: "current", amount: 51_000n, count: 2 },
      { bucket: "1-30", amount: 0n, count: 0 },
      { bucket: "31-60", amount: 0n, count: 0 },
      { bucket: "61-90", amount: 0n, count: 0 },
      { bucket: "91-120", amount: 0n, count: 0 },
      { bucket: "over-120", amount: 100_000n, count: 1 },
    ]);
    expect(s.aging.unappliedCredits).toBe(40_000n);
    expect(s.aging.net).toBe(s.totals.closing);
  });

  it("lists documents of one currency only, defaulting to the legal entity's", async () => {
    const usd = await getStatement({ customerId: multi }, staff);
    expect(usd.currencies).toEqual(["USD", "EUR"]);
    expect(usd.currency).toBe("USD");
    expect(usd.lines.rows.map((l) => l.number)).toEqual(["M-USD-1"]);
    expect(usd.totals.closing).toBe(10_000n);
    expect(usd.aging.openDebits).toBe(10_000n);

    const eur = await getStatement({ customerId: multi, currency: "eur" }, staff);
    expect(eur.currency).toBe("EUR");
    expect(eur.lines.rows.map((l) => l.number)).toEqual(["M-EUR-1", "M-EUR-CM"]);
    expect(eur.totals).toEqual({ opening: 0n, debits: 70_000n, credits: 20_000n, closing: 50_000n });
    expect(eur.aging.unappliedCredits).toBe(20_000n);
    expect(eur.aging.net).toBe(50_000n);
  });

  it("refuses a currency the account has no documents in, or that is not a code", async () => {
    expect((await failure(getStatement({ customerId: multi, currency: "GBP" }, staff))).message).toMatch(
      /no documents in GBP; choose USD, EUR/,
    );
    const bad = await failure(getStatement({ customerId: multi, currency: "dollars" }, staff));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.message).toMatch(/not a currency code/);
  });
});

describe("getStatement: aging", () => {
  it("puts items into buckets at the exact day boundaries, credits apart", async () => {
    const s = await getStatement({ customerId: aging }, staff);
    expect(s.aging.buckets).toEqual([
      { bucket: "current", amount: 1n + 2n, count: 2 },
      { bucket: "1-30", amount: 4n + 8n, count: 2 },
      { bucket: "31-60", amount: 16n + 32n, count: 2 },
      { bucket: "61-90", amount: 64n + 128n, count: 2 },
      { bucket: "91-120", amount: 256n + 512n, count: 2 },
      { bucket: "over-120", amount: 1024n, count: 1 },
    ]);
    expect(s.aging.openDebits).toBe(2047n);
    expect(s.aging.unappliedCredits).toBe(2048n);
    expect(s.aging.unappliedCreditCount).toBe(1);
    expect(s.aging.net).toBe(-1n);
  });
});

/** The aging recomputed from the items themselves (open amounts as cached, so `asOf` ≥ today). */
async function agingFromItems(statement: Statement) {
  const items = await getDb().openItem.findMany({
    where: {
      customerId: { in: statement.accounts.map((a) => a.id) },
      currency: statement.currency,
      ...(statement.legalEntityId ? { legalEntityId: statement.legalEntityId } : {}),
      openAmount: { gt: 0n },
      documentDate: { lte: statement.aging.asOf },
    },
  });
  const buckets = new Map<string, { amount: bigint; count: number }>();
  for (const i of items) {
    const late = i.dueDate
      ? Math.round((statement.aging.asOf.getTime() - i.dueDate.getTime()) / 86_400_000)
      : 0;
    const bucket = isCreditKind(i.kind)
      ? "credit"
      : late <= 0
        ? "current"
        : late <= 30
          ? "1-30"
          : late <= 60
            ? "31-60"
            : late <= 90
              ? "61-90"
              : late <= 120
                ? "91-120"
                : "over-120";
    const b = buckets.get(bucket) ?? { amount: 0n, count: 0 };
    buckets.set(bucket, { amount: b.amount + i.openAmount, count: b.count + 1 });
  }
  const credit = buckets.get("credit") ?? { amount: 0n, count: 0 };
  return {
    buckets: AGING_BUCKETS.map((bucket) => ({
      bucket,
      ...(buckets.get(bucket) ?? { amount: 0n, count: 0 }),
    })),
    unappliedCredits: credit.amount,
    unappliedCreditCount: credit.count,
  };
}

describe("getStatement: aging from the summary's pass", () => {
  it("gives the figures of the items themselves across currencies, legal entities and child accounts", async () => {
    const cases: [string, GetStatementInput][] = [
      ["consolidated", { customerId: parent }],
      ["consolidated, open view", { customerId: parent, view: "open" }],
      ["parent alone", { customerId: parent, consolidated: false }],
      ["one legal entity", { customerId: parent, legalEntityId: eurEntity }],
      ["one legal entity, open view", { customerId: parent, legalEntityId: usdEntity, view: "open" }],
      ["boundaries", { customerId: aging }],
      ["second currency", { customerId: multi, currency: "EUR", view: "open" }],
      // Ending in a month: the open items aged as they will be then.
      ["post-dated end", { customerId: parent, from: iso(-60), to: iso(30) }],
      ["post-dated end, boundaries", { customerId: aging, from: iso(-60), to: iso(45) }],
      ["many documents", { customerId: paged, view: "open" }],
    ];
    for (const [name, input] of cases) {
      const s = await getStatement(input, staff);
      const expected = await agingFromItems(s);
      expect(s.aging.buckets, name).toEqual(expected.buckets);
      expect(s.aging.unappliedCredits, name).toBe(expected.unappliedCredits);
      expect(s.aging.unappliedCreditCount, name).toBe(expected.unappliedCreditCount);
      expect(s.aging.openDebits, name).toBe(sumAmounts(expected.buckets.map((b) => b.amount)));
    }
  });

  it("ages a post-dated end as of that day, in the same buckets a later statement will show", async () => {
    const s = await getStatement({ customerId: aging, from: iso(-60), to: iso(30) }, staff);
    expect(isoDate(s.aging.asOf)).toBe(iso(30));
    // Thirty days on, every invoice is thirty days further past due: none is current any more.
    expect(s.aging.buckets.map((b) => [b.bucket, b.amount])).toEqual([
      ["current", 0n],
      ["1-30", 1n + 2n],
      ["31-60", 4n + 8n],
      ["61-90", 16n + 32n],
      ["91-120", 64n + 128n],
      ["over-120", 256n + 512n + 1024n],
    ]);
  });
});

describe("getStatement: open items", () => {
  it("lists what is open today with open amounts, whatever the period", async () => {
    const s = await getStatement(
      { customerId: parent, view: "open", from: iso(-3), consolidated: false },
      staff,
    );
    expect(s.view).toBe("open");
    expect(s.lines.rows.map((l) => [l.number, l.openAmount, l.signedAmount, l.balance])).toEqual([
      ["INV-P1", 60_000n, 60_000n, 60_000n],
      ["DM-P1", 1_000n, 1_000n, 61_000n],
      ["INV-P2", 50_000n, 50_000n, 111_000n],
      ["CM-P1", 5_000n, -5_000n, 106_000n],
      ["INV-P3", 25_000n, 25_000n, 131_000n],
    ]);
    expect(s.accounts[0]).toMatchObject({
      opening: 0n,
      debits: 136_000n,
      credits: 5_000n,
      closing: 131_000n,
    });
    expect(s.lines.rows.find((l) => l.number === "INV-P1")?.daysOverdue).toBe(170);
    expect(s.lines.rows.find((l) => l.number === "INV-P3")?.daysOverdue).toBe(0);
    expectRunningBalances(s);
  });
});

describe("getStatement: consolidated parent accounts", () => {
  it("groups the parent and its child accounts, each with its own running balance", async () => {
    const s = await getStatement({ customerId: parent }, portal(parent));
    expect(s.consolidated).toBe(true);
    expect(s.hasChildren).toBe(true);
    expect(s.accounts.map((a) => [a.name, a.opening, a.debits, a.credits, a.closing, a.lineCount])).toEqual([
      ["Acme Holding", 60_000n, 76_000n, 5_000n, 131_000n, 4],
      ["Acme Alpha", 7_000n, 3_000n, 3_000n, 7_000n, 2],
      // Billed in EUR: nothing in the USD statement.
      ["Acme Beta", 0n, 0n, 0n, 0n, 0],
    ]);
    expect(s.totals).toEqual({ opening: 67_000n, debits: 79_000n, credits: 8_000n, closing: 138_000n });
    expect(s.lines.rows.map((l) => [l.accountId, l.number])).toEqual([
      [parent, "DM-P1"],
      [parent, "INV-P2"],
      [parent, "CM-P1"],
      [parent, "INV-P3"],
      [childA, "INV-A2"],
      [childA, "PAY-A1"],
    ]);
    expectRunningBalances(s);
    expect(s.aging.net).toBe(138_000n);
  });

  it("filters by legal entity, which also picks that entity's currency", async () => {
    const s = await getStatement({ customerId: parent, legalEntityId: eurEntity }, staff);
    expect(s.currency).toBe("EUR");
    expect(s.legalEntity.name).toBe("Northwind Europe GmbH");
    expect(s.lines.rows.map((l) => l.number)).toEqual(["INV-B1"]);
    expect(s.totals.closing).toBe(9_000n);
    expect(s.legalEntities.map((e) => e.name)).toEqual(["Northwind Europe GmbH", "Northwind Supply Inc."]);

    const unknown = await failure(getStatement({ customerId: parent, legalEntityId: randomUUID() }, staff));
    expect(unknown.code).toBe("VALIDATION");
  });

  it("does not give a child account's user the parent or its siblings", async () => {
    const child = await getStatement({ customerId: childA }, portal(childA));
    expect(child.consolidated).toBe(false);
    expect(child.accounts.map((a) => a.id)).toEqual([childA]);
    expect((await failure(getStatement({ customerId: parent }, portal(childA)))).code).toBe("NOT_FOUND");
  });
});

describe("getStatement: paging", () => {
  it("pages long statements with the running balance carried across pages", async () => {
    const first = await getStatement({ customerId: paged }, staff);
    expect(first.lines).toMatchObject({ page: 1, pageSize: STATEMENT_PAGE_SIZE, total: 250, pageCount: 3 });
    expect(first.lines.rows).toHaveLength(100);
    const second = await getStatement({ customerId: paged, page: "2" }, staff);
    const lastOfFirst = first.lines.rows.at(-1)!;
    const firstOfSecond = second.lines.rows[0]!;
    expect(firstOfSecond.balance).toBe(lastOfFirst.balance + firstOfSecond.signedAmount);
    const third = await getStatement({ customerId: paged, page: 3 }, staff);
    expect(third.lines.rows).toHaveLength(50);
    expect(third.lines.rows.at(-1)!.balance).toBe(third.totals.closing);

    const past = await getStatement({ customerId: paged, page: 9 }, staff);
    expect(past.lines).toMatchObject({ page: 9, total: 250, pageCount: 3, rows: [] });

    const all = await getStatement({ customerId: paged, page: 2 }, staff, { allLines: true });
    expect(all.lines.rows).toHaveLength(250);
    expectRunningBalances(all);
  });
});

describe("getStatement: bad input", () => {
  it("refuses reversed, absurd and malformed periods with a clear message", async () => {
    const reversed = await failure(getStatement({ customerId: parent, from: iso(-1), to: iso(-30) }, staff));
    expect(reversed.code).toBe("VALIDATION");
    expect(reversed.message).toMatch(/is after the end date/);
    // Pages word the message in their own language from these details.
    expect(reversed.details).toEqual({ problem: "reversedRange", from: iso(-1), to: iso(-30) });
    const long = await failure(
      getStatement({ customerId: parent, from: "2016-01-01", to: "2026-01-01" }, staff),
    );
    expect(long.message).toMatch(/at most 5 years/);
    const malformed = await failure(getStatement({ customerId: parent, from: "2026-02-30" }, staff));
    expect(malformed.message).toMatch(/not a date/);
    expect(malformed.details).toMatchObject({ problem: "invalidDate", field: "from", value: "2026-02-30" });
    const ancient = await failure(
      getStatement({ customerId: parent, from: "0001-01-01", to: "0002-01-01" }, staff),
    );
    expect(ancient.code).toBe("VALIDATION");
    const future = await failure(getStatement({ customerId: parent, to: iso(800) }, staff));
    expect(future.message).toMatch(/too far in the future/);
  });

  it("answers NOT_FOUND for foreign, unknown and malformed account ids, whatever the filters", async () => {
    for (const customerId of [foreign, randomUUID(), "not-a-uuid", "", `${parent}' OR 1=1`]) {
      const error = await failure(getStatement({ customerId }, portal(parent)));
      expect(error.code, customerId).toBe("NOT_FOUND");
    }
    const badFilters = { from: iso(0), to: iso(-9), currency: "XXX" };
    expect((await failure(getStatement({ customerId: foreign, ...badFilters }, portal(parent)))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("falls back to defaults for nonsense view and page values", async () => {
    const s = await getStatement(
      { customerId: parent, view: "weird", page: "-3", consolidated: "maybe" },
      staff,
    );
    expect(s.view).toBe("activity");
    expect(s.lines.page).toBe(1);
    expect(s.consolidated).toBe(true);
  });
});
