import { z } from "zod";
import { type Actor, requireStaff } from "../actor.ts";
import { parseDateOnly } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import type { DisputeReason } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";

export const DISPUTE_REPORT_GROUPS = ["reason", "department", "customer", "legalEntity"] as const;
export type DisputeReportGroup = (typeof DISPUTE_REPORT_GROUPS)[number];

export const DisputeReportSchema = z.object({
  /** Disputes raised from this day through `to` (YYYY-MM-DD, inclusive). */
  from: z.string().max(20),
  to: z.string().max(20),
  groupBy: z.enum(DISPUTE_REPORT_GROUPS).default("reason"),
  /** A customer with at least this many disputes for one reason in the period is a repeat issue. */
  repeatThreshold: z.coerce.number().int().min(2).max(100).default(2),
});
export type DisputeReportInput = z.input<typeof DisputeReportSchema>;

export interface DisputeReportRow {
  /** The group's id (reason code, department/customer/legal entity id; null: no department). */
  key: string | null;
  label: string;
  currency: string;
  count: number;
  open: number;
  valid: number;
  partial: number;
  invalid: number;
  withdrawn: number;
  /** Σ disputed and Σ credited, minor units of `currency`. */
  disputedAmount: bigint;
  creditedAmount: bigint;
  /** Raised to closed, over the closed ones, in whole hours (null: none closed). */
  averageCycleHours: number | null;
  medianCycleHours: number | null;
  maxCycleHours: number | null;
}

export interface RepeatIssue {
  customerId: string;
  customerName: string;
  accountNumber: string;
  reason: DisputeReason;
  count: number;
}

export interface DisputeReport {
  from: Date;
  to: Date;
  groupBy: DisputeReportGroup;
  rows: DisputeReportRow[];
  /** Customers who disputed for the same reason repeatedly in the period, most first. */
  repeats: RepeatIssue[];
}

const DAY_MS = 86_400_000;

/**
 * The root-cause report: counts, amounts and cycle times of the disputes raised in a period,
 * grouped by reason, department, customer or legal entity (one row per group and currency), and
 * the repeat issues. Staff only; rows feed the page and the CSV/XLSX exports alike.
 */
export async function getDisputeReport(
  rawInput: DisputeReportInput,
  actor: Actor,
  options: { locale?: string } = {},
): Promise<DisputeReport> {
  requireStaff(actor);
  const input = DisputeReportSchema.parse(rawInput);
  const from = parseDateOnly(input.from, "from");
  const to = parseDateOnly(input.to, "to");
  if (to < from)
    throw new DomainError("VALIDATION", "The end date is before the start date.", {
      field: "to",
      reason: "period-order",
    });
  const end = new Date(to.getTime() + DAY_MS);
  const db = getDb();
  // The group expression is chosen from a fixed list, never from input text.
  const key = {
    reason: "d.reason::text",
    department: "d.department_id::text",
    customer: "d.customer_id::text",
    legalEntity: "d.legal_entity_id::text",
  }[input.groupBy];
  const label = {
    reason: "d.reason::text",
    // A department by its name in the reader's language ($3), else the name staff gave it.
    department: "COALESCE(NULLIF(dep.name_translations ->> $3::text, ''), dep.name, '(no department)')",
    customer: "c.name || ' (' || c.account_number || ')'",
    legalEntity: "le.name",
  }[input.groupBy];
  const sql = `
    SELECT ${key} AS key, ${label} AS label, d.currency,
           COUNT(*)::int AS count,
           COUNT(*) FILTER (WHERE d.status IN ('OPEN', 'UNDER_REVIEW', 'PENDING_APPROVAL'))::int AS open,
           COUNT(*) FILTER (WHERE d.status = 'RESOLVED_VALID')::int AS valid,
           COUNT(*) FILTER (WHERE d.status = 'RESOLVED_PARTIAL')::int AS partial,
           COUNT(*) FILTER (WHERE d.status = 'RESOLVED_INVALID')::int AS invalid,
           COUNT(*) FILTER (WHERE d.status = 'WITHDRAWN')::int AS withdrawn,
           SUM(d.amount)::bigint AS disputed_amount,
           COALESCE(SUM(d.credit_amount) FILTER (WHERE d.status IN ('RESOLVED_VALID', 'RESOLVED_PARTIAL')), 0)::bigint AS credited_amount,
           ROUND(AVG(EXTRACT(EPOCH FROM d.closed_at - d.created_at) / 3600) FILTER (WHERE d.closed_at IS NOT NULL))::int AS avg_hours,
           ROUND(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d.closed_at - d.created_at) / 3600) FILTER (WHERE d.closed_at IS NOT NULL))::int AS median_hours,
           ROUND(MAX(EXTRACT(EPOCH FROM d.closed_at - d.created_at) / 3600) FILTER (WHERE d.closed_at IS NOT NULL))::int AS max_hours
      FROM dispute d
      JOIN customer c ON c.id = d.customer_id
      JOIN legal_entity le ON le.id = d.legal_entity_id
      LEFT JOIN department dep ON dep.id = d.department_id
     WHERE d.created_at >= $1 AND d.created_at < $2
     GROUP BY 1, 2, 3
     ORDER BY count DESC, label, currency`;
  const rows = await db.$queryRawUnsafe<
    {
      key: string | null;
      label: string;
      currency: string;
      count: number;
      open: number;
      valid: number;
      partial: number;
      invalid: number;
      withdrawn: number;
      disputed_amount: bigint;
      credited_amount: bigint;
      avg_hours: number | null;
      median_hours: number | null;
      max_hours: number | null;
    }[]
  >(sql, ...(input.groupBy === "department" ? [from, end, options.locale ?? "en"] : [from, end]));
  const repeats = await db.$queryRaw<
    { customer_id: string; name: string; account_number: string; reason: DisputeReason; count: number }[]
  >`
    SELECT d.customer_id, c.name, c.account_number, d.reason, COUNT(*)::int AS count
      FROM dispute d JOIN customer c ON c.id = d.customer_id
     WHERE d.created_at >= ${from} AND d.created_at < ${end}
     GROUP BY d.customer_id, c.name, c.account_number, d.reason
    HAVING COUNT(*) >= ${input.repeatThreshold}
     ORDER BY count DESC, c.name, d.reason
     LIMIT 100`;
  return {
    from,
    to,
    groupBy: input.groupBy,
    rows: rows.map((r) => ({
      key: r.key,
      label: r.label,
      currency: r.currency.trim(),
      count: r.count,
      open: r.open,
      valid: r.valid,
      partial: r.partial,
      invalid: r.invalid,
      withdrawn: r.withdrawn,
      disputedAmount: BigInt(r.disputed_amount),
      creditedAmount: BigInt(r.credited_amount),
      averageCycleHours: r.avg_hours,
      medianCycleHours: r.median_hours,
      maxCycleHours: r.max_hours,
    })),
    repeats: repeats.map((r) => ({
      customerId: r.customer_id,
      customerName: r.name,
      accountNumber: r.account_number,
      reason: r.reason,
      count: r.count,
    })),
  };
}
