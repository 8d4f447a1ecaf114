import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";

/** What a card payment receipt shows, read from the ledger (plain data for packages/documents). */
export interface CardReceipt {
  issuer: {
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
  customer: { name: string; accountNumber: string; billingAddress: string[] };
  receiptNumber: string;
  paymentDate: Date;
  currency: string;
  amount: bigint;
  /** How it was paid, as the ledger describes it ("Card payment (visa •••• 4242)"). */
  paymentMethod: string | null;
  /** The processor's reference (the PaymentIntent id). */
  paymentReference: string | null;
  /** Where the payment went: active applications, oldest first. */
  applications: { number: string; documentDate: Date; amount: bigint }[];
  unapplied: bigint;
}

/**
 * A card payment's receipt, for the e-mail the worker sends. Reads the PAYMENT item and its
 * applications that are not reversed. Called by the e-mail worker and the dev mailbox only (the
 * outbox row is the authorization: it was written by the transaction that recorded the payment).
 */
export async function getCardReceipt(paymentItemId: string): Promise<CardReceipt> {
  const item = await getDb().openItem.findFirst({
    where: { id: paymentItemId, kind: "PAYMENT" },
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
    issuer: {
      name: entity.name,
      taxId: entity.taxId,
      remitToName: entity.remitToName,
      remitToAddress: entity.remitToAddress,
      bankName: entity.bankName,
      bankAccountName: entity.bankAccountName,
      bankAccount: entity.bankAccount,
      bankRouting: entity.bankRouting,
      iban: entity.iban,
      swift: entity.swift,
    },
    customer: item.customer,
    receiptNumber: item.number,
    paymentDate: item.documentDate,
    currency: item.currency.trim(),
    amount: item.amount,
    paymentMethod: item.description,
    paymentReference: item.stripePaymentIntentId,
    applications: item.creditsApplied.map((a) => ({
      number: a.debitItem.number,
      documentDate: a.debitItem.documentDate,
      amount: a.amount,
    })),
    unapplied: item.openAmount,
  };
}
