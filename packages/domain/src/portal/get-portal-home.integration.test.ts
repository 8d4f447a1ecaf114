import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type PortalActor, systemActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { createInvoice } from "../ledger/create-invoice.ts";
import { recordCredit } from "../ledger/record-credit.ts";
import { createCustomer, createLegalEntity } from "../seed/factories.ts";
import { getPortalHome } from "./get-portal-home.ts";
import { listPortalAccounts } from "./list-portal-accounts.ts";

const system = systemActor("portal-home-test");
// A fixed clock: due dates below are relative to 15 March 2026.
const now = new Date("2026-03-15T12:00:00Z");

let legalEntityId: string;
let mixed: string;
let empty: string;
let foreign: string;

async function newCustomer(name: string): Promise<string> {
  const c = await createCustomer(getDb(), {
    name,
    legalEntityId,
    paymentTermsCode: "NET30",
    paymentTermsDays: 30,
  });
  return c.id;
}

async function invoice(
  customerId: string,
  number: string,
  cents: bigint,
  documentDate: string,
  dueDate: string,
) {
  const created = await createInvoice(
    {
      customerId,
      number,
      documentDate: new Date(documentDate),
      dueDate: new Date(dueDate),
      lines: [{ description: "Services", quantityMilli: 1000n, unitPrice: cents, taxRateBp: 0 }],
    },
    system,
  );
  return created.id;
}

async function credit(customerId: string, kind: "PAYMENT" | "CREDIT_MEMO", number: string, cents: bigint) {
  const created = await recordCredit(
    {
      customerId,
      kind,
      number,
      currency: "USD",
      amount: cents,
      documentDate: new Date("2026-03-05"),
      paymentMethod: kind === "PAYMENT" ? "BANK_TRANSFER" : undefined,
    },
    system,
  );
  return created.id;
}

beforeAll(async () => {
  const le = await createLegalEntity(getDb(), {
    name: "Northwind Supply Inc.",
    remitToAddress: ["PO Box 1200", "Chicago, IL 60601"],
    bankAccount: "000123456789",
    bankRouting: "071000013",
    swift: "FLBKUS44",
  });
  legalEntityId = le.id;
  mixed = await newCustomer("Mixed Items Ltd");
  empty = await newCustomer("Quiet Account Co");
  foreign = await newCustomer("Someone Else GmbH");

  // Settled history: paid in full, must not appear anywhere.
  const settled = await invoice(mixed, "INV-1000", 40_000n, "2025-12-01", "2025-12-31");
  await applyCredit(
    { creditItemId: await credit(mixed, "PAYMENT", "PAY-1", 40_000n), debitItemId: settled, amount: 40_000n },
    system,
  );
  // Overdue by 34 days.
  await invoice(mixed, "INV-1001", 100_000n, "2026-01-10", "2026-02-09");
  // Not yet due, partially paid: 500.00 - 200.00.
  const partial = await invoice(mixed, "INV-1002", 50_000n, "2026-03-01", "2026-03-31");
  await applyCredit(
    { creditItemId: await credit(mixed, "PAYMENT", "PAY-2", 20_000n), debitItemId: partial, amount: 20_000n },
    system,
  );
  // Due today: not overdue yet.
  await createInvoice(
    {
      customerId: mixed,
      kind: "FEE",
      number: "FEE-1",
      documentDate: new Date("2026-02-20"),
      dueDate: new Date("2026-03-15"),
      lines: [{ description: "Late fee", quantityMilli: 1000n, unitPrice: 2_500n, taxRateBp: 0 }],
    },
    system,
  );
  // Unapplied credit memo.
  await credit(mixed, "CREDIT_MEMO", "CM-1", 5_000n);
  // A EUR invoice on a USD entity's customer (billed in the customer's currency), overdue by 24 days.
  await getDb().openItem.create({
    data: {
      customerId: mixed,
      legalEntityId,
      kind: "INVOICE",
      number: "INV-EUR-1",
      currency: "EUR",
      amount: 30_000n,
      openAmount: 30_000n,
      documentDate: new Date("2026-01-20"),
      dueDate: new Date("2026-02-19"),
    },
  });
  // The foreign customer has debts of its own, which must never leak.
  await invoice(foreign, "INV-9001", 999_900n, "2026-01-01", "2026-01-31");
});

const actorFor = (...memberships: PortalActor["memberships"]): PortalActor => ({
  kind: "portal",
  userId: randomUUID(),
  memberships,
});

describe("getPortalHome", () => {
  it("sums balances and overdue per currency, the account's currency first", async () => {
    const home = await getPortalHome({ customerId: mixed }, actorFor({ customerId: mixed, role: "PAYER" }), {
      now,
    });
    expect(home.customer).toMatchObject({
      id: mixed,
      name: "Mixed Items Ltd",
      currency: "USD",
      paymentTermsDays: 30,
    });
    expect(home.role).toBe("PAYER");
    expect(home.today.toISOString()).toBe("2026-03-15T00:00:00.000Z");
    expect(home.balances).toEqual([
      { currency: "USD", openDebits: 132_500n, openCredits: 5_000n, balance: 127_500n, overdue: 100_000n },
      { currency: "EUR", openDebits: 30_000n, openCredits: 0n, balance: 30_000n, overdue: 30_000n },
    ]);
    expect(home.openInvoiceCount).toBe(3);
    expect(home.overdueInvoiceCount).toBe(2);
  });

  it("lists the oldest open items with their status", async () => {
    const home = await getPortalHome({ customerId: mixed }, actorFor({ customerId: mixed, role: "VIEWER" }), {
      now,
    });
    expect(
      home.oldestOpenItems.map((i) => [
        i.number,
        i.currency,
        i.openAmount,
        i.daysOverdue,
        i.status,
        i.partiallyPaid,
      ]),
    ).toEqual([
      ["INV-1001", "USD", 100_000n, 34, "OVERDUE", false],
      ["INV-EUR-1", "EUR", 30_000n, 24, "OVERDUE", false],
      ["FEE-1", "USD", 2_500n, 0, "OPEN", false],
      ["INV-1002", "USD", 30_000n, 0, "PARTIALLY_PAID", true],
    ]);
    expect(home.oldestOpenItems[3]?.amount).toBe(50_000n);
  });

  it("shows unapplied credits and how to pay", async () => {
    const home = await getPortalHome({ customerId: mixed }, actorFor({ customerId: mixed, role: "ADMIN" }), {
      now,
    });
    expect(home.unappliedCreditCount).toBe(1);
    expect(home.unappliedCredits.map((c) => [c.number, c.kind, c.openAmount])).toEqual([
      ["CM-1", "CREDIT_MEMO", 5_000n],
    ]);
    expect(home.payTo).toMatchObject({
      legalEntityName: "Northwind Supply Inc.",
      remitToAddress: ["PO Box 1200", "Chicago, IL 60601"],
      bankAccount: "000123456789",
      bankRouting: "071000013",
      iban: null,
      swift: "FLBKUS44",
    });
  });

  it("shows a zero balance in the account's currency when nothing is open", async () => {
    const home = await getPortalHome({ customerId: empty }, actorFor({ customerId: empty, role: "VIEWER" }), {
      now,
    });
    expect(home.balances).toEqual([
      { currency: "USD", openDebits: 0n, openCredits: 0n, balance: 0n, overdue: 0n },
    ]);
    expect(home.oldestOpenItems).toEqual([]);
    expect(home.unappliedCredits).toEqual([]);
    expect(home.openInvoiceCount).toBe(0);
  });

  it("answers NOT_FOUND for another customer's account, an unknown id and a malformed id", async () => {
    const actor = actorFor({ customerId: mixed, role: "ADMIN" });
    for (const customerId of [foreign, randomUUID(), "not-a-uuid", "", `${mixed}' OR 1=1`]) {
      const error = await getPortalHome({ customerId }, actor, { now }).catch((e: unknown) => e);
      expect(error, customerId).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("NOT_FOUND");
    }
  });

  it("accepts the id in upper case (ids are case-insensitive uuids)", async () => {
    const home = await getPortalHome(
      { customerId: mixed.toUpperCase() },
      actorFor({ customerId: mixed, role: "VIEWER" }),
      { now },
    );
    expect(home.customer.id).toBe(mixed);
  });
});

describe("listPortalAccounts", () => {
  it("lists only the user's own accounts, by name, with balances and roles", async () => {
    const accounts = await listPortalAccounts(
      actorFor({ customerId: mixed, role: "PAYER" }, { customerId: empty, role: "VIEWER" }),
    );
    expect(accounts.map((a) => [a.name, a.role, a.billedBy])).toEqual([
      ["Mixed Items Ltd", "PAYER", "Northwind Supply Inc."],
      ["Quiet Account Co", "VIEWER", "Northwind Supply Inc."],
    ]);
    expect(accounts[0]?.balances.map((b) => [b.currency, b.balance])).toEqual([
      ["USD", 127_500n],
      ["EUR", 30_000n],
    ]);
    expect(accounts[1]?.balances.map((b) => [b.currency, b.balance])).toEqual([["USD", 0n]]);
  });

  it("returns nothing for a user without accounts", async () => {
    expect(await listPortalAccounts(actorFor())).toEqual([]);
  });
});
