import type { PortalActor, StaffActor } from "../actor.ts";
import type { Tx } from "../db/client.ts";
import { addDisputeMessage } from "../disputes/add-dispute-message.ts";
import type { DisputeReason } from "../disputes/dispute-forms.ts";
import { raiseDispute } from "../disputes/raise-dispute.ts";
import { resolveDispute } from "../disputes/resolve-dispute.ts";
import { toDecimalString } from "../money/money.ts";
import type { DemoBook } from "./demo-book.ts";
import { DEMO_PORTAL_EMAIL } from "./demo-data.ts";

/** Fixed-date public holidays per country (movable feasts left out of the demo calendar). */
const HOLIDAYS: Record<string, [string, string][]> = {
  US: [
    ["01-01", "New Year's Day"],
    ["06-19", "Juneteenth"],
    ["07-04", "Independence Day"],
    ["11-11", "Veterans Day"],
    ["12-25", "Christmas Day"],
  ],
  BR: [
    ["01-01", "Confraternização Universal"],
    ["04-21", "Tiradentes"],
    ["05-01", "Dia do Trabalho"],
    ["09-07", "Independência do Brasil"],
    ["10-12", "Nossa Senhora Aparecida"],
    ["11-02", "Finados"],
    ["11-15", "Proclamação da República"],
    ["11-20", "Dia da Consciência Negra"],
    ["12-25", "Natal"],
  ],
  DE: [
    ["01-01", "Neujahr"],
    ["05-01", "Tag der Arbeit"],
    ["10-03", "Tag der Deutschen Einheit"],
    ["12-25", "1. Weihnachtstag"],
    ["12-26", "2. Weihnachtstag"],
  ],
};

/** With their names in the other languages (ADR 028): the demo's customers read them in theirs. */
const DEPARTMENTS = [
  {
    code: "PRICING",
    name: "Pricing",
    email: "pricing@settle.example",
    nameTranslations: { es: "Precios", "pt-BR": "Preços", ar: "التسعير" },
  },
  {
    code: "LOGISTICS",
    name: "Logistics",
    email: "logistics@settle.example",
    nameTranslations: { es: "Logística", "pt-BR": "Logística", ar: "الخدمات اللوجستية" },
  },
  {
    code: "SALES-OPS",
    name: "Sales operations",
    email: "salesops@settle.example",
    nameTranslations: { es: "Operaciones de ventas", "pt-BR": "Operações de vendas", ar: "عمليات المبيعات" },
  },
  {
    code: "TAX",
    name: "Tax",
    email: "tax@settle.example",
    nameTranslations: { es: "Impuestos", "pt-BR": "Tributos", ar: "الضرائب" },
  },
] as const;

/** Reason → department code (null: the dispute analyst personally), business days. */
const MATRIX: [DisputeReason, string | null, number][] = [
  ["PRICING", "PRICING", 5],
  ["QUANTITY_SHORT_SHIPMENT", "LOGISTICS", 3],
  ["DAMAGED_GOODS", "LOGISTICS", 3],
  ["LOST_FREIGHT", "LOGISTICS", 5],
  ["DUPLICATE_BILLING", null, 5],
  ["TAX", "TAX", 10],
  ["MISSING_PO_REFERENCE", null, 3],
  ["SERVICE_NOT_RENDERED", "SALES-OPS", 5],
  ["ALREADY_PAID", null, 3],
  ["OTHER", null, 10],
];

const DAY_MS = 86_400_000;
const demoPdf = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    "latin1",
  );

/**
 * The dispute setup of the demo: departments, the resolution matrix, each legal entity's holidays
 * around the reference date, and a handful of disputes in different states, raised through the
 * use cases. None of them writes to the ledger (no credit memo is issued), so the demo book stays
 * the same for the same reference date.
 */
export async function seedDemoDisputes(tx: Tx, book: DemoBook): Promise<number> {
  const year = book.referenceDate.getUTCFullYear();
  for (const entity of book.legalEntities) {
    for (const y of [year - 1, year, year + 1]) {
      for (const [md, name] of HOLIDAYS[entity.country] ?? []) {
        await tx.holiday.create({
          data: { legalEntityId: entity.id, date: new Date(`${y}-${md}T00:00:00Z`), name },
        });
      }
    }
  }
  const departments = new Map<string, string>();
  for (const d of DEPARTMENTS) departments.set(d.code, (await tx.department.create({ data: { ...d } })).id);
  const analystRow = book.staff.find((s) => s.roles.length === 1 && s.roles[0] === "DISPUTE_ANALYST");
  const managerRow = book.staff.find((s) => s.roles.includes("AR_MANAGER"));
  if (!analystRow || !managerRow) return 0;
  for (const [reason, department, days] of MATRIX) {
    await tx.disputeRule.create({
      data: {
        reason,
        departmentId: department ? (departments.get(department) ?? null) : null,
        ownerId: department ? null : analystRow.id,
        deadlineDays: days,
      },
    });
  }
  // Large pricing disputes in the US entity go to the AR manager.
  const us = book.legalEntities.find((e) => e.country === "US");
  if (us) {
    await tx.disputeRule.create({
      data: {
        reason: "PRICING",
        legalEntityId: us.id,
        currency: us.currency,
        minAmount: 10_000_00n,
        departmentId: departments.get("SALES-OPS") ?? null,
        ownerId: managerRow.id,
        deadlineDays: 10,
      },
    });
  }

  const analyst: StaffActor = { kind: "staff", userId: analystRow.id, roles: analystRow.roles };
  const demoUser = book.portalUsers.find((u) => u.email === DEMO_PORTAL_EMAIL);
  if (!demoUser) return 0;
  const memberships = book.memberships
    .filter((m) => m.portalUserId === demoUser.id)
    .map((m) => ({ customerId: m.customerId, role: m.role }));
  const portal: PortalActor = { kind: "portal", userId: demoUser.id, memberships };
  const demoCustomers = new Set(memberships.map((m) => m.customerId));

  const linesOf = new Map<string, number>();
  for (const l of book.lines) linesOf.set(l.itemId, (linesOf.get(l.itemId) ?? 0) + 1);
  // Unpaid invoices with two or more lines, newest first: the ones a clerk would dispute.
  const candidates = book.items
    .filter((i) => i.kind === "INVOICE" && i.openAmount === i.amount && (linesOf.get(i.id) ?? 0) >= 2)
    .sort((a, b) => b.documentDate.getTime() - a.documentDate.getTime() || a.number.localeCompare(b.number));
  const mine = candidates.filter((i) => demoCustomers.has(i.customerId));
  const others = candidates.filter((i) => !demoCustomers.has(i.customerId) && i.currency === "USD");
  const daysAgo = (n: number) => new Date(book.referenceDate.getTime() - n * DAY_MS + 10 * 3_600_000);
  let count = 0;

  const first = mine[0];
  if (first) {
    await raiseDispute(
      {
        customerId: first.customerId,
        invoiceId: first.id,
        scope: "LINES",
        lines: [{ lineNo: 1 }, { lineNo: 2 }],
        reason: "PRICING",
        description: "Lines 1 and 2 are billed at list price; our contract has a 12% discount on both.",
        attachments: [{ fileName: "price-agreement.pdf", bytes: demoPdf("Price agreement") }],
        idempotencyKey: "demo-dispute-pricing",
      },
      portal,
      { tx, now: daysAgo(1) },
    );
    count += 1;
  }
  const second = mine[1];
  if (second) {
    const short = await raiseDispute(
      {
        customerId: second.customerId,
        invoiceId: second.id,
        scope: "AMOUNT",
        amount: toDecimalString(second.amount / 10n, second.currency),
        reason: "QUANTITY_SHORT_SHIPMENT",
        description: "One of ten pallets never arrived; the delivery note is signed for nine.",
        idempotencyKey: "demo-dispute-short",
      },
      portal,
      { tx, now: daysAgo(12) },
    );
    await addDisputeMessage(
      { disputeId: short.id, body: "Thank you, we are checking the carrier's proof of delivery." },
      analyst,
      tx,
    );
    await addDisputeMessage(
      {
        disputeId: short.id,
        body: "Carrier says 10 pallets; asked for the POD scan.",
        visibility: "INTERNAL",
      },
      analyst,
      tx,
    );
    await addDisputeMessage(
      { disputeId: short.id, body: "Attached is our goods receipt for nine pallets." },
      portal,
      tx,
    );
    count += 1;
  }
  const big = others.find((i) => i.amount > 1_000_00n);
  if (big) {
    const duplicate = await raiseDispute(
      {
        customerId: big.customerId,
        invoiceId: big.id,
        scope: "WHOLE",
        reason: "DUPLICATE_BILLING",
        description: "Customer called: the same delivery was billed on an earlier invoice.",
        channel: "PHONE",
        idempotencyKey: "demo-dispute-duplicate",
      },
      analyst,
      { tx, now: daysAgo(4) },
    );
    // Above the 1,000.00 approval amount: waits for the AR manager (no ledger write yet).
    await resolveDispute(
      {
        disputeId: duplicate.id,
        outcome: "VALID",
        rootCause: "BILLING_ERROR",
        explanation: "The delivery was billed twice; we credit this invoice in full.",
      },
      analyst,
      { tx, now: daysAgo(2) },
    );
    count += 1;
  }
  const taxed = others.find((i) => i.id !== big?.id);
  if (taxed) {
    const tax = await raiseDispute(
      {
        customerId: taxed.customerId,
        invoiceId: taxed.id,
        scope: "LINES",
        lines: [{ lineNo: 1 }],
        reason: "TAX",
        description: "Customer e-mailed: they claim a resale exemption for line 1.",
        channel: "EMAIL",
        idempotencyKey: "demo-dispute-tax",
      },
      analyst,
      { tx, now: daysAgo(9) },
    );
    await resolveDispute(
      {
        disputeId: tax.id,
        outcome: "INVALID",
        rootCause: "CUSTOMER_ERROR",
        explanation:
          "We have no resale certificate on file for your account; the tax stands. Send one and we will apply it to future invoices.",
      },
      analyst,
      { tx, now: daysAgo(3) },
    );
    count += 1;
  }
  return count;
}
