import { type Actor, portalRoleFor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type {
  PaymentPlanStatus,
  PlanFrequency,
  PlanInstalmentStatus,
  PlanPayBy,
} from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { sumAmounts } from "../money/money.ts";
import { cardWords } from "../payments/payment-method-words.ts";
import { canPay } from "../portal-access/capabilities.ts";
import type { NextInstalment } from "./in-plan.ts";
import {
  allocateOldestFirst,
  amountDueNow,
  type CoveredItem,
  type InstalmentState,
  instalmentState,
} from "./instalment-due.ts";
import { planLabel } from "./plan-forms.ts";
import { RUNNING_PLAN_STATUSES } from "./plan-progress.ts";

/** Plans past the offer: the page shows how the schedule is being kept. */
const RUN_STATUSES: readonly PaymentPlanStatus[] = [
  ...RUNNING_PLAN_STATUSES,
  "COMPLETED",
  "DEFAULTED",
  "CANCELLED",
];

/** How an accepted plan is being kept (null while it is an offer or was never accepted). */
export interface RunningPlan {
  /** Payments of the schedule (the down payment included, cancelled ones left out), and those paid in full. */
  instalments: number;
  paidInstalments: number;
  /** Σ instalment amounts (the covered invoices plus the fee), and Σ paid of them. */
  total: bigint;
  paid: bigint;
  /** The first instalment not paid in full, with what is still owed of it. */
  next: NextInstalment | null;
  /**
   * What "Pay now" pays: everything owed that is due today or earlier, else the next instalment,
   * at most what the covered items still have open (startInstalmentPayment charges the same).
   */
  dueNow: bigint;
  /** Some of dueNow is past its due date. */
  overdue: boolean;
  /** Nothing is due yet: dueNow is the next instalment, paid ahead of its date. */
  ahead: boolean;
  payBy: PlanPayBy | null;
  /** The card autopay charges ("Visa •••• 4242"), with autopay. */
  card: string | null;
  activatedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
}

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
  schedule: {
    sequence: number;
    dueDate: Date;
    amount: bigint;
    downPayment: boolean;
    /** How much of it has been paid, and where it stands once the plan runs. */
    paidAmount: bigint;
    status: PlanInstalmentStatus;
    state: InstalmentState;
  }[];
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
  /** Accepted and later: what is paid, what is next, how it is paid. */
  running: RunningPlan | null;
  /**
   * payer: the actor is a payer or administrator of the account; answer: one while the offer
   * stands; pay: one while the plan runs, something is owed and card payments are on.
   */
  can: { payer: boolean; answer: boolean; pay: boolean };
}

/**
 * One payment plan offered to an account, as its portal page shows it: the invoices, the schedule,
 * the totals, the expiry, the terms' hash and any answer, with whether the actor may answer (a
 * payer or administrator of the account while the offer stands) and whether a card is saved for
 * autopay. Once accepted (and after it ended) it also says how the schedule is being kept: each
 * instalment's paid amount and state, paid of total, the next instalment, what "Pay now" would
 * pay and how the plan is paid (autopay with its card, or from the portal), with whether the
 * actor may pay (a payer or administrator, card payments on, the plan running and owing
 * something). Staff read any account, a portal user their own; another account's plan or a
 * malformed id is NOT_FOUND.
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
      invoices: {
        include: {
          item: { select: { id: true, number: true, openAmount: true, dueDate: true, documentDate: true } },
        },
      },
      instalments: { orderBy: { sequence: "asc" } },
      savedCard: { select: { brand: true, last4: true } },
    },
  });
  if (!plan || plan.customerId !== customerId) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  const now = options.now ?? new Date();
  const today = new Date(`${isoDate(now)}T00:00:00Z`);
  const expired = plan.status === "PROPOSED" && plan.expiresOn < today;
  const role = actor.kind === "portal" ? portalRoleFor(actor, customerId) : undefined;
  const payer = role === "PAYER" || role === "ADMIN";
  const cards = await db.savedCard.count({ where: { customerId, removedAt: null } });
  const running = RUN_STATUSES.includes(plan.status) ? runningPlan(plan, now) : null;
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
      paidAmount: i.paidAmount,
      status: i.status,
      state: instalmentState(i, now),
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
    running,
    can: {
      payer,
      answer: payer && plan.status === "PROPOSED" && !expired,
      pay:
        running !== null &&
        running.dueNow > 0n &&
        (RUNNING_PLAN_STATUSES as readonly string[]).includes(plan.status) &&
        canPay(actor, customerId),
    },
  };
}

type LoadedPlan = {
  invoices: { item: CoveredItem }[];
  payBy: PlanPayBy | null;
  activatedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  savedCard: { brand: string; last4: string } | null;
  instalments: {
    sequence: number;
    dueDate: Date;
    amount: bigint;
    paidAmount: bigint;
    status: PlanInstalmentStatus;
  }[];
};

function runningPlan(plan: LoadedPlan, now: Date): RunningPlan {
  const counted = plan.instalments.filter((i) => i.status !== "CANCELLED");
  const unpaid = counted.find(
    (i) => (i.status === "DUE" || i.status === "MISSED") && i.paidAmount < i.amount,
  );
  const dueNow = sumAmounts(
    allocateOldestFirst(
      plan.invoices.map((i) => i.item),
      amountDueNow(plan.instalments, now),
    ).map((a) => a.amount),
  );
  return {
    instalments: counted.length,
    paidInstalments: counted.filter((i) => i.status === "PAID").length,
    total: counted.reduce((sum, i) => sum + i.amount, 0n),
    paid: counted.reduce((sum, i) => sum + i.paidAmount, 0n),
    next: unpaid
      ? {
          sequence: unpaid.sequence,
          dueDate: unpaid.dueDate,
          amount: unpaid.amount - unpaid.paidAmount,
          status: unpaid.status as NextInstalment["status"],
        }
      : null,
    dueNow,
    overdue: dueNow > 0n && unpaid !== undefined && isoDate(unpaid.dueDate) < isoDate(now),
    ahead: dueNow > 0n && unpaid !== undefined && isoDate(unpaid.dueDate) > isoDate(now),
    payBy: plan.payBy,
    card:
      plan.payBy === "AUTOPAY" && plan.savedCard
        ? cardWords({ kind: "CARD", brand: plan.savedCard.brand, last4: plan.savedCard.last4 })
        : null,
    activatedAt: plan.activatedAt,
    endedAt: plan.endedAt,
    endReason: plan.endReason,
  };
}
