import { type Actor, canReadCustomer } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { PlanPayBy } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { type IssuerFacts, issuerFacts } from "../legal-entities/issuer-facts.ts";
import { planLabel } from "./plan-forms.ts";

/** A payment plan's agreement as its PDF shows it (plain data for packages/documents). */
export interface PlanAgreement {
  issuer: IssuerFacts;
  customer: { name: string; accountNumber: string; billingAddress: string[] };
  planNumber: string;
  currency: string;
  invoices: { number: string; dueDate: Date | null; amount: bigint }[];
  schedule: { sequence: number; dueDate: Date; amount: bigint }[];
  total: bigint;
  expiresOn: Date;
  termsHash: string;
  acceptance: { name: string; at: Date; payBy: PlanPayBy } | null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The agreement of one plan, for both sides: the account's portal users (any role) and staff. The
 * terms are the plan's as offered; the acceptance, once given, names who accepted, when, how they
 * pay and (through the terms' hash) which version. Another account's plan, or a malformed id, is
 * NOT_FOUND.
 */
export async function getPlanAgreement(
  input: { customerId: string; planId: string },
  actor: Actor,
): Promise<PlanAgreement> {
  const customerId = input.customerId.toLowerCase();
  const planId = input.planId.toLowerCase();
  if (!UUID_RE.test(customerId) || !UUID_RE.test(planId) || !canReadCustomer(actor, customerId)) {
    throw new DomainError("NOT_FOUND", "Payment plan not found.");
  }
  const plan = await getDb().paymentPlan.findFirst({
    where: { id: planId, customerId },
    include: {
      legalEntity: true,
      customer: { select: { name: true, accountNumber: true, billingAddress: true } },
      invoices: { include: { item: { select: { number: true, dueDate: true } } } },
      instalments: { orderBy: { sequence: "asc" } },
    },
  });
  if (!plan) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  const accepted = plan.acceptedName && plan.respondedAt && plan.payBy;
  return {
    issuer: issuerFacts(plan.legalEntity),
    customer: plan.customer,
    planNumber: planLabel(plan.number),
    currency: plan.currency.trim(),
    invoices: plan.invoices
      .map((i) => ({ number: i.item.number, dueDate: i.item.dueDate, amount: i.amount }))
      .sort((a, b) => a.number.localeCompare(b.number)),
    schedule: plan.instalments.map((i) => ({ sequence: i.sequence, dueDate: i.dueDate, amount: i.amount })),
    total: plan.covered + plan.fee,
    expiresOn: plan.expiresOn,
    termsHash: plan.termsHash,
    acceptance: accepted ? { name: plan.acceptedName!, at: plan.respondedAt!, payBy: plan.payBy! } : null,
  };
}
