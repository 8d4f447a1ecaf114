import { z } from "zod";
import { type Actor, actorId, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError, isUniqueViolation } from "../errors.ts";
import { divRound, percentOfBp, sumAmounts } from "../money/money.ts";

const DateOnly = z.coerce.date();

export const InvoiceLineSchema = z.object({
  description: z.string().trim().min(1).max(500),
  sku: z.string().trim().max(64).optional(),
  /** Thousandths of a unit: 2.5 units is 2500. */
  quantityMilli: z.bigint().positive(),
  unitPrice: z.bigint().nonnegative(),
  taxRateBp: z.number().int().min(0).max(10_000),
});

export const CreateInvoiceSchema = z
  .object({
    customerId: z.uuid(),
    kind: z.enum(["INVOICE", "DEBIT_MEMO", "FEE"]).default("INVOICE"),
    number: z.string().trim().min(1).max(40),
    documentDate: DateOnly,
    /** Defaults to the document date plus the customer's payment terms. */
    dueDate: DateOnly.optional(),
    poNumber: z.string().trim().max(60).optional(),
    reference: z.string().trim().max(120).optional(),
    description: z.string().trim().max(500).optional(),
    lines: z.array(InvoiceLineSchema).min(1).max(5000),
    idempotencyKey: z.string().min(8).max(200).optional(),
  })
  .refine((v) => !v.dueDate || v.dueDate >= v.documentDate, {
    message: "The due date cannot be before the document date.",
    path: ["dueDate"],
  });
export type CreateInvoiceInput = z.input<typeof CreateInvoiceSchema>;

export interface CreatedItem {
  id: string;
  number: string;
  currency: string;
  amount: bigint;
  replayed: boolean;
}

/** Net = quantity × unit price (rounded per line), tax per line on the net; the invoice is their sum. */
export function priceLine(line: z.output<typeof InvoiceLineSchema>) {
  const netAmount = divRound(line.quantityMilli * line.unitPrice, 1000n);
  const taxAmount = percentOfBp(netAmount, line.taxRateBp);
  return { netAmount, taxAmount };
}

export function addDays(date: Date, days: number): Date {
  const d = new Date(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

export async function createInvoice(
  rawInput: CreateInvoiceInput,
  actor: Actor,
  tx?: Tx,
): Promise<CreatedItem> {
  requireStaffRole(actor, ["AR_MANAGER"]);
  const input = CreateInvoiceSchema.parse(rawInput);

  return inTransaction(tx, async (t) => {
    if (input.idempotencyKey) {
      const previous = await t.openItem.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (previous) {
        if (previous.customerId !== input.customerId || previous.number !== input.number) {
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
      select: {
        id: true,
        legalEntityId: true,
        paymentTermsDays: true,
        legalEntity: { select: { currency: true } },
      },
    });
    if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");
    const duplicate = await t.openItem.findFirst({
      where: { legalEntityId: customer.legalEntityId, kind: input.kind, number: input.number },
      select: { id: true },
    });
    if (duplicate) throw new DomainError("CONFLICT", `Document ${input.number} already exists.`);

    const priced = input.lines.map((line, i) => ({ line, lineNo: i + 1, ...priceLine(line) }));
    const amount = sumAmounts(priced.map((p) => p.netAmount + p.taxAmount));
    if (amount <= 0n) throw new DomainError("VALIDATION", "The document total must be more than zero.");
    const currency = customer.legalEntity.currency;

    const item = await t.openItem
      .create({
        data: {
          customerId: customer.id,
          legalEntityId: customer.legalEntityId,
          kind: input.kind,
          number: input.number,
          currency,
          amount,
          openAmount: amount,
          documentDate: input.documentDate,
          dueDate: input.dueDate ?? addDays(input.documentDate, customer.paymentTermsDays),
          poNumber: input.poNumber ?? null,
          reference: input.reference ?? null,
          description: input.description ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
          createdById: actorId(actor),
          lines: {
            create: priced.map((p) => ({
              lineNo: p.lineNo,
              sku: p.line.sku ?? null,
              description: p.line.description,
              quantityMilli: p.line.quantityMilli,
              unitPrice: p.line.unitPrice,
              taxRateBp: p.line.taxRateBp,
              netAmount: p.netAmount,
              taxAmount: p.taxAmount,
            })),
          },
        },
      })
      .catch((error: unknown) => {
        // Two requests creating the same document at once: the check above passed for both, the
        // unique constraints let one through. The other is the same conflict, said clearly.
        if (isUniqueViolation(error)) {
          throw new DomainError(
            "CONFLICT",
            `Document ${input.number} already exists (created by a request made at the same time).`,
          );
        }
        throw error;
      });
    await appendAudit(t, actor, {
      action: `${input.kind.toLowerCase()}.create`,
      entityType: "open_item",
      entityId: item.id,
      customerId: customer.id,
      after: { number: item.number, amount, currency, dueDate: item.dueDate },
    });
    return { id: item.id, number: item.number, currency, amount, replayed: false };
  });
}
