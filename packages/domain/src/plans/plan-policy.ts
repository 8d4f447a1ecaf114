import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb, inTransaction, type Tx } from "../db/client.ts";
import type { RiskClass } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { minorUnitDigits, toDecimalString } from "../money/money.ts";
import { parseAmountField } from "../money/typed-amount.ts";
import { parsePlanForm } from "./plan-forms.ts";
import {
  PLAN_POLICY_ROLES,
  RISK_CLASSES,
  SELF_SERVICE_MAX_FIRST_DAYS,
  type SelfServiceAsk,
  type SelfServiceRule,
  type UpdatePlanPolicyInput,
  UpdatePlanPolicySchema,
} from "./plan-policy-forms.ts";

export interface PlanPolicy {
  legalEntityId: string;
  /** The entity's currency: the self-service limit's, and the one a self-service plan must be in. */
  currency: string;
  /** Fee on the amount financed (covered − down payment), in basis points (150 = 1.5 %). */
  feeBps: number;
  graceDays: number;
  reminderDays: number;
  missesToDefault: number;
  selfServiceEnabled: boolean;
  /** Largest plan total (covered + fee) the portal offers by itself, in minor units of `currency`. */
  selfServiceMaxTotal: bigint;
  selfServiceMaxInstalments: number;
  /** Smallest down payment, in basis points of the covered amount. */
  selfServiceMinDownBps: number;
  selfServiceRiskClasses: RiskClass[];
  /** When staff last saved it; null while the defaults apply. */
  updatedAt: Date | null;
}

/** The policy of an entity nobody has configured (the limit is 1,000,000.00 in its currency's units). */
export const DEFAULT_PLAN_POLICY = {
  feeBps: 0,
  graceDays: 5,
  reminderDays: 7,
  missesToDefault: 2,
  selfServiceEnabled: true,
  selfServiceMaxTotalUnits: 1_000_000n,
  selfServiceMaxInstalments: 6,
  selfServiceMinDownBps: 1000,
  selfServiceRiskClasses: ["LOW", "MEDIUM"] as RiskClass[],
} as const;

/**
 * A legal entity's payment plan policy: its stored row, or the defaults. An unknown entity is
 * NOT_FOUND. Reads in the caller's transaction when given one.
 */
export async function getPlanPolicy(legalEntityId: string, tx?: Tx): Promise<PlanPolicy> {
  const db = tx ?? getDb();
  const entity = await db.legalEntity.findUnique({
    where: { id: legalEntityId },
    select: { id: true, currency: true, planPolicy: true },
  });
  if (!entity) throw new DomainError("NOT_FOUND", "Legal entity not found.");
  const currency = entity.currency.trim();
  const row = entity.planPolicy;
  if (!row) {
    const { selfServiceMaxTotalUnits, ...rest } = DEFAULT_PLAN_POLICY;
    return {
      legalEntityId: entity.id,
      currency,
      ...rest,
      selfServiceRiskClasses: [...rest.selfServiceRiskClasses],
      selfServiceMaxTotal: selfServiceMaxTotalUnits * 10n ** BigInt(minorUnitDigits(currency)),
      updatedAt: null,
    };
  }
  return {
    legalEntityId: entity.id,
    currency,
    feeBps: row.feeBps,
    graceDays: row.graceDays,
    reminderDays: row.reminderDays,
    missesToDefault: row.missesToDefault,
    selfServiceEnabled: row.selfServiceEnabled,
    selfServiceMaxTotal: row.selfServiceMaxTotal,
    selfServiceMaxInstalments: row.selfServiceMaxInstalments,
    selfServiceMinDownBps: row.selfServiceMinDownBps,
    selfServiceRiskClasses: RISK_CLASSES.filter((c) => row.selfServiceRiskClasses.includes(c)),
    updatedAt: row.updatedAt,
  };
}

/**
 * Whether the portal may offer a plan by itself, and if not the first rule it breaks: self-service
 * on; the plan in the entity's currency and its total at most the limit; at most the instalments
 * allowed; a down payment of at least the minimum share of what is covered; an allowed risk class;
 * no defaulted plan in the last year. Pure: the request checks it under its locks.
 */
export function selfServiceBreach(policy: PlanPolicy, ask: SelfServiceAsk): SelfServiceRule | null {
  if (!policy.selfServiceEnabled) return "disabled";
  if (ask.currency !== policy.currency) return "currency";
  if (ask.total > policy.selfServiceMaxTotal) return "max-total";
  if (ask.instalments > policy.selfServiceMaxInstalments) return "max-instalments";
  if (ask.firstDateDays > SELF_SERVICE_MAX_FIRST_DAYS) return "first-date";
  // down / covered ≥ bps / 10000, in integers.
  if (ask.downPayment * 10_000n < ask.covered * BigInt(policy.selfServiceMinDownBps)) return "min-down";
  if (!policy.selfServiceRiskClasses.includes(ask.riskClass)) return "risk-class";
  if (ask.defaultedRecently) return "recent-default";
  return null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the audit keeps of a policy (amounts as decimal strings). */
function audited(p: Omit<PlanPolicy, "legalEntityId" | "updatedAt">) {
  return {
    feeBps: p.feeBps,
    graceDays: p.graceDays,
    reminderDays: p.reminderDays,
    missesToDefault: p.missesToDefault,
    selfServiceEnabled: p.selfServiceEnabled,
    selfServiceMaxTotal: toDecimalString(p.selfServiceMaxTotal, p.currency),
    selfServiceMaxInstalments: p.selfServiceMaxInstalments,
    selfServiceMinDownBps: p.selfServiceMinDownBps,
    selfServiceRiskClasses: p.selfServiceRiskClasses,
  };
}

/**
 * Saves a legal entity's payment plan policy (AR managers and admins), audited with the policy
 * before (the defaults when none was stored) and after. Saving the same policy changes nothing.
 */
export async function updatePlanPolicy(
  rawInput: UpdatePlanPolicyInput,
  actor: Actor,
  options: { locale?: string } = {},
): Promise<{ policy: PlanPolicy; changed: boolean }> {
  requireStaffRole(actor, PLAN_POLICY_ROLES);
  const input = parsePlanForm(UpdatePlanPolicySchema, rawInput, "Check the policy.");
  if (!UUID_RE.test(input.legalEntityId)) throw new DomainError("NOT_FOUND", "Legal entity not found.");
  const legalEntityId = input.legalEntityId.toLowerCase();
  return inTransaction(undefined, async (t) => {
    await t.$queryRaw`SELECT id FROM legal_entity WHERE id = ${legalEntityId}::uuid FOR UPDATE`;
    const before = await getPlanPolicy(legalEntityId, t);
    const maxTotal = parseAmountField(
      input.selfServiceMaxTotal,
      before.currency,
      "selfServiceMaxTotal",
      options.locale,
    );
    if (maxTotal < 0n) {
      throw new DomainError("VALIDATION", "The largest total cannot be negative.", {
        field: "selfServiceMaxTotal",
        reason: "negative",
      });
    }
    const values = {
      feeBps: input.feeBps,
      graceDays: input.graceDays,
      reminderDays: input.reminderDays,
      missesToDefault: input.missesToDefault,
      selfServiceEnabled: input.selfServiceEnabled,
      selfServiceMaxTotal: maxTotal,
      selfServiceMaxInstalments: input.selfServiceMaxInstalments,
      selfServiceMinDownBps: input.selfServiceMinDownBps,
      selfServiceRiskClasses: RISK_CLASSES.filter((c) => input.selfServiceRiskClasses.includes(c)),
    };
    const after = { ...before, ...values };
    if (before.updatedAt && JSON.stringify(audited(before)) === JSON.stringify(audited(after))) {
      return { policy: before, changed: false };
    }
    const updatedById = actor.kind === "staff" ? actor.userId : null;
    const row = await t.paymentPlanPolicy.upsert({
      where: { legalEntityId },
      create: { legalEntityId, ...values, updatedById },
      update: { ...values, updatedById },
    });
    await appendAudit(t, actor, {
      action: "payment-plan-policy.update",
      entityType: "payment_plan_policy",
      entityId: legalEntityId,
      before: { ...audited(before), stored: before.updatedAt !== null },
      after: audited(after),
    });
    return { policy: { ...after, updatedAt: row.updatedAt }, changed: true };
  });
}

export interface PlanPolicySettings {
  entities: { id: string; code: string; name: string; policy: PlanPolicy }[];
}

/** Every legal entity with its policy, for the settings page (those who may change it only). */
export async function listPlanPolicies(actor: Actor): Promise<PlanPolicySettings> {
  requireStaffRole(actor, PLAN_POLICY_ROLES);
  const entities = await getDb().legalEntity.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
  return {
    entities: await Promise.all(entities.map(async (e) => ({ ...e, policy: await getPlanPolicy(e.id) }))),
  };
}
