import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { systemActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { ItemKind } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { reverseApplication } from "../ledger/reverse-application.ts";
import { createContact, createCustomer, createLegalEntity, createStaffUser } from "../seed/factories.ts";
import { getAccountBalances, ledgerToday } from "./account-balances.ts";
import { getCustomerAccount } from "./get-customer-account.ts";
import { getPortfolioSummary } from "./get-portfolio-summary.ts";
import { CUSTOMERS_PAGE_SIZE, listCustomers } from "./list-customers.ts";

const staff: StaffActor = {
  kind: "staff",
  userId: "00000000-0000-4000-8000-000000000001",
  roles: ["COLLECTOR"],
};
const today = ledgerToday();
const daysFromToday = (days: number) => new Date(today.getTime() + days * 86_400_000);

let seq = 0;
const next = () => ++seq;

const db = () => getDb();

function customer(input: {
  name: string;
  accountNumber: string;
  legalEntityId: string;
  collectorId?: string;
  parentId?: string;
}) {
  return createCustomer(db(), {
    creditLimit: 5_000_000n,
    creditCurrency: "USD",
    riskClass: "MEDIUM",
    paymentTermsCode: "NET30",
    paymentTermsDays: 30,
    ...input,
  });
}

/** Ledger rows with exact amounts, currencies and due dates (the factories issue priced invoices). */
async function item(input: {
  customerId: string;
  legalEntityId: string;
  kind: ItemKind;
  currency: string;
  amount: bigint;
  openAmount?: bigint;
  dueInDays?: number | null;
}) {
  return db().openItem.create({
    data: {
      customerId: input.customerId,
      legalEntityId: input.legalEntityId,
      kind: input.kind,
      number: `${input.kind.slice(0, 3)}-${next()}`,
      currency: input.currency,
      amount: input.amount,
      openAmount: input.openAmount ?? input.amount,
      documentDate: daysFromToday(-60),
      dueDate:
        input.dueInDays === null || input.dueInDays === undefined ? null : daysFromToday(input.dueInDays),
    },
  });
}

let acmeTools: { id: string };
let acmeFoods: { id: string };
let borealis: { id: string };
let appliedInvoiceId: string;

beforeAll(async () => {
  const us = await createLegalEntity(db(), { code: "TEST-US", currency: "USD" });
  const de = await createLegalEntity(db(), { code: "TEST-DE", currency: "EUR", country: "DE" });
  const collector = await createStaffUser(db(), {
    email: "collector@test.example",
    name: "Casey Collector",
    roles: ["COLLECTOR"],
    passwordHash: "not-used",
  });
  acmeTools = await customer({
    name: "Acme Tools Inc.",
    accountNumber: "T-1001",
    legalEntityId: us.id,
    collectorId: collector.id,
  });
  acmeFoods = await customer({
    name: "ACME Foods",
    accountNumber: "T-1002",
    legalEntityId: us.id,
    parentId: acmeTools.id,
  });
  borealis = await customer({ name: "Borealis GmbH", accountNumber: "T-2001", legalEntityId: de.id });
  for (let i = 1; i <= 30; i++) {
    await customer({
      name: `Filler ${String(i).padStart(2, "0")}`,
      accountNumber: `F-${3000 + i}`,
      legalEntityId: us.id,
    });
  }

  const tools = { customerId: acmeTools.id, legalEntityId: us.id };
  // USD: 100.00 overdue + 50.00 not yet due + 25.00 due today − 30.00 unapplied payment.
  await item({ ...tools, kind: "INVOICE", currency: "USD", amount: 10_000n, dueInDays: -10 });
  await item({ ...tools, kind: "INVOICE", currency: "USD", amount: 5_000n, dueInDays: 20 });
  await item({ ...tools, kind: "FEE", currency: "USD", amount: 2_500n, dueInDays: 0 });
  await item({ ...tools, kind: "PAYMENT", currency: "USD", amount: 3_000n, dueInDays: null });
  // Settled history never counts.
  await item({ ...tools, kind: "INVOICE", currency: "USD", amount: 99_900n, openAmount: 0n, dueInDays: -40 });
  // EUR on the same account: 20.00 overdue − 5.00 credit memo.
  await item({ ...tools, kind: "INVOICE", currency: "EUR", amount: 2_000n, dueInDays: -3 });
  await item({ ...tools, kind: "CREDIT_MEMO", currency: "EUR", amount: 500n, dueInDays: null });

  // Foods: a payment applied to an invoice, then reversed and applied again (activity).
  const foods = { customerId: acmeFoods.id, legalEntityId: us.id };
  const invoice = await item({ ...foods, kind: "INVOICE", currency: "USD", amount: 40_000n, dueInDays: -5 });
  const payment = await item({
    ...foods,
    kind: "PAYMENT",
    currency: "USD",
    amount: 15_000n,
    dueInDays: null,
  });
  appliedInvoiceId = invoice.id;
  const system = systemActor("test");
  const first = await applyCredit(
    { creditItemId: payment.id, debitItemId: invoice.id, amount: 10_000n },
    system,
  );
  await reverseApplication({ applicationId: first.id, reason: "Wrong invoice" }, system);
  await applyCredit({ creditItemId: payment.id, debitItemId: invoice.id, amount: 15_000n }, system);

  await item({
    customerId: borealis.id,
    legalEntityId: de.id,
    kind: "INVOICE",
    currency: "EUR",
    amount: 700_000n,
    dueInDays: 5,
  });
});

describe("listCustomers", () => {
  it("searches by name, case-insensitively", async () => {
    const result = await listCustomers({ q: "acme" }, staff);
    expect(result.rows.map((r) => r.name)).toEqual(["ACME Foods", "Acme Tools Inc."]);
    expect(result.total).toBe(2);
  });

  it("searches by account number and treats wildcards literally", async () => {
    expect((await listCustomers({ q: "T-2001" }, staff)).rows.map((r) => r.name)).toEqual(["Borealis GmbH"]);
    expect((await listCustomers({ q: "%" }, staff)).total).toBe(0);
    expect((await listCustomers({ q: "T-_00" }, staff)).total).toBe(0);
  });

  it("pages 25 at a time and reports a page past the end without failing", async () => {
    const first = await listCustomers({ page: 1 }, staff);
    expect(first.rows).toHaveLength(CUSTOMERS_PAGE_SIZE);
    expect(first.total).toBe(33);
    expect(first.pageCount).toBe(2);
    const second = await listCustomers({ page: "2" }, staff);
    expect(second.rows).toHaveLength(8);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(33);
    const beyond = await listCustomers({ page: 3 }, staff);
    expect(beyond.rows).toEqual([]);
    expect(beyond).toMatchObject({ page: 3, pageCount: 2, total: 33 });
  });

  it("falls back to defaults for nonsense parameters", async () => {
    const result = await listCustomers(
      { page: "abc", sort: "evil; DROP TABLE customer", dir: "sideways" },
      staff,
    );
    expect(result).toMatchObject({ page: 1, sort: "name", dir: "asc" });
  });

  it("shows balance and overdue in the account's currency and every other currency", async () => {
    const [row] = (await listCustomers({ q: "T-1001" }, staff)).rows;
    expect(row).toMatchObject({
      accountNumber: "T-1001",
      currency: "USD",
      balance: 14_500n,
      overdue: 10_000n,
      legalEntity: { code: "TEST-US" },
      collector: { name: "Casey Collector" },
    });
    expect(row?.balances.map((b) => [b.currency, b.balance, b.overdue])).toEqual([
      ["USD", 14_500n, 10_000n],
      ["EUR", 1_500n, 2_000n],
    ]);
  });

  it("sorts by balance and overdue in either direction", async () => {
    const byBalance = await listCustomers({ sort: "balance", dir: "desc" }, staff);
    // Borealis owes 7,000.00 EUR, Foods 250.00 USD, Tools 145.00 USD; fillers owe nothing.
    expect(byBalance.rows.slice(0, 3).map((r) => r.accountNumber)).toEqual(["T-2001", "T-1002", "T-1001"]);
    const byOverdue = await listCustomers({ sort: "overdue", dir: "desc" }, staff);
    expect(byOverdue.rows.slice(0, 3).map((r) => r.accountNumber)).toEqual(["T-1002", "T-1001", "T-2001"]);
    const ascending = await listCustomers({ sort: "balance", dir: "asc", page: 2 }, staff);
    expect(ascending.rows.at(-1)?.accountNumber).toBe("T-2001");
    const byAccount = await listCustomers({ sort: "account", dir: "desc" }, staff);
    expect(byAccount.rows[0]?.accountNumber).toBe("T-2001");
  });

  it("shows a portal user only their own accounts", async () => {
    const portal: PortalActor = {
      kind: "portal",
      userId: "p1",
      memberships: [{ customerId: borealis.id, role: "VIEWER" }],
    };
    const result = await listCustomers({}, portal);
    expect(result.rows.map((r) => r.id)).toEqual([borealis.id]);
  });
});

describe("getPortfolioSummary", () => {
  const bucketsOf = (summary: Awaited<ReturnType<typeof getPortfolioSummary>>, currency: string) => {
    const c = summary.currencies.find((x) => x.currency === currency);
    return c && [c.aging.current, c.aging.days1to30, c.aging.days31to60, c.aging.days61to90, c.aging.over90];
  };

  it("totals balance, overdue and aging per currency and lists the most overdue accounts", async () => {
    const summary = await getPortfolioSummary({}, staff);
    expect(summary.customers).toBe(33);
    expect(
      summary.currencies.map((c) => [c.currency, c.balance, c.overdue, c.accounts, c.accountsOverdue]),
    ).toEqual([
      ["EUR", 701_500n, 2_000n, 2, 1],
      ["USD", 39_500n, 35_000n, 2, 2],
    ]);
    expect(bucketsOf(summary, "USD")).toEqual([7_500n, 35_000n, 0n, 0n, 0n]);
    // Overdue in another currency than the account's own is not ranked against it.
    expect(summary.mostOverdue.map((a) => [a.accountNumber, a.overdue])).toEqual([
      ["T-1002", 25_000n],
      ["T-1001", 10_000n],
    ]);
  });

  it("puts items in the right aging bucket at the bucket boundaries", async () => {
    // Due dates relative to the real today: -10, -5, 0, +20 (USD); -3, +5 (EUR).
    const in31 = await getPortfolioSummary({}, staff, { today: daysFromToday(31) });
    expect(bucketsOf(in31, "USD")).toEqual([0n, 5_000n, 37_500n, 0n, 0n]);
    const in91 = await getPortfolioSummary({}, staff, { today: daysFromToday(91) });
    expect(bucketsOf(in91, "USD")).toEqual([0n, 0n, 0n, 5_000n, 37_500n]);
    expect(bucketsOf(in91, "EUR")).toEqual([0n, 0n, 0n, 700_000n, 2_000n]);
  });

  it("covers only a portal user's own accounts", async () => {
    const portal: PortalActor = {
      kind: "portal",
      userId: "p1",
      memberships: [{ customerId: borealis.id, role: "VIEWER" }],
    };
    const summary = await getPortfolioSummary({}, portal);
    expect(summary.customers).toBe(1);
    expect(summary.currencies.map((c) => [c.currency, c.balance])).toEqual([["EUR", 700_000n]]);
    expect(summary.mostOverdue).toEqual([]);
  });
});

describe("getCustomerAccount", () => {
  it("returns the header, contacts, balances per currency and open items, oldest due first", async () => {
    await createContact(db(), {
      customerId: acmeTools.id,
      name: "Pat Payables",
      email: "ap@acme.example",
      isPrimary: true,
    });
    await createContact(db(), { customerId: acmeTools.id, name: "Alex Accounts" });
    const account = await getCustomerAccount({ customerId: acmeTools.id }, staff);
    expect(account.customer).toMatchObject({
      accountNumber: "T-1001",
      name: "Acme Tools Inc.",
      legalEntity: { code: "TEST-US", currency: "USD" },
      paymentTerms: { code: "NET30", days: 30 },
      creditLimit: { amount: 5_000_000n, currency: "USD" },
      riskClass: "MEDIUM",
      collector: { name: "Casey Collector" },
      parent: null,
    });
    expect(account.customer.children.map((c) => c.accountNumber)).toEqual(["T-1002"]);
    expect(account.contacts.map((c) => c.name)).toEqual(["Pat Payables", "Alex Accounts"]);
    expect(account.contacts[0]).toMatchObject({
      email: "ap@acme.example",
      isPrimary: true,
      jobTitle: "Controller",
    });
    expect(typeof account.customer.creditLimit.amount).toBe("bigint");
    expect(
      account.balances.map((b) => [b.currency, b.balance, b.overdue, b.openDebits, b.openCredits]),
    ).toEqual([
      ["USD", 14_500n, 10_000n, 17_500n, 3_000n],
      ["EUR", 1_500n, 2_000n, 2_000n, 500n],
    ]);
    const rows = account.openItems.rows;
    expect(account.openItems.total).toBe(6);
    expect(rows.map((r) => [r.kind, r.currency, r.daysOverdue])).toEqual([
      ["INVOICE", "USD", 10],
      ["INVOICE", "EUR", 3],
      ["FEE", "USD", 0],
      ["INVOICE", "USD", 0],
      ["CREDIT_MEMO", "EUR", 0],
      ["PAYMENT", "USD", 0],
    ]);
    expect(
      rows
        .filter((r) => r.isCredit)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(["CREDIT_MEMO", "PAYMENT"]);
  });

  it("pages open items", async () => {
    const us = await db().legalEntity.findUniqueOrThrow({ where: { code: "TEST-US" } });
    const big = await customer({ name: "Many Items Co", accountNumber: "T-9000", legalEntityId: us.id });
    for (let i = 0; i < 27; i++) {
      await item({
        customerId: big.id,
        legalEntityId: us.id,
        kind: "INVOICE",
        currency: "USD",
        amount: 100n,
        dueInDays: i,
      });
    }
    const page2 = await getCustomerAccount({ customerId: big.id, page: "2" }, staff);
    expect(page2.openItems).toMatchObject({ page: 2, total: 27, pageCount: 2 });
    expect(page2.openItems.rows).toHaveLength(2);
    const beyond = await getCustomerAccount({ customerId: big.id, page: 9 }, staff);
    expect(beyond.openItems.rows).toEqual([]);
  });

  it("lists applications and reversals as recent activity", async () => {
    const account = await getCustomerAccount({ customerId: acmeFoods.id }, staff);
    const applications = account.activity.filter((a) => a.type === "application");
    expect(applications.map((a) => [a.kind, a.amount])).toEqual([
      ["APPLY", 15_000n],
      ["REVERSAL", 10_000n],
      ["APPLY", 10_000n],
    ]);
    expect(account.activity.filter((a) => a.type === "item")).toHaveLength(2);
    expect(account.openItems.rows.find((r) => r.id === appliedInvoiceId)?.openAmount).toBe(25_000n);
    expect(account.customer.parent?.accountNumber).toBe("T-1001");
  });

  it("shows the staff trail among the latest ledger entries, and only what makes the list", async () => {
    const us = await db().legalEntity.findUniqueOrThrow({ where: { code: "TEST-US" } });
    const busy = await customer({ name: "Busy Trail Co", accountNumber: "T-9100", legalEntityId: us.id });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const audit = (action: string, minutesAgo: number, entityType = "customer") =>
      db().auditEvent.create({
        data: {
          at: at(minutesAgo),
          actorType: "system",
          actorId: "test",
          action,
          entityType,
          entityId: busy.id,
          customerId: busy.id,
        },
      });
    // A note long ago, then 20 invoices (and their ledger events) 500 to 120 minutes ago, and a
    // note at 390 minutes: only 14 invoices are newer, so it is the list's 15th entry.
    await audit("customer.old_note", 600);
    for (let n = 0; n < 20; n++) {
      const created = await item({
        customerId: busy.id,
        legalEntityId: us.id,
        kind: "INVOICE",
        currency: "USD",
        amount: 100n,
      });
      await db().openItem.update({ where: { id: created.id }, data: { createdAt: at(500 - n * 20) } });
      await audit("item.create", 500 - n * 20, "open_item");
    }
    await audit("customer.mid_note", 390);

    const account = await getCustomerAccount({ customerId: busy.id }, staff);
    const trail = account.activity
      .filter((a) => a.type === "audit")
      .map((a) => a.type === "audit" && a.action);
    expect(trail).toEqual(["customer.mid_note"]);
    expect(account.activity).toHaveLength(15);
    expect(account.activity[14]).toMatchObject({ type: "audit", action: "customer.mid_note" });
    // With fewer ledger entries than the list holds, older trail entries fill it.
    const quiet = await customer({ name: "Quiet Trail Co", accountNumber: "T-9101", legalEntityId: us.id });
    await db().auditEvent.create({
      data: {
        at: at(900),
        actorType: "system",
        actorId: "test",
        action: "customer.old_note",
        entityType: "customer",
        entityId: quiet.id,
        customerId: quiet.id,
      },
    });
    const few = await getCustomerAccount({ customerId: quiet.id }, staff);
    expect(few.activity.map((a) => a.type === "audit" && a.action)).toEqual(["customer.old_note"]);
  });

  it("gives a portal user their own account without internal fields", async () => {
    const portal: PortalActor = {
      kind: "portal",
      userId: "p1",
      memberships: [{ customerId: acmeFoods.id, role: "PAYER" }],
    };
    const account = await getCustomerAccount({ customerId: acmeFoods.id }, portal);
    expect(account.customer).toMatchObject({ riskClass: null, collector: null, parent: null });
    expect(account.activity.every((a) => a.type !== "audit")).toBe(true);
  });

  it("is NOT_FOUND for a portal user of another customer", async () => {
    const portal: PortalActor = {
      kind: "portal",
      userId: "p1",
      memberships: [{ customerId: borealis.id, role: "ADMIN" }],
    };
    await expect(getCustomerAccount({ customerId: acmeTools.id }, portal)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getAccountBalances({ customerId: acmeTools.id }, portal)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is NOT_FOUND for malformed and unknown ids", async () => {
    for (const customerId of ["not-a-uuid", "1 OR 1=1", "", "00000000-0000-4000-8000-00000000000z"]) {
      const error = await getCustomerAccount({ customerId }, staff).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(
      getCustomerAccount({ customerId: "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f" }, staff),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getAccountBalances", () => {
  it("shows a zero balance in the account's own currency when nothing is open in it", async () => {
    const result = await getAccountBalances({ customerId: borealis.id }, staff);
    expect(result).toMatchObject({ currency: "EUR" });
    expect(result.balances.map((b) => [b.currency, b.balance, b.overdue])).toEqual([["EUR", 700_000n, 0n]]);
    const filler = (await listCustomers({ q: "Filler 01" }, staff)).rows[0];
    const empty = await getAccountBalances({ customerId: filler!.id }, staff);
    expect(empty.balances).toEqual([
      { currency: "USD", balance: 0n, overdue: 0n, openDebits: 0n, openCredits: 0n },
    ]);
  });
});
