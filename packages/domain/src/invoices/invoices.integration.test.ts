import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type PortalActor, type StaffActor, systemActor } from "../actor.ts";
import { addDays, isoDate } from "../base/dates.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { createInvoice } from "../ledger/create-invoice.ts";
import { recordCredit } from "../ledger/record-credit.ts";
import { reverseApplication } from "../ledger/reverse-application.ts";
import { reviewCardPayment } from "../payments/review-card-payment.ts";
import { createCustomer, createLegalEntity } from "../seed/factories.ts";
import { getInvoice } from "./get-invoice.ts";
import { getInvoices } from "./get-invoices.ts";
import { INVOICES_PAGE_SIZE, MAX_INVOICES_PER_DOWNLOAD } from "./invoice-list-options.ts";
import { listInvoices, searchAmount } from "./list-invoices.ts";

const system = systemActor("invoice-test");
const staff: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const today = ledgerToday();
const day = (offset: number) => addDays(today, offset);
const iso = (offset: number) => isoDate(day(offset));

let entity: string;
let account: string;
let holding: string;
let child: string;
let sibling: string;
let bigFamily: string;
let many: string;
let foreign: string;
const ids: Record<string, string> = {};

const portal = (...customerIds: string[]): PortalActor => ({
  kind: "portal",
  userId: randomUUID(),
  memberships: customerIds.map((customerId) => ({ customerId, role: "PAYER" as const })),
});

async function invoice(
  customerId: string,
  number: string,
  cents: bigint,
  documentDate: number,
  dueDate: number,
  extra: { poNumber?: string; kind?: "INVOICE" | "FEE" } = {},
) {
  const created = await createInvoice(
    {
      customerId,
      number,
      kind: extra.kind ?? "INVOICE",
      documentDate: day(documentDate),
      dueDate: day(dueDate),
      poNumber: extra.poNumber,
      lines: [{ description: "Services", quantityMilli: 1000n, unitPrice: cents, taxRateBp: 0 }],
    },
    system,
  );
  ids[number] = created.id;
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
      documentDate: day(-1),
      paymentMethod: kind === "PAYMENT" ? "BANK_TRANSFER" : undefined,
      reference: `REF ${number}`,
    },
    system,
  );
  ids[number] = created.id;
  return created.id;
}

const apply = (creditNumber: string, debitNumber: string, amount: bigint) =>
  applyCredit({ creditItemId: ids[creditNumber]!, debitItemId: ids[debitNumber]!, amount }, system);

async function failure(run: Promise<unknown>): Promise<DomainError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const numbers = (list: { rows: { number: string }[] }) => list.rows.map((r) => r.number);

beforeAll(async () => {
  const db = getDb();
  entity = (
    await createLegalEntity(db, {
      name: "Northwind Supply Inc.",
      taxId: "36-1234567",
      remitToAddress: ["PO Box 1200", "Chicago, IL 60601"],
      bankAccount: "000123456789",
      bankRouting: "071000013",
      swift: "FLBKUS44",
    })
  ).id;
  const newCustomer = async (name: string, parentId?: string) =>
    (
      await createCustomer(db, {
        name,
        legalEntityId: entity,
        parentId: parentId ?? null,
        paymentTermsCode: "NET30",
        paymentTermsDays: 30,
      })
    ).id;
  account = await newCustomer("Invoice Test Ltd");
  holding = await newCustomer("Family Holding");
  child = await newCustomer("Invoice Test Branch", holding);
  sibling = await newCustomer("Family Sister Co", holding);
  bigFamily = await newCustomer("Big Family Parent");
  many = await newCustomer("Many Invoices Ltd");
  foreign = await newCustomer("Someone Else Ltd");

  // 800.00 of goods at 6.25% tax and 100.00 of services untaxed: 950.00, overdue by 30 days.
  ids["INV-100"] = (
    await createInvoice(
      {
        customerId: account,
        number: "INV-100",
        documentDate: day(-60),
        dueDate: day(-30),
        poNumber: "PO-7781",
        lines: [
          { description: "Widgets", sku: "W-1", quantityMilli: 2000n, unitPrice: 40_000n, taxRateBp: 625 },
          { description: "Installation", quantityMilli: 1000n, unitPrice: 10_000n, taxRateBp: 0 },
        ],
      },
      system,
    )
  ).id;
  await invoice(account, "INV-101", 50_000n, -20, 10);
  await credit(account, "PAYMENT", "PAY-1", 20_000n);
  await apply("PAY-1", "INV-101", 20_000n);
  await invoice(account, "INV-102", 30_000n, -40, -10);
  await credit(account, "CREDIT_MEMO", "CM-X", 10_000n);
  const wrong = await apply("CM-X", "INV-102", 10_000n);
  await reverseApplication({ applicationId: wrong.id, reason: "Belongs to another invoice" }, system);
  await credit(account, "PAYMENT", "PAY-2", 30_000n);
  await apply("PAY-2", "INV-102", 30_000n);
  await invoice(account, "INV-103", 25_000n, -15, 15);
  await credit(account, "CREDIT_MEMO", "CM-1", 25_000n);
  await apply("CM-1", "INV-103", 25_000n);
  await invoice(account, "INV-104", 12_345n, -5, 25, { poNumber: "PO-7781-B" });
  await invoice(account, "FEE-1", 2_500n, -3, 0, { kind: "FEE" });
  // Same digits in another currency: an amount search means the account's currency.
  ids["INV-E1"] = (
    await db.openItem.create({
      data: {
        customerId: account,
        legalEntityId: entity,
        kind: "INVOICE",
        number: "INV-E1",
        currency: "EUR",
        amount: 12_345n,
        openAmount: 12_345n,
        documentDate: day(-50),
        dueDate: day(-50),
      },
    })
  ).id;

  // A family: the holding, its branch and the branch's sister company.
  await invoice(holding, "H-1", 10_000n, -30, -10);
  await invoice(holding, "H-2", 5_000n, -5, 25, { poNumber: "PO-FAM-1" });
  await invoice(child, "INV-C1", 7_000n, -10, 20, { poNumber: "PO-FAM-2" });
  await invoice(child, "INV-C2", 3_000n, -40, -20);
  await credit(child, "PAYMENT", "PAY-C", 3_000n);
  await apply("PAY-C", "INV-C2", 3_000n);
  await invoice(sibling, "S-1", 20_000n, -20, -1);
  await invoice(foreign, "INV-F1", 99_900n, -10, 20, { poNumber: "PO-7781" });

  // 60 invoices with many equal amounts and dates, to prove that pages never overlap.
  for (let i = 0; i < 60; i++) {
    await db.openItem.create({
      data: {
        customerId: many,
        legalEntityId: entity,
        kind: "INVOICE",
        number: `M-${String(i).padStart(3, "0")}`,
        currency: "USD",
        amount: BigInt(1_000 * (1 + (i % 3))),
        openAmount: BigInt(1_000 * (1 + (i % 3))),
        documentDate: day(-(i % 4)),
        dueDate: day(30 - (i % 4)),
      },
    });
  }
  // A parent and two children, 40 invoices between them with equal amounts and dates.
  const bigChildren = [
    await newCustomer("Big Family North", bigFamily),
    await newCustomer("Big Family South", bigFamily),
  ];
  const owners = [bigFamily, ...bigChildren];
  for (let i = 0; i < 40; i++) {
    await db.openItem.create({
      data: {
        customerId: owners[i % 3]!,
        legalEntityId: entity,
        kind: "INVOICE",
        number: `B-${String(i).padStart(3, "0")}`,
        currency: "USD",
        amount: BigInt(1_000 * (1 + (i % 2))),
        openAmount: BigInt(1_000 * (1 + (i % 2))),
        documentDate: day(-(i % 5)),
        dueDate: day(30 - (i % 3)),
      },
    });
  }
});

describe("listInvoices", () => {
  it("lists invoices, debit memos and fees, newest first, with clerk-friendly statuses", async () => {
    const list = await listInvoices({ customerId: account }, portal(account));
    expect(numbers(list)).toEqual(["FEE-1", "INV-104", "INV-103", "INV-101", "INV-102", "INV-E1", "INV-100"]);
    const status = Object.fromEntries(list.rows.map((r) => [r.number, r.status]));
    expect(status["INV-100"]).toMatchObject({ code: "OVERDUE", daysOverdue: 30, partiallyPaid: false });
    expect(status["INV-101"]).toMatchObject({ code: "PARTIALLY_PAID", partiallyPaid: true });
    expect(status["INV-102"]?.code).toBe("PAID");
    expect(status["INV-103"]?.code).toBe("CREDITED");
    expect(status["INV-104"]?.code).toBe("OPEN");
    expect(status["FEE-1"]).toMatchObject({ code: "OPEN", dueToday: true });
    expect(list.totals).toEqual([
      { currency: "USD", count: 6, amount: 214_845n, openAmount: 139_845n },
      { currency: "EUR", count: 1, amount: 12_345n, openAmount: 12_345n },
    ]);
    expect(list).toMatchObject({ total: 7, page: 1, pageCount: 1, sort: "date", dir: "desc" });
  });

  it("searches invoice numbers, PO numbers and exact amounts in the account's currency", async () => {
    const actor = portal(account);
    expect(
      numbers(await listInvoices({ customerId: account, q: "inv-10", sort: "number", dir: "asc" }, actor)),
    ).toEqual(["INV-100", "INV-101", "INV-102", "INV-103", "INV-104"]);
    expect(
      numbers(await listInvoices({ customerId: account, q: "7781", sort: "number", dir: "asc" }, actor)),
    ).toEqual(["INV-100", "INV-104"]);
    const byAmount = await listInvoices({ customerId: account, q: "123.45" }, actor);
    expect(numbers(byAmount)).toEqual(["INV-104"]);
    expect(byAmount.filters.amount).toBe(12_345n);
    // The amount or what is still open: INV-101 has 300.00 open, INV-102 was 300.00.
    expect(
      numbers(await listInvoices({ customerId: account, q: "300", sort: "number", dir: "asc" }, actor)),
    ).toEqual(["INV-101", "INV-102"]);
    expect(numbers(await listInvoices({ customerId: account, q: "950.00" }, actor))).toEqual(["INV-100"]);
    // LIKE wildcards are literal.
    expect(numbers(await listInvoices({ customerId: account, q: "%" }, actor))).toEqual([]);
  });

  it("filters by status, overdue only and due-date range", async () => {
    const actor = portal(account);
    const by = async (input: Record<string, string>) =>
      numbers(await listInvoices({ customerId: account, sort: "number", dir: "asc", ...input }, actor));
    expect(await by({ status: "open" })).toEqual(["FEE-1", "INV-100", "INV-101", "INV-104", "INV-E1"]);
    expect(await by({ status: "partially_paid" })).toEqual(["INV-101"]);
    expect(await by({ status: "overdue" })).toEqual(["INV-100", "INV-E1"]);
    expect(await by({ status: "paid" })).toEqual(["INV-102"]);
    expect(await by({ status: "credited" })).toEqual(["INV-103"]);
    expect(await by({ overdueOnly: "on" })).toEqual(["INV-100", "INV-E1"]);
    expect(await by({ dueFrom: iso(-35), dueTo: iso(-5) })).toEqual(["INV-100", "INV-102"]);
    expect(await by({ dueFrom: iso(0), status: "open" })).toEqual(["FEE-1", "INV-101", "INV-104"]);
  });

  it("sorts by every column, in both directions", async () => {
    const actor = portal(account);
    const sorted = async (sort: string, dir: string) =>
      numbers(await listInvoices({ customerId: account, sort, dir }, actor));
    expect(await sorted("amount", "asc")).toEqual([
      "FEE-1",
      "INV-104",
      "INV-E1",
      "INV-103",
      "INV-102",
      "INV-101",
      "INV-100",
    ]);
    expect(await sorted("open", "desc")).toEqual([
      "INV-100",
      "INV-101",
      "INV-E1",
      "INV-104",
      "FEE-1",
      "INV-103",
      "INV-102",
    ]);
    expect(await sorted("due", "asc")).toEqual([
      "INV-E1",
      "INV-100",
      "INV-102",
      "FEE-1",
      "INV-101",
      "INV-103",
      "INV-104",
    ]);
    expect(await sorted("number", "desc")).toEqual([
      "INV-E1",
      "INV-104",
      "INV-103",
      "INV-102",
      "INV-101",
      "INV-100",
      "FEE-1",
    ]);
    // Nonsense falls back to the defaults.
    const fallback = await listInvoices(
      { customerId: account, sort: "price; DROP TABLE", dir: "up", page: "x" },
      actor,
    );
    expect(fallback).toMatchObject({ sort: "date", dir: "desc", page: 1 });
  });

  it("pages without overlaps, and answers a page past the end with an empty page and the total", async () => {
    const seen = new Set<string>();
    for (const sort of ["amount", "date", "due", "open"]) {
      seen.clear();
      for (let page = 1; page <= 3; page++) {
        const list = await listInvoices({ customerId: many, sort, page }, staff);
        expect(list.rows).toHaveLength(page < 3 ? INVOICES_PAGE_SIZE : 10);
        for (const r of list.rows) seen.add(r.id);
      }
      expect(seen.size, sort).toBe(60);
    }
    const past = await listInvoices({ customerId: many, page: 4 }, staff);
    expect(past).toMatchObject({ rows: [], total: 60, page: 4, pageCount: 3 });
    const all = await listInvoices({ customerId: many, page: 2 }, staff, { all: true });
    expect(all.rows).toHaveLength(60);
  });

  it("refuses impossible filters with a message that says what to change", async () => {
    const unknown = await failure(listInvoices({ customerId: account, status: "written_off" }, staff));
    expect(unknown.code).toBe("VALIDATION");
    expect(unknown.message).toMatch(/open, partially_paid, overdue, paid, credited, disputed/);
    expect(unknown.details).toMatchObject({ problem: "unknownStatus" });
    const reversed = await failure(
      listInvoices({ customerId: account, dueFrom: iso(0), dueTo: iso(-1) }, staff),
    );
    expect(reversed.message).toMatch(/after the due-to date/);
    const malformed = await failure(listInvoices({ customerId: account, dueTo: "31/12/2026" }, staff));
    expect(malformed.message).toMatch(/not a date/);
  });

  it("answers NOT_FOUND for foreign, unknown and malformed account ids", async () => {
    for (const customerId of [foreign, randomUUID(), "nope", ""]) {
      expect((await failure(listInvoices({ customerId }, portal(account)))).code, customerId).toBe(
        "NOT_FOUND",
      );
    }
    // Scope first: another account's list is NOT_FOUND whatever its filters say.
    const badFilters = { status: "written_off", dueFrom: "yesterday" };
    expect((await failure(listInvoices({ customerId: foreign, ...badFilters }, portal(account)))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("searchAmount", () => {
  it("reads plain and grouped amounts with at most the currency's decimals", () => {
    expect(searchAmount("1,234.50", "USD")).toBe(123_450n);
    expect(searchAmount("1234.5", "USD")).toBe(123_450n);
    expect(searchAmount("1234", "JPY")).toBe(1_234n);
    expect(searchAmount("12.345", "USD")).toBeNull();
    expect(searchAmount("INV-1", "USD")).toBeNull();
    expect(searchAmount("0", "USD")).toBeNull();
  });

  it("reads an amount the way the reader's language writes it, like every money field", () => {
    expect(searchAmount("1.234,50", "BRL", "pt-BR")).toBe(123_450n);
    expect(searchAmount("1234,5", "EUR", "es")).toBe(123_450n);
    // Another language's form is not an amount here: the search looks for the text instead.
    expect(searchAmount("1,234.50", "BRL", "pt-BR")).toBeNull();
    expect(searchAmount("1.234,50", "USD", "en")).toBeNull();
  });
});

describe("getInvoice", () => {
  it("shows lines with tax, totals, terms, remit-to and bank details, and the status", async () => {
    const invoice = await getInvoice({ customerId: account, invoiceId: ids["INV-100"]! }, portal(account));
    expect(invoice).toMatchObject({
      number: "INV-100",
      poNumber: "PO-7781",
      currency: "USD",
      amount: 95_000n,
      openAmount: 95_000n,
      clearedAmount: 0n,
      status: { code: "OVERDUE", daysOverdue: 30 },
      terms: { code: "NET30", days: 30 },
      customer: { id: account, name: "Invoice Test Ltd" },
      seller: {
        name: "Northwind Supply Inc.",
        taxId: "36-1234567",
        remitToAddress: ["PO Box 1200", "Chicago, IL 60601"],
        bankAccount: "000123456789",
        bankRouting: "071000013",
        swift: "FLBKUS44",
      },
    });
    expect(
      invoice.lines.map((l) => [l.lineNo, l.description, l.netAmount, l.taxAmount, l.totalAmount]),
    ).toEqual([
      [1, "Widgets", 80_000n, 5_000n, 85_000n],
      [2, "Installation", 10_000n, 0n, 10_000n],
    ]);
    expect(invoice.totals).toEqual({
      net: 90_000n,
      tax: 5_000n,
      total: 95_000n,
      taxByRate: [
        { taxRateBp: 0, net: 10_000n, tax: 0n },
        { taxRateBp: 625, net: 80_000n, tax: 5_000n },
      ],
    });
    expect(invoice.payments).toEqual([]);
  });

  it("lists the payment history with reversals marked, reasons for staff only", async () => {
    const forCustomer = await getInvoice(
      { customerId: account, invoiceId: ids["INV-102"]! },
      portal(account),
    );
    expect(forCustomer.status.code).toBe("PAID");
    expect(
      forCustomer.payments.map((p) => [
        p.credit.number,
        p.credit.kind,
        p.amount,
        p.reversed ? "reversed" : "active",
      ]),
    ).toEqual([
      ["CM-X", "CREDIT_MEMO", 10_000n, "reversed"],
      ["PAY-2", "PAYMENT", 30_000n, "active"],
    ]);
    expect(forCustomer.payments[0]?.reversed?.reason).toBeNull();
    expect(forCustomer.payments[1]?.credit).toMatchObject({
      reference: "REF PAY-2",
      paymentMethod: "BANK_TRANSFER",
    });
    const forStaff = await getInvoice({ customerId: account, invoiceId: ids["INV-102"]! }, staff);
    expect(forStaff.payments[0]?.reversed?.reason).toBe("Belongs to another invoice");

    const credited = await getInvoice({ customerId: account, invoiceId: ids["INV-103"]! }, staff);
    expect(credited.status.code).toBe("CREDITED");
    const partial = await getInvoice(
      { customerId: account, invoiceId: ids["INV-101"]!.toUpperCase() },
      staff,
    );
    expect(partial).toMatchObject({
      clearedAmount: 20_000n,
      openAmount: 30_000n,
      status: { code: "PARTIALLY_PAID" },
    });
  });

  it("answers NOT_FOUND for foreign invoices, foreign accounts, credits and malformed ids", async () => {
    const actor = portal(account);
    const cases = [
      { customerId: account, invoiceId: ids["INV-F1"]! },
      { customerId: foreign, invoiceId: ids["INV-F1"]! },
      { customerId: foreign, invoiceId: ids["INV-100"]! },
      { customerId: account, invoiceId: ids["PAY-1"]! },
      { customerId: account, invoiceId: randomUUID() },
      { customerId: account, invoiceId: "not-a-uuid" },
      { customerId: "not-a-uuid", invoiceId: ids["INV-100"]! },
    ];
    for (const input of cases) {
      expect((await failure(getInvoice(input, actor))).code, JSON.stringify(input)).toBe("NOT_FOUND");
    }
  });
});

describe("getInvoices", () => {
  it("returns several invoices in the order asked, each once", async () => {
    const list = await getInvoices(
      { customerId: account, invoiceIds: [ids["INV-104"]!, ids["INV-100"]!, ids["INV-104"]!] },
      portal(account),
    );
    expect(list.map((i) => i.number)).toEqual(["INV-104", "INV-100"]);
  });

  it("is NOT_FOUND as a whole when one id is foreign, and refuses empty or huge selections", async () => {
    const actor = portal(account);
    const mixed = await failure(
      getInvoices({ customerId: account, invoiceIds: [ids["INV-100"]!, ids["INV-F1"]!] }, actor),
    );
    expect(mixed.code).toBe("NOT_FOUND");
    expect((await failure(getInvoices({ customerId: foreign, invoiceIds: [] }, actor))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failure(getInvoices({ customerId: account, invoiceIds: [] }, actor))).code).toBe(
      "VALIDATION",
    );
    const tooMany = Array.from({ length: MAX_INVOICES_PER_DOWNLOAD + 1 }, () => randomUUID());
    expect((await failure(getInvoices({ customerId: account, invoiceIds: tooMany }, actor))).code).toBe(
      "VALIDATION",
    );
  });
});

describe("a parent account's consolidated invoices", () => {
  const rowsOf = (list: { rows: { number: string; account: { name: string } }[] }) =>
    list.rows.map((r) => `${r.number} ${r.account.name}`);

  it("lists the child accounts' documents too, each with its account, by default", async () => {
    const list = await listInvoices({ customerId: holding }, portal(holding));
    expect(list).toMatchObject({ consolidated: true, hasChildren: true, total: 5, pageCount: 1 });
    expect(list.accounts.map((a) => a.name)).toEqual([
      "Family Holding",
      "Family Sister Co",
      "Invoice Test Branch",
    ]);
    expect(rowsOf(list)).toEqual([
      "H-2 Family Holding",
      "INV-C1 Invoice Test Branch",
      "S-1 Family Sister Co",
      "H-1 Family Holding",
      "INV-C2 Invoice Test Branch",
    ]);
    const numbers = new Map(list.accounts.map((a) => [a.id, a.accountNumber]));
    for (const row of list.rows) expect(row.account.accountNumber).toBe(numbers.get(row.account.id));
    expect(list.rows.find((r) => r.number === "INV-C2")?.status.code).toBe("PAID");
    expect(list.totals).toEqual([{ currency: "USD", count: 5, amount: 45_000n, openAmount: 42_000n }]);

    // Switched off: the parent's own documents only.
    for (const consolidated of [false, "0", "off"]) {
      const own = await listInvoices({ customerId: holding, consolidated }, portal(holding));
      expect(own).toMatchObject({ consolidated: false, hasChildren: true, total: 2 });
      expect(rowsOf(own)).toEqual(["H-2 Family Holding", "H-1 Family Holding"]);
    }
  });

  it("filters, sorts and totals across the family", async () => {
    const actor = portal(holding);
    const by = async (input: Record<string, string>) =>
      listInvoices({ customerId: holding, ...input }, actor);
    expect(numbers(await by({ status: "overdue", sort: "amount", dir: "desc" }))).toEqual(["S-1", "H-1"]);
    expect(numbers(await by({ q: "po-fam", sort: "number", dir: "asc" }))).toEqual(["H-2", "INV-C1"]);
    expect(numbers(await by({ q: "70.00" }))).toEqual(["INV-C1"]);
    expect(numbers(await by({ status: "paid" }))).toEqual(["INV-C2"]);
    expect(numbers(await by({ sort: "due", dir: "asc" }))).toEqual(["INV-C2", "H-1", "S-1", "INV-C1", "H-2"]);
    const open = await by({ status: "open", sort: "open", dir: "desc" });
    expect(numbers(open)).toEqual(["S-1", "H-1", "INV-C1", "H-2"]);
    expect(open.totals).toEqual([{ currency: "USD", count: 4, amount: 42_000n, openAmount: 42_000n }]);
  });

  it("pages across the family without overlaps, in the order of the whole list", async () => {
    for (const sort of ["amount", "date", "due", "number", "open"]) {
      for (const dir of ["asc", "desc"]) {
        const all = await listInvoices({ customerId: bigFamily, sort, dir }, staff, { all: true });
        expect(all.rows).toHaveLength(40);
        const paged: string[] = [];
        for (let page = 1; page <= 2; page++) {
          const list = await listInvoices({ customerId: bigFamily, sort, dir, page }, staff);
          expect(list).toMatchObject({ total: 40, pageCount: 2 });
          paged.push(...list.rows.map((r) => r.id));
        }
        expect(paged, `${sort} ${dir}`).toEqual(all.rows.map((r) => r.id));
      }
    }
    const accounts = new Set(
      (await listInvoices({ customerId: bigFamily }, staff)).rows.map((r) => r.account.name),
    );
    expect(accounts).toEqual(new Set(["Big Family Parent", "Big Family North", "Big Family South"]));
  });

  it("opens a child's invoice through the parent; a child's user sees neither the parent's nor a sibling's", async () => {
    const viaParent = await getInvoice({ customerId: holding, invoiceId: ids["INV-C1"]! }, portal(holding));
    expect(viaParent.customer.name).toBe("Invoice Test Branch");
    const zip = await getInvoices(
      { customerId: holding, invoiceIds: [ids["H-1"]!, ids["S-1"]!, ids["INV-C1"]!] },
      portal(holding),
    );
    expect(zip.map((i) => i.customer.name)).toEqual([
      "Family Holding",
      "Family Sister Co",
      "Invoice Test Branch",
    ]);

    const childUser = portal(child);
    const own = await listInvoices({ customerId: child }, childUser);
    expect(own).toMatchObject({ consolidated: false, hasChildren: false });
    expect(numbers(own)).toEqual(["INV-C1", "INV-C2"]);
    const refused = [
      () => listInvoices({ customerId: holding }, childUser),
      () => listInvoices({ customerId: sibling }, childUser),
      () => getInvoice({ customerId: child, invoiceId: ids["H-1"]! }, childUser),
      () => getInvoice({ customerId: child, invoiceId: ids["S-1"]! }, childUser),
      () => getInvoice({ customerId: holding, invoiceId: ids["H-1"]! }, childUser),
      () => getInvoices({ customerId: child, invoiceIds: [ids["INV-C1"]!, ids["S-1"]!] }, childUser),
    ];
    for (const run of refused) expect((await failure(run())).code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for a third customer's invoice asked through the parent", async () => {
    const actor = portal(holding);
    for (const run of [
      () => getInvoice({ customerId: holding, invoiceId: ids["INV-F1"]! }, actor),
      () => getInvoice({ customerId: holding, invoiceId: ids["INV-100"]! }, actor),
      () => getInvoices({ customerId: holding, invoiceIds: [ids["H-1"]!, ids["INV-F1"]!] }, actor),
      () => listInvoices({ customerId: foreign }, actor),
    ]) {
      expect((await failure(run())).code).toBe("NOT_FOUND");
    }
  });

  it("pays one account's invoices per card payment: a child's invoice is refused by name", async () => {
    const payer = portal(holding);
    const mixed = await failure(
      reviewCardPayment({ customerId: holding, invoiceIds: [ids["H-1"]!, ids["INV-C1"]!] }, payer),
    );
    expect(mixed.code).toBe("VALIDATION");
    const branch = await getDb().customer.findUniqueOrThrow({ where: { id: child } });
    expect(mixed.details).toMatchObject({
      reason: "other-account",
      number: "INV-C1",
      account: branch.accountNumber,
    });
    // A third customer's invoice stays unknown, named nowhere.
    const foreignOne = await failure(
      reviewCardPayment({ customerId: holding, invoiceIds: [ids["H-1"]!, ids["INV-F1"]!] }, payer),
    );
    expect(foreignOne.code).toBe("NOT_FOUND");
    expect(foreignOne.details).toEqual({ reason: "unknown-invoice" });
    const own = await reviewCardPayment(
      { customerId: holding, invoiceIds: [ids["H-1"]!, ids["H-2"]!] },
      payer,
    );
    expect(own.totalOpen).toBe(15_000n);
  });
});
