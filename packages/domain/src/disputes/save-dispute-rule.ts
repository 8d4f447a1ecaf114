import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { toDecimalString } from "../money/money.ts";
import { amountExample, parseTypedAmount } from "../money/typed-amount.ts";
import {
  DISPUTE_MANAGER_ROLES,
  parseInput,
  type SaveDisputeRuleInput,
  SaveDisputeRuleSchema,
  UUID_RE,
} from "./dispute-forms.ts";

/** Creates or changes a matrix rule (AR managers; audited). New disputes use it at once. */
export async function saveDisputeRule(
  rawInput: SaveDisputeRuleInput,
  actor: Actor,
  options: { locale?: string } = {},
): Promise<{ id: string }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(SaveDisputeRuleSchema, rawInput);
  for (const [field, id] of [
    ["ruleId", input.ruleId],
    ["legalEntityId", input.legalEntityId],
    ["departmentId", input.departmentId],
    ["ownerId", input.ownerId],
  ] as const) {
    if (id && !UUID_RE.test(id)) throw new DomainError("VALIDATION", "Choose from the list.", { field });
  }
  if (!input.departmentId && !input.ownerId) {
    throw new DomainError("VALIDATION", "Route to a department, a person, or both.", {
      field: "departmentId",
      reason: "rule-route",
    });
  }
  const banded = input.minAmount !== null || input.maxAmount !== null;
  if (banded && !input.currency) {
    throw new DomainError("VALIDATION", "An amount band needs its currency.", {
      field: "currency",
      reason: "band-currency",
    });
  }
  const amount = (text: string | null, field: string) => {
    if (text === null || !input.currency) return null;
    const locale = options.locale ?? "en";
    let value: bigint | null = null;
    try {
      value = parseTypedAmount(text, input.currency, locale);
    } catch {
      // Worded below, with the band's own reason.
    }
    if (value === null || value < 0n) {
      const example = amountExample(input.currency, locale);
      throw new DomainError("VALIDATION", `Enter an amount in ${input.currency}, like ${example}.`, {
        field,
        reason: "band-amount-format",
        currency: input.currency,
        example,
      });
    }
    return value;
  };
  const minAmount = amount(input.minAmount, "minAmount");
  const maxAmount = amount(input.maxAmount, "maxAmount");
  if (minAmount !== null && maxAmount !== null && minAmount >= maxAmount) {
    throw new DomainError("VALIDATION", "The maximum must be above the minimum.", {
      field: "maxAmount",
      reason: "band-order",
    });
  }
  const data = {
    reason: input.reason,
    legalEntityId: input.legalEntityId,
    currency: banded ? input.currency : null,
    minAmount,
    maxAmount,
    departmentId: input.departmentId,
    ownerId: input.ownerId,
    deadlineDays: input.deadlineDays,
    active: true,
    updatedById: actor.kind === "staff" ? actor.userId : null,
  };
  return getDb().$transaction(async (t) => {
    if (input.ownerId) {
      const owner = await t.staffUser.findUnique({ where: { id: input.ownerId }, select: { active: true } });
      if (!owner?.active)
        throw new DomainError("VALIDATION", "Choose an active staff member.", {
          field: "ownerId",
          reason: "inactive-staff",
        });
    }
    if (input.departmentId && !(await t.department.findUnique({ where: { id: input.departmentId } }))) {
      throw new DomainError("VALIDATION", "Choose a department.", {
        field: "departmentId",
        reason: "unknown-department",
      });
    }
    if (input.legalEntityId && !(await t.legalEntity.findUnique({ where: { id: input.legalEntityId } }))) {
      throw new DomainError("VALIDATION", "Choose a legal entity.", {
        field: "legalEntityId",
        reason: "unknown-legal-entity",
      });
    }
    const before = input.ruleId ? await t.disputeRule.findUnique({ where: { id: input.ruleId } }) : null;
    if (input.ruleId && !before) throw new DomainError("NOT_FOUND", "Rule not found.");
    const rule = before
      ? await t.disputeRule.update({ where: { id: before.id }, data })
      : await t.disputeRule.create({ data });
    const show = (r: { minAmount: bigint | null; maxAmount: bigint | null; currency: string | null }) => ({
      min: r.minAmount !== null && r.currency ? toDecimalString(r.minAmount, r.currency.trim()) : null,
      max: r.maxAmount !== null && r.currency ? toDecimalString(r.maxAmount, r.currency.trim()) : null,
    });
    await appendAudit(t, actor, {
      action: before ? "dispute-rule.update" : "dispute-rule.create",
      entityType: "dispute_rule",
      entityId: rule.id,
      before: before ? { ...before, ...show(before) } : null,
      after: { ...rule, ...show(rule) },
    });
    return { id: rule.id };
  });
}
