import type { Actor } from "../actor.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { ItemKind, PaymentMethod } from "../db/generated/enums.ts";
import { type InvoiceInDispute, inDisputeByInvoice } from "../disputes/in-dispute.ts";
import { DomainError } from "../errors.ts";
import { DEBIT_KINDS } from "../ledger/item-kinds.ts";
import { sumAmounts } from "../money/money.ts";
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
  seller: {
    name: string;
    taxId: string | null;
    remitToName: string;
    remitToAddress: string[];
    bankName: string;
    bankAccountName: string;
    bankAccount: string;
    bankRouting: string | null;
    iban: string | null;
    swift: string | null;
  };
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
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const [items, applications] = await Promise.all([
    db.openItem.findMany({
      where: { id: { in: wanted }, customerId: { in: familyIds(family) }, kind: { in: [...DEBIT_KINDS] } },
      select: {
        id: true,
        kind: true,
        number: true,
        poNumber: true,
        reference: true,
        description: true,
        documentDate: true,
        dueDate: true,
        currency: true,
        amount: true,
        openAmount: true,
        customer: {
          select: {
            id: true,
            name: true,
            accountNumber: true,
            billingAddress: true,
            paymentTermsCode: true,
            paymentTermsDays: true,
          },
        },
        legalEntity: {
          select: {
            name: true,
            taxId: true,
            remitToName: true,
            remitToAddress: true,
            bankName: true,
            bankAccountName: true,
            bankAccount: true,
            bankRouting: true,
            iban: true,
            swift: true,
          },
        },
        lines: {
          orderBy: { lineNo: "asc" },
          select: {
            lineNo: true,
            sku: true,
            description: true,
            quantityMilli: true,
            unitPrice: true,
            taxRateBp: true,
            netAmount: true,
            taxAmount: true,
          },
        },
      },
    }),
    // Read by debit id (its own index); rows of items outside the scope are dropped below.
    db.application.findMany({
      where: { debitItemId: { in: wanted }, kind: "APPLY" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        debitItemId: true,
        amount: true,
        createdAt: true,
        creditItem: {
          select: {
            id: true,
            kind: true,
            number: true,
            documentDate: true,
            reference: true,
            paymentMethod: true,
          },
        },
        reversedBy: { select: { createdAt: true, reason: true } },
      },
    }),
  ]);
  if (items.length !== wanted.length) throw new DomainError("NOT_FOUND", "Invoice not found.");
  const [held, heldLines] = await Promise.all([
    inDisputeByInvoice(wanted),
    db.disputeLine.findMany({
      where: { openLineKey: { not: null }, invoiceLine: { itemId: { in: wanted } } },
      select: {
        invoiceLine: { select: { itemId: true, lineNo: true } },
        dispute: { select: { id: true, number: true } },
      },
    }),
  ]);
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
    };
  });
}
