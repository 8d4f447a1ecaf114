import type { Tx } from "../db/client.ts";
import type { DisputeReason } from "../db/generated/enums.ts";
import { addBusinessDays, businessDayWindowEnd } from "./business-days.ts";

/** When no rule matches (an empty matrix): nobody owns it yet, and ten business days. */
export const DEFAULT_DEADLINE_DAYS = 10;

export interface MatrixRule {
  id: string;
  reason: DisputeReason;
  legalEntityId: string | null;
  currency: string | null;
  minAmount: bigint | null;
  maxAmount: bigint | null;
  departmentId: string | null;
  ownerId: string | null;
  deadlineDays: number;
  createdAt: Date;
}

export interface RouteFacts {
  reason: DisputeReason;
  legalEntityId: string;
  currency: string;
  amount: bigint;
}

export function ruleMatches(rule: MatrixRule, facts: RouteFacts): boolean {
  if (rule.reason !== facts.reason) return false;
  if (rule.legalEntityId !== null && rule.legalEntityId !== facts.legalEntityId) return false;
  if (rule.currency !== null) {
    if (rule.currency !== facts.currency) return false;
    if (rule.minAmount !== null && facts.amount < rule.minAmount) return false;
    if (rule.maxAmount !== null && facts.amount >= rule.maxAmount) return false;
  }
  return true;
}

/**
 * How specific a rule is: naming the legal entity outweighs an amount band (an entity's own
 * process beats a company-wide band), and a band counts for each end it fixes.
 */
export function ruleSpecificity(rule: MatrixRule): number {
  return (
    (rule.legalEntityId !== null ? 4 : 0) +
    (rule.minAmount !== null ? 1 : 0) +
    (rule.maxAmount !== null ? 1 : 0)
  );
}

/**
 * The matching rule that wins: the most specific; between equally specific ones, the narrower
 * band, then the oldest rule (so adding a rule never silently takes over existing routing), then id.
 */
export function pickRule(rules: readonly MatrixRule[], facts: RouteFacts): MatrixRule | null {
  const width = (r: MatrixRule) =>
    r.minAmount !== null && r.maxAmount !== null ? r.maxAmount - r.minAmount : null;
  const sorted = rules
    .filter((r) => ruleMatches(r, facts))
    .sort((a, b) => {
      const s = ruleSpecificity(b) - ruleSpecificity(a);
      if (s !== 0) return s;
      const wa = width(a);
      const wb = width(b);
      if (wa !== null && wb !== null && wa !== wb) return wa < wb ? -1 : 1;
      const t = a.createdAt.getTime() - b.createdAt.getTime();
      if (t !== 0) return t;
      return a.id < b.id ? -1 : 1;
    });
  return sorted[0] ?? null;
}

/** A legal entity's holidays from `from` on, as "YYYY-MM-DD". */
export async function loadHolidays(
  tx: Tx,
  legalEntityId: string,
  from: Date,
  to: Date,
): Promise<Set<string>> {
  const rows = await tx.holiday.findMany({
    where: { legalEntityId, date: { gt: from, lte: to } },
    select: { date: true },
  });
  return new Set(rows.map((r) => r.date.toISOString().slice(0, 10)));
}

/** The deadline `days` business days after `from` in the legal entity's calendar. */
export async function disputeDeadline(
  tx: Tx,
  legalEntityId: string,
  from: Date,
  days: number,
): Promise<Date> {
  const holidays = await loadHolidays(tx, legalEntityId, from, businessDayWindowEnd(from, days));
  return addBusinessDays(from, days, holidays);
}

export interface Routing {
  ruleId: string | null;
  ownerId: string | null;
  departmentId: string | null;
  deadline: Date;
  deadlineDays: number;
}

/** Owner, department and deadline for a new dispute from the active matrix. */
export async function routeDispute(tx: Tx, facts: RouteFacts, today: Date): Promise<Routing> {
  const rules = await tx.disputeRule.findMany({
    where: { reason: facts.reason, active: true },
    select: {
      id: true,
      reason: true,
      legalEntityId: true,
      currency: true,
      minAmount: true,
      maxAmount: true,
      departmentId: true,
      ownerId: true,
      deadlineDays: true,
      createdAt: true,
    },
  });
  const rule = pickRule(
    rules.map((r) => ({ ...r, currency: r.currency?.trim() ?? null })),
    facts,
  );
  const deadlineDays = rule?.deadlineDays ?? DEFAULT_DEADLINE_DAYS;
  return {
    ruleId: rule?.id ?? null,
    ownerId: rule?.ownerId ?? null,
    departmentId: rule?.departmentId ?? null,
    deadline: await disputeDeadline(tx, facts.legalEntityId, today, deadlineDays),
    deadlineDays,
  };
}
