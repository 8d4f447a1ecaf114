import { z } from "zod";
import type { Actor } from "../actor.ts";
import { type InvoiceDetail, loadInvoiceDetails } from "./invoice-details.ts";

// Any strings: malformed ids must be NOT_FOUND like foreign ones, not validation errors.
export const GetInvoiceSchema = z.object({
  customerId: z.string().max(100),
  invoiceId: z.string().max(100),
});
export type GetInvoiceInput = z.input<typeof GetInvoiceSchema>;

/**
 * One invoice (or debit memo, or fee) of an account the actor may read: lines with tax, totals,
 * due date and terms, remit-to and bank details, payment history with reversals, and its status.
 * An invoice of another account, a payment's id or a malformed id is NOT_FOUND.
 */
export async function getInvoice(
  rawInput: GetInvoiceInput,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<InvoiceDetail> {
  const input = GetInvoiceSchema.parse(rawInput);
  const [invoice] = await loadInvoiceDetails(actor, input.customerId, [input.invoiceId], options);
  return invoice!;
}
