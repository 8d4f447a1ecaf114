import { type Actor, portalRoleFor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { PaymentPlanStatus, PlanFrequency, PlanPayBy } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { planLabel } from "./plan-forms.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PaymentPlanOffer {
  id: string;
  customerId: string;
  label: string;
  status: PaymentPlanStatus;
  currency: string;
  /** The invoices the plan covers and the amount of each it covers. */
  invoices: { id: string; number: string; amount: bigint }[];
  /** Every payment in date order, the down payment (sequence 0) first when there is one. */
  schedule: { sequence: number; dueDate: Date; amount: bigint; downPayment: boolean }[];
  covered: bigint;
  fee: bigint;
  downPayment: bigint;
  /** What the customer pays in all: the covered invoices plus the fee. */
  total: bigint;
  frequency: PlanFrequency;
  expiresOn: Date;
  /** The offer is still proposed but its last day has passed (the hourly job has not caught up). */
  expired: boolean;
  /** The version of the terms shown: an acceptance sends it back. */
  termsHash: string;
  /** The answer, once given. */
  answer: {
    respondedAt: Date;
    acceptedName: string | null;
    payBy: PlanPayBy | null;
    message: string | null;
  } | null;
  /** Whether the account has a card saved, for autopay. */
  hasSavedCard: boolean;
  can: { answer: boolean };
}

/**
 * One payment plan offered to an account, as its portal page shows it: the invoices, the schedule,
 * the totals, the expiry, the terms' hash and any answer, with whether the actor may answer (a
 * payer or administrator of the account while the offer stands) and whether a card is saved for
 * autopay. Staff read any account, a portal user their own; another account's plan or a malformed
 * id is NOT_FOUND.
 */
export async function getPaymentPlanOffer(
  input: { customerId: string; planId: string },
  actor: Actor,
  options: { now?: Date } = {},
): Promise<PaymentPlanOffer> {
  assertReadableCustomerId(actor, input.customerId);
  if (!UUID_RE.test(input.planId)) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  const customerId = input.customerId.toLowerCase();
  const db = getDb();
  const plan = await db.paymentPlan.findUnique({
    where: { id: input.planId.toLowerCase() },
    include: {
      invoices: { include: { item: { select: { number: true } } } },
      instalments: { orderBy: { sequence: "asc" } },
    },
  });
  if (!plan || plan.customerId !== customerId) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  const today = new Date(`${isoDate(options.now ?? new Date())}T00:00:00Z`);
  const expired = plan.status === "PROPOSED" && plan.expiresOn < today;
  const role = actor.kind === "portal" ? portalRoleFor(actor, customerId) : undefined;
  const cards = await db.savedCard.count({ where: { customerId, removedAt: null } });
  return {
    id: plan.id,
    customerId,
    label: planLabel(plan.number),
    status: plan.status,
    currency: plan.currency.trim(),
    invoices: plan.invoices
      .map((i) => ({ id: i.itemId, number: i.item.number, amount: i.amount }))
      .sort((a, b) => a.number.localeCompare(b.number)),
    schedule: plan.instalments.map((i) => ({
      sequence: i.sequence,
      dueDate: i.dueDate,
      amount: i.amount,
      downPayment: i.sequence === 0 && plan.downPayment > 0n,
    })),
    covered: plan.covered,
    fee: plan.fee,
    downPayment: plan.downPayment,
    total: plan.covered + plan.fee,
    frequency: plan.frequency,
    expiresOn: plan.expiresOn,
    expired,
    termsHash: plan.termsHash,
    answer: plan.respondedAt
      ? {
          respondedAt: plan.respondedAt,
          acceptedName: plan.acceptedName,
          payBy: plan.payBy,
          message: plan.customerMessage,
        }
      : null,
    hasSavedCard: cards > 0,
    can: {
      answer: (role === "PAYER" || role === "ADMIN") && plan.status === "PROPOSED" && !expired,
    },
  };
}
