import type { Actor } from "../actor.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { ItemKind, PaymentMethod } from "../db/generated/enums.ts";
import { type InvoiceInDispute, inDisputeByInvoice } from "../disputes/in-dispute.ts";
import { DomainError } from "../errors.ts";
import { BILLED_KINDS } from "../ledger/item-kinds.ts";
import type { IssuerFacts } from "../legal-entities/issuer-facts.ts";
import { sumAmounts } from "../money/money.ts";
import { type InPlanMark, inPlanByItem, inPlanMark } from "../plans/in-plan.ts";
import { familyIds, readAccountFamily } from "../statements/account-family.ts";
import { type InvoiceStatus, invoiceStatus } from "./invoice-status.ts";

export interface InvoiceLineDetail {
  lineNo: number;
  sku: string | null;
  description: string;
  /** Thousandths of a unit: 2.5 units is 2500. */
  quantityMilli: bigint;
  unitPrice: bigint;
  /** Basis points: 19.00% is 1900. */
  taxRateBp: number;
  netAmount: bigint;
  taxAmount: bigint;
  totalAmount: bigint;
  /** The open dispute holding this line, if any (a second one is refused). */
  openDispute: { id: string; number: number } | null;
}

export interface InvoicePayment {
  /** The application's id. */
  id: string;
  credit: {
    id: string;
    kind: ItemKind;
    number: string;
    documentDate: Date;
    reference: string | null;
    paymentMethod: PaymentMethod | null;
  };
  amount: bigint;
  appliedAt: Date;
  /** Set when the application was undone (the amount is open again). */
  reversed: { at: Date; reason: string | null } | null;
}

export interface InvoiceDetail {
  id: string;
  kind: ItemKind;
  number: string;
  poNumber: string | null;
  reference: string | null;
  description: string | null;
  documentDate: Date;
  dueDate: Date | null;
  currency: string;
  amount: bigint;
  openAmount: bigint;
  /** amount − openAmount: what payments and credits have cleared. */
  clearedAmount: bigint;
  status: InvoiceStatus;
  today: Date;
  customer: { id: string; name: string; accountNumber: string; billingAddress: string[] };
  terms: { code: string; days: number };
  /** Who bills, where to send remittances and where to pay. */
  seller: IssuerFacts;
  lines: InvoiceLineDetail[];
  totals: {
    net: bigint;
    tax: bigint;
    total: bigint;
    /** Tax per rate, lowest rate first. */
    taxByRate: { taxRateBp: number; net: bigint; tax: bigint }[];
  };
  /** Applications clearing it, oldest first, reversed ones marked. */
  payments: InvoicePayment[];
  /** What open disputes hold of it (disputes/in-dispute.ts); null when none. */
  inDispute: Pick<InvoiceInDispute, "amount" | "disputes"> | null;
  /** The accepted or active payment plan covering it, with its next instalment (plans/in-plan.ts); null when none. */
  inPlan: InPlanMark | null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The document's own columns, as InvoiceDetail has them. */
type ItemColumns = Pick<
  InvoiceDetail,
  | "id"
  | "kind"
  | "number"
  | "poNumber"
  | "reference"
  | "description"
  | "documentDate"
  | "dueDate"
  | "currency"
  | "amount"
  | "openAmount"
>;

interface ItemRow extends ItemColumns {
  customer: {
    id: string;
    name: string;
    accountNumber: string;
    billingAddress: string[];
    paymentTermsCode: string;
    paymentTermsDays: number;
  };
  legalEntity: InvoiceDetail["seller"];
  /** Amounts as text: JSON numbers cannot hold every bigint. */
  lines: {
    lineNo: number;
    sku: string | null;
    description: string;
    quantityMilli: string;
    unitPrice: string;
    taxRateBp: number;
    netAmount: string;
    taxAmount: string;
  }[];
}

/**
 * The documents with their customer, seller and lines in one statement (the ORM's nested reads
 * took four), only debits of the given accounts.
 */
async function readItems(ids: string[], customerIds: string[]) {
  const rows = await getDb().$queryRaw<ItemRow[]>`
    SELECT i.id::text AS id, i.kind::text AS kind, i.number, i.po_number AS "poNumber", i.reference,
           i.description, i.document_date AS "documentDate", i.due_date AS "dueDate", i.currency,
           i.amount, i.open_amount AS "openAmount",
           json_build_object('id', c.id, 'name', c.name, 'accountNumber', c.account_number,
                             'billingAddress', c.billing_address, 'paymentTermsCode', c.payment_terms_code,
                             'paymentTermsDays', c.payment_terms_days) AS customer,
           json_build_object('name', e.name, 'taxId', e.tax_id, 'remitToName', e.remit_to_name,
                             'remitToAddress', e.remit_to_address, 'bankName', e.bank_name,
                             'bankAccountName', e.bank_account_name, 'bankAccount', e.bank_account,
                             'bankRouting', e.bank_routing, 'iban', e.iban, 'swift', e.swift) AS "legalEntity",
           COALESCE((SELECT json_agg(json_build_object(
                               'lineNo', l.line_no, 'sku', l.sku, 'description', l.description,
                               'quantityMilli', l.quantity_milli::text, 'unitPrice', l.unit_price::text,
                               'taxRateBp', l.tax_rate_bp, 'netAmount', l.net_amount::text,
                               'taxAmount', l.tax_amount::text) ORDER BY l.line_no)
                       FROM invoice_line l WHERE l.item_id = i.id), '[]') AS lines
      FROM open_item i
      JOIN customer c ON c.id = i.customer_id
      JOIN legal_entity e ON e.id = i.legal_entity_id
     WHERE i.id = ANY(${ids}::uuid[]) AND i.customer_id = ANY(${customerIds}::uuid[])
       AND i.kind = ANY(${[...BILLED_KINDS]}::item_kind[])`;
  return rows.map((r) => ({
    ...r,
    amount: BigInt(r.amount),
    openAmount: BigInt(r.openAmount),
    lines: r.lines.map((l) => ({
      ...l,
      quantityMilli: BigInt(l.quantityMilli),
      unitPrice: BigInt(l.unitPrice),
      netAmount: BigInt(l.netAmount),
      taxAmount: BigInt(l.taxAmount),
    })),
  }));
}

interface ApplicationRow {
  id: string;
  debit_item_id: string;
  amount: bigint;
  created_at: Date;
  credit_id: string;
  credit_kind: ItemKind;
  credit_number: string;
  credit_document_date: Date;
  credit_reference: string | null;
  credit_payment_method: PaymentMethod | null;
  reversed_at: Date | null;
  reversal_reason: string | null;
}

/** What cleared the documents, oldest first, with each one's reversal (by debit id: its own index). */
async function readApplications(ids: string[]) {
  const rows = await getDb().$queryRaw<ApplicationRow[]>`
    SELECT a.id::text AS id, a.debit_item_id::text AS debit_item_id, a.amount, a.created_at,
           c.id::text AS credit_id, c.kind::text AS credit_kind, c.number AS credit_number,
           c.document_date AS credit_document_date, c.reference AS credit_reference,
           c.payment_method::text AS credit_payment_method,
           r.created_at AS reversed_at, r.reason AS reversal_reason
      FROM application a
      JOIN open_item c ON c.id = a.credit_item_id
      LEFT JOIN application r ON r.reverses_id = a.id
     WHERE a.debit_item_id = ANY(${ids}::uuid[]) AND a.kind = 'APPLY'::application_kind
     ORDER BY a.created_at, a.id`;
  return rows.map((r) => ({
    id: r.id,
    debitItemId: r.debit_item_id,
    amount: BigInt(r.amount),
    createdAt: r.created_at,
    creditItem: {
      id: r.credit_id,
      kind: r.credit_kind,
      number: r.credit_number,
      documentDate: r.credit_document_date,
      reference: r.credit_reference,
      paymentMethod: r.credit_payment_method,
    },
    reversedBy: r.reversed_at ? { createdAt: r.reversed_at, reason: r.reversal_reason } : null,
  }));
}

/**
 * Invoices, debit memos and fees of the account `customerId` (or of its child accounts: see
 * readAccountFamily), in the order asked for. Any id that is malformed, unknown, not a debit
 * document or outside that scope makes the whole request NOT_FOUND, so a foreign id is never
 * distinguishable from a missing one.
 */
export async function loadInvoiceDetails(
  actor: Actor,
  customerId: string,
  invoiceIds: readonly string[],
  options: { now?: Date } = {},
): Promise<InvoiceDetail[]> {
  const family = await readAccountFamily(actor, customerId);
  const wanted = [...new Set(invoiceIds.map((id) => id.toLowerCase()))];
  if (wanted.length === 0 || wanted.some((id) => !UUID_RE.test(id))) {
    throw new DomainError("NOT_FOUND", "Invoice not found.");
  }
  const today = ledgerToday(options.now);
  const db = getDb();
  // Everything at once: documents outside the scope are simply not found by the first query, and
  // then nothing of the rest is used.
  const [items, applications, held, heldLines, planned] = await Promise.all([
    readItems(wanted, familyIds(family)),
    readApplications(wanted),
    inDisputeByInvoice(wanted),
    db.disputeLine.findMany({
      where: { openLineKey: { not: null }, invoiceLine: { itemId: { in: wanted } } },
      select: {
        invoiceLine: { select: { itemId: true, lineNo: true } },
        dispute: { select: { id: true, number: true } },
      },
    }),
    inPlanByItem(wanted),
  ]);
  if (items.length !== wanted.length) throw new DomainError("NOT_FOUND", "Invoice not found.");
  const heldOf = (id: string) => {
    const h = held.get(id);
    return h ? { amount: h.amount, disputes: h.disputes } : null;
  };
  const lineHolder = new Map(
    heldLines.map((l) => [`${l.invoiceLine.itemId}:${l.invoiceLine.lineNo}`, l.dispute]),
  );

  const byId = new Map(items.map((i) => [i.id, i]));
  // Reversal reasons are written by staff for staff; customers see that it was reversed, and when.
  const showReasons = actor.kind !== "portal";
  return wanted.map((id) => {
    const item = byId.get(id)!;
    const payments: InvoicePayment[] = applications
      .filter((a) => a.debitItemId === id)
      .map((a) => ({
        id: a.id,
        credit: { ...a.creditItem },
        amount: a.amount,
        appliedAt: a.createdAt,
        reversed: a.reversedBy
          ? { at: a.reversedBy.createdAt, reason: showReasons ? a.reversedBy.reason : null }
          : null,
      }));
    const active = payments.filter((p) => !p.reversed);
    const lines = item.lines.map((l) => ({
      ...l,
      totalAmount: l.netAmount + l.taxAmount,
      openDispute: lineHolder.get(`${id}:${l.lineNo}`) ?? null,
    }));
    const rates = new Map<number, { taxRateBp: number; net: bigint; tax: bigint }>();
    for (const l of lines) {
      const rate = rates.get(l.taxRateBp) ?? { taxRateBp: l.taxRateBp, net: 0n, tax: 0n };
      rate.net += l.netAmount;
      rate.tax += l.taxAmount;
      rates.set(l.taxRateBp, rate);
    }
    const net = sumAmounts(lines.map((l) => l.netAmount));
    const tax = sumAmounts(lines.map((l) => l.taxAmount));
    const { customer, legalEntity, ...fields } = item;
    return {
      ...fields,
      lines,
      currency: item.currency.trim(),
      clearedAmount: item.amount - item.openAmount,
      status: invoiceStatus({
        amount: item.amount,
        openAmount: item.openAmount,
        dueDate: item.dueDate,
        today,
        clearedByCreditMemosOnly: active.length > 0 && active.every((p) => p.credit.kind === "CREDIT_MEMO"),
      }),
      today,
      customer: {
        id: customer.id,
        name: customer.name,
        accountNumber: customer.accountNumber,
        billingAddress: customer.billingAddress,
      },
      terms: { code: customer.paymentTermsCode, days: customer.paymentTermsDays },
      seller: legalEntity,
      // Documents loaded in bulk may have no lines: the document's amount is then its total.
      totals: {
        net: lines.length ? net : item.amount,
        tax,
        total: item.amount,
        taxByRate: [...rates.values()].sort((a, b) => a.taxRateBp - b.taxRateBp),
      },
      payments,
      inDispute: heldOf(id),
      inPlan: inPlanMark(planned, id),
    };
  });
}
