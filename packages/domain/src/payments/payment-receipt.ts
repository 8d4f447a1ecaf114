import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { DomainError } from "../errors.ts";
import { type IssuerFacts, issuerFacts } from "../legal-entities/issuer-facts.ts";
import { type PaymentMethodFacts, paymentMethodOf } from "./payment-method-words.ts";

/** What a payment receipt shows, read from the ledger (plain data for packages/documents). */
export interface PaymentReceipt {
  issuer: IssuerFacts;
  customer: { name: string; accountNumber: string; billingAddress: string[] };
  receiptNumber: string;
  paymentDate: Date;
  currency: string;
  amount: bigint;
  /** How it was paid: the card's brand and last four digits, or the ERP's method. */
  method: PaymentMethodFacts | null;
  /** A card payment's processor reference (the PaymentIntent id), for the payer's bank queries. */
  paymentReference: string | null;
  /** Where the payment went: active applications, oldest first. */
  applications: { number: string; documentDate: Date; amount: bigint }[];
  unapplied: bigint;
}

/**
 * A card payment's receipt, for the e-mail the worker sends. Called by the e-mail worker and the
 * dev mailbox only (the outbox row is the authorization: it was written by the transaction that
 * recorded the payment). Portal users read receipts through `getPaymentReceipt`, which checks.
 */
export function getCardReceipt(paymentItemId: string): Promise<PaymentReceipt> {
  return readPaymentReceipt({ id: paymentItemId });
}

/**
 * Any PAYMENT item's receipt (card or ERP receipt): the item and its applications that are not
 * reversed. `where` narrows it (the caller's scope); an item outside it is NOT_FOUND.
 */
export async function readPaymentReceipt(where: Prisma.OpenItemWhereInput): Promise<PaymentReceipt> {
  const item = await getDb().openItem.findFirst({
    where: { ...where, kind: "PAYMENT" },
    include: {
      legalEntity: true,
      customer: { select: { name: true, accountNumber: true, billingAddress: true } },
      creditsApplied: {
        where: { kind: "APPLY", reversedBy: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { debitItem: { select: { number: true, documentDate: true } } },
      },
    },
  });
  if (!item) throw new DomainError("NOT_FOUND", "Payment not found.");
  const entity = item.legalEntity;
  return {
    issuer: issuerFacts(entity),
    customer: item.customer,
    receiptNumber: item.number,
    paymentDate: item.documentDate,
    currency: item.currency.trim(),
    amount: item.amount,
    method: paymentMethodOf(item),
    paymentReference: item.stripePaymentIntentId,
    applications: item.creditsApplied.map((a) => ({
      number: a.debitItem.number,
      documentDate: a.debitItem.documentDate,
      amount: a.amount,
    })),
    unapplied: item.openAmount,
  };
}
