import { daysBetween } from "../base/dates.ts";

/**
 * What a clerk calls an invoice's state. OPEN: nothing paid, not yet overdue. PARTIALLY_PAID: some
 * of it paid, not overdue. OVERDUE: something still open after the due date (`partiallyPaid` tells
 * whether part of it was paid). PAID: nothing open, cleared at least partly by payments.
 * CREDITED: nothing open, cleared by credit memos only.
 */
export const INVOICE_STATUSES = ["OPEN", "PARTIALLY_PAID", "OVERDUE", "PAID", "CREDITED"] as const;
export type InvoiceStatusCode = (typeof INVOICE_STATUSES)[number];

export interface InvoiceStatus {
  code: InvoiceStatusCode;
  /** Whole days past the due date for an open invoice; 0 otherwise. */
  daysOverdue: number;
  /** Some but not all of it has been paid or credited. */
  partiallyPaid: boolean;
  /** Open and due today (the last day before it is overdue). */
  dueToday: boolean;
}

export interface InvoiceStatusInput {
  amount: bigint;
  openAmount: bigint;
  dueDate: Date | null;
  /** The ledger's calendar day (UTC midnight). */
  today: Date;
  /** Every active application clearing it comes from a credit memo (only read when nothing is open). */
  clearedByCreditMemosOnly: boolean;
}

export function invoiceStatus(input: InvoiceStatusInput): InvoiceStatus {
  const { amount, openAmount, dueDate, today } = input;
  if (openAmount <= 0n) {
    return {
      code: input.clearedByCreditMemosOnly ? "CREDITED" : "PAID",
      daysOverdue: 0,
      partiallyPaid: false,
      dueToday: false,
    };
  }
  // Pure (no database imports): pages render these badges in the browser too.
  const overdue = dueDate ? Math.max(daysBetween(dueDate, today), 0) : 0;
  const partiallyPaid = openAmount < amount;
  return {
    code: overdue > 0 ? "OVERDUE" : partiallyPaid ? "PARTIALLY_PAID" : "OPEN",
    daysOverdue: overdue,
    partiallyPaid,
    dueToday: dueDate !== null && dueDate.getTime() === today.getTime(),
  };
}
