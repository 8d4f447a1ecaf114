import { z } from "zod";
import type { Actor } from "../actor.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { DomainError } from "../errors.ts";
import { isUuid } from "../portal-access/invitation-policy.ts";
import { type PaymentReceipt, readPaymentReceipt } from "./payment-receipt.ts";

export const GetPaymentReceiptSchema = z.object({
  // Checked by hand: a malformed id is NOT_FOUND like a foreign one.
  customerId: z.string().max(100),
  paymentId: z.string().max(100),
});
export type GetPaymentReceiptInput = z.input<typeof GetPaymentReceiptSchema>;

/**
 * The receipt of one payment of the account (card payments and the ERP's receipts alike), for the
 * portal's Payments tab. Another account's payment, an item that is not a payment and a malformed
 * id are all NOT_FOUND.
 */
export async function getPaymentReceipt(
  rawInput: GetPaymentReceiptInput,
  actor: Actor,
): Promise<PaymentReceipt> {
  const input = GetPaymentReceiptSchema.parse(rawInput);
  assertReadableCustomerId(actor, input.customerId);
  if (!isUuid(input.paymentId)) throw new DomainError("NOT_FOUND", "Payment not found.");
  return readPaymentReceipt({
    id: input.paymentId.toLowerCase(),
    customerId: input.customerId.toLowerCase(),
  });
}
