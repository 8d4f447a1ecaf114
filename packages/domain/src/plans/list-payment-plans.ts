import type { Actor } from "../actor.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { PaymentPlanStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { paymentPlanCan } from "./plan-can.ts";
import { planLabel } from "./plan-forms.ts";

export interface PaymentPlanRow {
  id: string;
  label: string;
  status: PaymentPlanStatus;
  currency: string;
  /** What the customer pays in all: the covered invoices plus the fee. */
  total: bigint;
  instalmentCount: number;
  /** Payments of the schedule (down payment included) paid in full. */
  paidCount: number;
  /** Payments of the schedule (down payment included). */
  paymentCount: number;
  /** The earliest payment still due, or null when none is. */
  nextDueDate: Date | null;
  expiresOn: Date;
  createdAt: Date;
}

/** Most plans one account shows (newest first). */
export const PAYMENT_PLANS_SHOWN = 50;

/**
 * An account's payment plans, newest first, and whether the actor may propose one. Staff read any
 * account; a portal user only their own; anything else is NOT_FOUND.
 */
export async function listPaymentPlans(
  customerId: string,
  actor: Actor,
): Promise<{ plans: PaymentPlanRow[]; can: { propose: boolean } }> {
  assertReadableCustomerId(actor, customerId);
  const id = customerId.toLowerCase();
  const db = getDb();
  const customer = await db.customer.findUnique({ where: { id }, select: { id: true } });
  if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");
  const plans = await db.paymentPlan.findMany({
    where: { customerId: id },
    orderBy: { number: "desc" },
    take: PAYMENT_PLANS_SHOWN,
    include: {
      instalments: { orderBy: { sequence: "asc" }, select: { dueDate: true, status: true } },
    },
  });
  return {
    can: actor.kind === "portal" ? { propose: false } : paymentPlanCan(actor),
    plans: plans.map((p) => ({
      id: p.id,
      label: planLabel(p.number),
      status: p.status,
      currency: p.currency.trim(),
      total: p.covered + p.fee,
      instalmentCount: p.instalmentCount,
      paidCount: p.instalments.filter((i) => i.status === "PAID").length,
      paymentCount: p.instalments.length,
      nextDueDate: p.instalments.find((i) => i.status === "DUE")?.dueDate ?? null,
      expiresOn: p.expiresOn,
      createdAt: p.createdAt,
    })),
  };
}
