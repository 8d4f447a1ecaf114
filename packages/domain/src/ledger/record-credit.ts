import { z } from "zod";
import { type Actor, actorId, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { minorUnitDigits } from "../money/money.ts";
import type { CreatedItem } from "./create-invoice.ts";

export const RecordCreditSchema = z.object({
  customerId: z.uuid(),
  kind: z.enum(["PAYMENT", "CREDIT_MEMO"]),
  number: z.string().trim().min(1).max(40),
  currency: z.string().regex(/^[A-Z]{3}$/),
  amount: z.bigint().positive(),
  documentDate: z.coerce.date(),
  paymentMethod: z.enum(["CARD", "BANK_TRANSFER", "CHECK", "LOCKBOX", "CASH", "OTHER"]).optional(),
  reference: z.string().trim().max(120).optional(),
  description: z.string().trim().max(500).optional(),
  idempotencyKey: z.string().min(8).max(200).optional(),
});
export type RecordCreditInput = z.input<typeof RecordCreditSchema>;

/**
 * Records a payment (receipt) or credit memo as an unapplied credit on the customer's account.
 * Applying it to invoices is a separate command (applyCredit), so cash is never lost when it
 * cannot be matched yet.
 */
export async function recordCredit(rawInput: RecordCreditInput, actor: Actor, tx?: Tx): Promise<CreatedItem> {
  const input = RecordCreditSchema.parse(rawInput);
  requireStaffRole(
    actor,
    input.kind === "PAYMENT" ? ["CASH_APPLIER", "AR_MANAGER"] : ["AR_MANAGER", "CREDIT_MANAGER"],
  );
  minorUnitDigits(input.currency);
  if (input.kind === "PAYMENT" && !input.paymentMethod) {
    throw new DomainError("VALIDATION", "A payment needs a payment method.");
  }

  return inTransaction(tx, async (t) => {
    if (input.idempotencyKey) {
      const previous = await t.openItem.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (previous) {
        if (
          previous.customerId !== input.customerId ||
          previous.amount !== input.amount ||
          previous.kind !== input.kind
        ) {
          throw new DomainError("CONFLICT", "This idempotency key was already used for another document.");
        }
        return {
          id: previous.id,
          number: previous.number,
          currency: previous.currency,
          amount: previous.amount,
          replayed: true,
        };
      }
    }
    const customer = await t.customer.findUnique({
      where: { id: input.customerId },
      select: { id: true, legalEntityId: true },
    });
    if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");
    const item = await t.openItem.create({
      data: {
        customerId: customer.id,
        legalEntityId: customer.legalEntityId,
        kind: input.kind,
        number: input.number,
        currency: input.currency,
        amount: input.amount,
        openAmount: input.amount,
        documentDate: input.documentDate,
        paymentMethod: input.kind === "PAYMENT" ? (input.paymentMethod ?? null) : null,
        reference: input.reference ?? null,
        description: input.description ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        createdById: actorId(actor),
      },
    });
    await appendAudit(t, actor, {
      action: `${input.kind.toLowerCase()}.record`,
      entityType: "open_item",
      entityId: item.id,
      customerId: customer.id,
      after: {
        number: item.number,
        amount: input.amount,
        currency: input.currency,
        method: input.paymentMethod,
      },
    });
    return {
      id: item.id,
      number: item.number,
      currency: item.currency,
      amount: item.amount,
      replayed: false,
    };
  });
}
