import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { DisputeReason } from "../db/generated/enums.ts";
import { DEPARTMENT_NAME_SELECT, namedDepartment } from "./department-names.ts";
import { DISPUTE_REASONS } from "./dispute-forms.ts";
import { ruleSpecificity } from "./route-dispute.ts";

export interface DisputeRuleRow {
  id: string;
  reason: DisputeReason;
  legalEntity: { id: string; name: string } | null;
  currency: string | null;
  minAmount: bigint | null;
  maxAmount: bigint | null;
  department: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  deadlineDays: number;
  /** Higher wins over lower when several rules match (see route-dispute.ts). */
  specificity: number;
  active: boolean;
}

/** The resolution matrix, by reason then most specific first. Any staff member may read it. */
export async function listDisputeRules(
  actor: Actor,
  options: { includeInactive?: boolean; locale?: string } = {},
): Promise<DisputeRuleRow[]> {
  requireStaff(actor);
  const rows = await getDb().disputeRule.findMany({
    where: options.includeInactive ? {} : { active: true },
    orderBy: [{ reason: "asc" }, { createdAt: "asc" }],
    include: {
      legalEntity: { select: { id: true, name: true } },
      department: { select: DEPARTMENT_NAME_SELECT },
      owner: { select: { id: true, name: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      reason: r.reason,
      legalEntity: r.legalEntity,
      currency: r.currency?.trim() ?? null,
      minAmount: r.minAmount,
      maxAmount: r.maxAmount,
      department: namedDepartment(r.department, options.locale),
      owner: r.owner,
      deadlineDays: r.deadlineDays,
      specificity: ruleSpecificity({ ...r, currency: r.currency?.trim() ?? null }),
      active: r.active,
    }))
    .sort((a, b) =>
      a.reason === b.reason
        ? b.specificity - a.specificity
        : DISPUTE_REASONS.indexOf(a.reason) - DISPUTE_REASONS.indexOf(b.reason),
    );
}
