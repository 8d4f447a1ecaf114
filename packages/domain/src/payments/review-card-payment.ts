import type { PortalActor } from "../actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { DEBIT_KINDS } from "../ledger/item-kinds.ts";
import { sumAmounts } from "../money/money.ts";
import { requirePortalCapability } from "../portal-access/capabilities.ts";
import {
  type ReviewCardPaymentInput,
  ReviewCardPaymentSchema,
  refusalFromZod,
  refuse,
} from "./card-payment-forms.ts";

export interface PayableInvoice {
  id: string;
  number: string;
  kind: string;
  documentDate: Date;
  dueDate: Date | null;
  currency: string;
  amount: bigint;
  openAmount: bigint;
}

export interface CardPaymentReview {
  customer: { id: string; name: string; accountNumber: string };
  currency: string;
  invoices: PayableInvoice[];
  /** Σ open amounts: what "pay in full" charges. */
  totalOpen: bigint;
}

/**
 * The invoices of one account a payer may pay now: theirs, debits, open, one currency. Refuses
 * (with a reason the portal can word) an empty selection, a child account's invoice (one payment
 * is one account's), an id that is not one of the account's invoices (another customer's looks the
 * same as an unknown one), mixed currencies and an invoice that is already paid.
 */
export async function loadPayableInvoices(
  customerId: string,
  invoiceIds: readonly string[],
  tx: Tx = getDb(),
): Promise<PayableInvoice[]> {
  if (invoiceIds.length === 0) throw refuse("no-invoices", "Choose at least one invoice to pay.");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  if (!invoiceIds.every((id) => uuid.test(id))) {
    throw refuse("unknown-invoice", "One of the chosen invoices is not an invoice of this account.");
  }
  const rows = await tx.openItem.findMany({
    where: { id: { in: [...invoiceIds] }, customerId, kind: { in: [...DEBIT_KINDS] } },
    select: {
      id: true,
      number: true,
      kind: true,
      documentDate: true,
      dueDate: true,
      currency: true,
      amount: true,
      openAmount: true,
    },
  });
  if (rows.length !== invoiceIds.length) {
    // A child account's invoice, ticked on the parent's consolidated list: readable there, so it
    // is named, but one payment pays one account's invoices (ADR 027). Anything else is unknown.
    const found = new Set(rows.map((r) => r.id));
    const ofChild = await tx.openItem.findFirst({
      where: {
        id: { in: invoiceIds.filter((id) => !found.has(id)) },
        customer: { parentId: customerId },
        kind: { in: [...DEBIT_KINDS] },
      },
      select: { number: true, customer: { select: { accountNumber: true } } },
    });
    if (ofChild) {
      throw refuse(
        "other-account",
        `Invoice ${ofChild.number} belongs to account ${ofChild.customer.accountNumber}; one card payment pays the invoices of one account.`,
        { number: ofChild.number, account: ofChild.customer.accountNumber },
      );
    }
    throw refuse("unknown-invoice", "One of the chosen invoices is not an invoice of this account.");
  }
  const currencies = new Set(rows.map((r) => r.currency.trim()));
  if (currencies.size > 1) {
    throw refuse("mixed-currencies", "One payment can only pay invoices in one currency.", {
      currencies: [...currencies].sort().join(", "),
    });
  }
  const paid = rows.find((r) => r.openAmount === 0n);
  if (paid) throw refuse("already-paid", `Invoice ${paid.number} is already paid.`, { number: paid.number });
  // The payer's order, as ticked on the list.
  const byId = new Map(rows.map((r) => [r.id, { ...r, currency: r.currency.trim() }]));
  return invoiceIds.map((id) => byId.get(id)!);
}

/**
 * The review page before paying: the chosen invoices with their open amounts (the default amount
 * to pay) and the total. Only the account's payers and administrators get here.
 */
export async function reviewCardPayment(
  rawInput: ReviewCardPaymentInput,
  actor: PortalActor,
): Promise<CardPaymentReview> {
  const parsed = ReviewCardPaymentSchema.safeParse(rawInput);
  if (!parsed.success) throw refusalFromZod(parsed.error);
  const customerId = parsed.data.customerId.toLowerCase();
  requirePortalCapability(actor, customerId, "canPay");
  const db = getDb();
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { id: true, name: true, accountNumber: true },
  });
  const invoices = await loadPayableInvoices(customerId, parsed.data.invoiceIds, db);
  return {
    customer,
    currency: invoices[0]!.currency,
    invoices,
    totalOpen: sumAmounts(invoices.map((i) => i.openAmount)),
  };
}
