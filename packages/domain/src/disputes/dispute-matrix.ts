import { z } from "zod";
import { type Actor, requireStaff, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import type { DisputeReason } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { parseDecimal, toDecimalString } from "../money/money.ts";
import { DISPUTE_MANAGER_ROLES, DISPUTE_REASONS, parseInput, UUID_RE } from "./dispute-forms.ts";
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
  options: { includeInactive?: boolean } = {},
): Promise<DisputeRuleRow[]> {
  requireStaff(actor);
  const rows = await getDb().disputeRule.findMany({
    where: options.includeInactive ? {} : { active: true },
    orderBy: [{ reason: "asc" }, { createdAt: "asc" }],
    include: {
      legalEntity: { select: { id: true, name: true } },
      department: { select: { id: true, name: true } },
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
      department: r.department,
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

const OptionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null));
const OptionalAmount = z
  .string()
  .trim()
  .max(30)
  .optional()
  .transform((v) => v || null);

export const SaveDisputeRuleSchema = z.object({
  /** Absent: a new rule. */
  ruleId: OptionalId,
  reason: z.enum(DISPUTE_REASONS, { error: "Choose a reason." }),
  legalEntityId: OptionalId,
  /** Amount band: a currency with a minimum and/or maximum (decimal, e.g. "5000.00"). */
  currency: z
    .string()
    .trim()
    .max(3)
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null)),
  minAmount: OptionalAmount,
  maxAmount: OptionalAmount,
  departmentId: OptionalId,
  ownerId: OptionalId,
  deadlineDays: z.coerce
    .number()
    .int()
    .min(1, "At least one business day.")
    .max(250, "At most 250 business days."),
});
export type SaveDisputeRuleInput = z.input<typeof SaveDisputeRuleSchema>;

/** Creates or changes a matrix rule (AR managers; audited). New disputes use it at once. */
export async function saveDisputeRule(rawInput: SaveDisputeRuleInput, actor: Actor): Promise<{ id: string }> {
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
    });
  }
  const banded = input.minAmount !== null || input.maxAmount !== null;
  if (banded && !input.currency) {
    throw new DomainError("VALIDATION", "An amount band needs its currency.", { field: "currency" });
  }
  const amount = (text: string | null, field: string) => {
    if (text === null || !input.currency) return null;
    try {
      const value = parseDecimal(text, input.currency);
      if (value < 0n) throw new Error("negative");
      return value;
    } catch {
      throw new DomainError("VALIDATION", `Enter an amount in ${input.currency}, e.g. 5000.00.`, { field });
    }
  };
  const minAmount = amount(input.minAmount, "minAmount");
  const maxAmount = amount(input.maxAmount, "maxAmount");
  if (minAmount !== null && maxAmount !== null && minAmount >= maxAmount) {
    throw new DomainError("VALIDATION", "The maximum must be above the minimum.", { field: "maxAmount" });
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
        throw new DomainError("VALIDATION", "Choose an active staff member.", { field: "ownerId" });
    }
    if (input.departmentId && !(await t.department.findUnique({ where: { id: input.departmentId } }))) {
      throw new DomainError("VALIDATION", "Choose a department.", { field: "departmentId" });
    }
    if (input.legalEntityId && !(await t.legalEntity.findUnique({ where: { id: input.legalEntityId } }))) {
      throw new DomainError("VALIDATION", "Choose a legal entity.", { field: "legalEntityId" });
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

/** Active staff, for choosing a dispute's owner or a rule's person. */
export async function listDisputeStaff(actor: Actor) {
  requireStaff(actor);
  return getDb().staffUser.findMany({
    where: { active: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, roles: true },
  });
}

/** The legal entities, for rules and holiday calendars. */
export async function listLegalEntities(actor: Actor) {
  requireStaff(actor);
  const rows = await getDb().legalEntity.findMany({
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, currency: true },
  });
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}

/** Departments disputes can be routed to. */
export async function listDepartments(actor: Actor) {
  requireStaff(actor);
  return getDb().department.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, email: true },
  });
}

export const SetDisputeThresholdSchema = z.object({
  currency: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "Enter a three-letter currency code, e.g. USD.")),
  /** Decimal in the currency; credits above it need a second staff member. 0: every credit does. */
  amount: z.string().trim().min(1, "Enter an amount.").max(30),
});
export type SetDisputeThresholdInput = z.input<typeof SetDisputeThresholdSchema>;

/** The per-currency approval amounts for dispute credits. */
export async function listDisputeThresholds(actor: Actor) {
  requireStaff(actor);
  const rows = await getDb().disputeApprovalThreshold.findMany({ orderBy: { currency: "asc" } });
  return rows.map((r) => ({ currency: r.currency.trim(), amount: r.amount, updatedAt: r.updatedAt }));
}

/** Sets a currency's approval amount for dispute credits (AR managers; audited). */
export async function setDisputeThreshold(
  rawInput: SetDisputeThresholdInput,
  actor: Actor,
): Promise<{ currency: string; amount: bigint; changed: boolean }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(SetDisputeThresholdSchema, rawInput);
  const amount = parseDecimal(input.amount, input.currency);
  if (amount < 0n) throw new DomainError("VALIDATION", "The amount cannot be negative.", { field: "amount" });
  return getDb().$transaction(async (t) => {
    const before = await t.disputeApprovalThreshold.findUnique({ where: { currency: input.currency } });
    if (before?.amount === amount) return { currency: input.currency, amount, changed: false };
    const updatedById = actor.kind === "staff" ? actor.userId : null;
    await t.disputeApprovalThreshold.upsert({
      where: { currency: input.currency },
      create: { currency: input.currency, amount, updatedById },
      update: { amount, updatedById },
    });
    await appendAudit(t, actor, {
      action: "dispute-threshold.set",
      entityType: "dispute_approval_threshold",
      entityId: input.currency,
      before: before ? { amount: toDecimalString(before.amount, input.currency) } : null,
      after: { amount: toDecimalString(amount, input.currency) },
    });
    return { currency: input.currency, amount, changed: true };
  });
}

export const SetHolidaySchema = z.object({
  legalEntityId: z.string().trim().max(100),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD."),
  name: z.string().trim().max(120).default(""),
  /** False removes the holiday. */
  holiday: z.boolean().default(true),
});
export type SetHolidayInput = z.input<typeof SetHolidaySchema>;

/** Adds or removes a legal entity's holiday (AR managers; audited). Existing deadlines stay. */
export async function setHoliday(rawInput: SetHolidayInput, actor: Actor): Promise<{ changed: boolean }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(SetHolidaySchema, rawInput);
  if (!UUID_RE.test(input.legalEntityId)) throw new DomainError("NOT_FOUND", "Legal entity not found.");
  const legalEntityId = input.legalEntityId.toLowerCase();
  const date = new Date(`${input.date}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input.date) {
    throw new DomainError("VALIDATION", "Use YYYY-MM-DD.", { field: "date" });
  }
  return getDb().$transaction(async (t) => {
    if (!(await t.legalEntity.findUnique({ where: { id: legalEntityId }, select: { id: true } }))) {
      throw new DomainError("NOT_FOUND", "Legal entity not found.");
    }
    const existing = await t.holiday.findUnique({ where: { legalEntityId_date: { legalEntityId, date } } });
    if (input.holiday === !!existing && (!existing || existing.name === input.name))
      return { changed: false };
    if (input.holiday) {
      await t.holiday.upsert({
        where: { legalEntityId_date: { legalEntityId, date } },
        create: { legalEntityId, date, name: input.name || input.date },
        update: { name: input.name || input.date },
      });
    } else if (existing) {
      await t.holiday.delete({ where: { id: existing.id } });
    }
    await appendAudit(t, actor, {
      action: input.holiday ? "holiday.set" : "holiday.remove",
      entityType: "holiday",
      entityId: `${legalEntityId}:${input.date}`,
      before: existing ? { name: existing.name } : null,
      after: input.holiday ? { name: input.name || input.date } : null,
    });
    return { changed: true };
  });
}

/** A legal entity's holidays in a year. */
export async function listHolidays(legalEntityId: string, year: number, actor: Actor) {
  requireStaff(actor);
  if (!UUID_RE.test(legalEntityId)) throw new DomainError("NOT_FOUND", "Legal entity not found.");
  return getDb().holiday.findMany({
    where: {
      legalEntityId: legalEntityId.toLowerCase(),
      date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    orderBy: { date: "asc" },
    select: { date: true, name: true },
  });
}
