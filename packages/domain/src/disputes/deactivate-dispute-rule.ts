import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { DISPUTE_MANAGER_ROLES, UUID_RE } from "./dispute-forms.ts";

/** Takes a rule out of the matrix (kept for the disputes it routed). */
export async function deactivateDisputeRule(
  ruleId: string,
  actor: Actor,
): Promise<{ id: string; changed: boolean }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  if (!UUID_RE.test(ruleId)) throw new DomainError("NOT_FOUND", "Rule not found.");
  return getDb().$transaction(async (t) => {
    const rule = await t.disputeRule.findUnique({ where: { id: ruleId.toLowerCase() } });
    if (!rule) throw new DomainError("NOT_FOUND", "Rule not found.");
    if (!rule.active) return { id: rule.id, changed: false };
    await t.disputeRule.update({
      where: { id: rule.id },
      data: { active: false, updatedById: actor.kind === "staff" ? actor.userId : null },
    });
    await appendAudit(t, actor, {
      action: "dispute-rule.deactivate",
      entityType: "dispute_rule",
      entityId: rule.id,
      before: { active: true },
      after: { active: false },
    });
    return { id: rule.id, changed: true };
  });
}
