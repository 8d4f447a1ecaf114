import { z } from "zod";
import type { StaffRole } from "../actor.ts";
import { RiskClass } from "../db/generated/enums.ts";
import { percentOfBp } from "../money/money.ts";
import { MAX_INSTALMENTS } from "./plan-schedule.ts";

/*
 * The payment plan policy's form, rules and fee, without the database: for the domain and the
 * pages that show the policy or preview a plan's fee.
 */

/** Who sets a legal entity's payment plan policy: AR managers (admins always), like the other settings. */
export const PLAN_POLICY_ROLES: readonly StaffRole[] = ["AR_MANAGER"];

export const RISK_CLASSES = Object.values(RiskClass) as [RiskClass, ...RiskClass[]];

/** A plan's fee: the policy's share of what is financed (covered − down payment), rounded half up. */
export function planFee(financed: bigint, feeBps: number): bigint {
  return financed > 0n && feeBps > 0 ? percentOfBp(financed, feeBps) : 0n;
}

/** The self-service rules, in the order they are checked (the first one broken is named). */
export const SELF_SERVICE_RULES = [
  "disabled",
  "currency",
  "max-total",
  "max-instalments",
  "first-date",
  "min-down",
  "risk-class",
  "recent-default",
] as const;
export type SelfServiceRule = (typeof SELF_SERVICE_RULES)[number];

/** The latest first payment the portal offers by itself: this many days from today. */
export const SELF_SERVICE_MAX_FIRST_DAYS = 30;

export interface SelfServiceAsk {
  currency: string;
  covered: bigint;
  downPayment: bigint;
  /** Covered + fee. */
  total: bigint;
  instalments: number;
  /** Days from today to the first payment. */
  firstDateDays: number;
  riskClass: RiskClass;
  /** A plan of the customer's DEFAULTED in the last twelve months. */
  defaultedRecently: boolean;
}

const count = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `Enter the ${what}.` })
    .int({ error: `The ${what} is a whole number.` })
    .min(min, { error: `The ${what} is at least ${min}.` })
    .max(max, { error: `The ${what} is at most ${max}.` });

/** Bounds of the policy's numbers. */
export const PLAN_POLICY_BOUNDS = {
  feeBps: [0, 2000],
  graceDays: [0, 60],
  reminderDays: [1, 60],
  missesToDefault: [1, 12],
  selfServiceMaxInstalments: [1, MAX_INSTALMENTS],
  selfServiceMinDownBps: [0, 9000],
} as const satisfies Record<string, readonly [number, number]>;

const bounded = (field: keyof typeof PLAN_POLICY_BOUNDS, what: string) =>
  count(PLAN_POLICY_BOUNDS[field][0], PLAN_POLICY_BOUNDS[field][1], what);

/**
 * The settings form of one legal entity's policy: fee and down payment share in basis points,
 * days, counts, the self-service limit typed in the staff member's language (in the entity's
 * currency), and the risk classes that may help themselves.
 */
export const UpdatePlanPolicySchema = z.object({
  legalEntityId: z.string().trim().max(100),
  feeBps: bounded("feeBps", "fee"),
  graceDays: bounded("graceDays", "grace period"),
  reminderDays: bounded("reminderDays", "reminder period"),
  missesToDefault: bounded("missesToDefault", "number of misses"),
  selfServiceEnabled: z.boolean().default(false),
  selfServiceMaxTotal: z.string({ error: "Enter the largest total." }).trim().min(1).max(40),
  selfServiceMaxInstalments: bounded("selfServiceMaxInstalments", "number of instalments"),
  selfServiceMinDownBps: bounded("selfServiceMinDownBps", "down payment share"),
  selfServiceRiskClasses: z.array(z.enum(RISK_CLASSES)).max(RISK_CLASSES.length).default([]),
});
export type UpdatePlanPolicyInput = z.input<typeof UpdatePlanPolicySchema>;
