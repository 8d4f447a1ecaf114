import { z } from "zod";
import { PORTAL_LOCALES } from "../base/portal-locales.ts";
import type {
  DisputeChannel,
  DisputeOutcome,
  DisputeReason,
  DisputeRootCause,
  DisputeScope,
  DisputeStatus,
  StaffRole,
} from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";

export type { DisputeChannel, DisputeOutcome, DisputeReason, DisputeRootCause, DisputeScope, DisputeStatus };

/** The reason catalogue, in the order forms list it. */
export const DISPUTE_REASONS = [
  "PRICING",
  "QUANTITY_SHORT_SHIPMENT",
  "DAMAGED_GOODS",
  "LOST_FREIGHT",
  "DUPLICATE_BILLING",
  "TAX",
  "MISSING_PO_REFERENCE",
  "SERVICE_NOT_RENDERED",
  "ALREADY_PAID",
  "OTHER",
] as const satisfies readonly DisputeReason[];

export const DISPUTE_ROOT_CAUSES = [
  "PRICING_ERROR",
  "ORDER_ENTRY_ERROR",
  "SHIPPING_ERROR",
  "PRODUCT_QUALITY",
  "BILLING_ERROR",
  "TAX_SETUP",
  "CUSTOMER_ERROR",
  "SERVICE_FAILURE",
  "OTHER",
] as const satisfies readonly DisputeRootCause[];

export const DISPUTE_STATUSES = [
  "OPEN",
  "UNDER_REVIEW",
  "PENDING_APPROVAL",
  "RESOLVED_VALID",
  "RESOLVED_PARTIAL",
  "RESOLVED_INVALID",
  "WITHDRAWN",
] as const satisfies readonly DisputeStatus[];

/** Statuses of a dispute still being worked: its amount is "in dispute" and its lines are held. */
export const OPEN_DISPUTE_STATUSES = [
  "OPEN",
  "UNDER_REVIEW",
  "PENDING_APPROVAL",
] as const satisfies readonly DisputeStatus[];
export const isOpenDisputeStatus = (status: DisputeStatus) =>
  (OPEN_DISPUTE_STATUSES as readonly DisputeStatus[]).includes(status);

/**
 * The status as the customer sees it: a resolution waiting for a second staff member's approval is
 * still "under review" to them (the approval is the company's internal control).
 */
export function customerDisputeStatus(status: DisputeStatus): Exclude<DisputeStatus, "PENDING_APPROVAL"> {
  return status === "PENDING_APPROVAL" ? "UNDER_REVIEW" : status;
}

/** Who may raise a dispute for a customer (by phone, e-mail, from cash application). */
export const DISPUTE_RAISE_ROLES: readonly StaffRole[] = [
  "COLLECTOR",
  "CASH_APPLIER",
  "DISPUTE_ANALYST",
  "CREDIT_MANAGER",
  "AR_MANAGER",
];
/** Who works disputes: reassign, review, resolve. */
export const DISPUTE_WORK_ROLES: readonly StaffRole[] = ["DISPUTE_ANALYST", "AR_MANAGER"];
/** Who approves credits above the threshold (never their own) and edits the matrix. */
export const DISPUTE_MANAGER_ROLES: readonly StaffRole[] = ["AR_MANAGER"];

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids stay plain strings in the schemas: a malformed id is NOT_FOUND like an unknown one. */
export const Id = z.string().trim().max(100);
export const IdempotencyKey = z.string().min(8).max(200);
/** Plain text, kept as typed (pages render it as text, never as HTML). */
export const Text = (max: number, required: string) =>
  z
    .string({ error: required })
    .max(max, `At most ${max} characters.`)
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, required));
/** A decimal amount in the invoice's currency, e.g. "125.50"; parsed by the money module. */
export const DecimalAmount = z.string().trim().min(1, "Enter an amount.").max(30);

/** Uploaded files as a form sends them (an empty file input is none); the use case checks each one's content. */
export const UploadedFiles = z
  .array(z.instanceof(File), { error: "Choose a file." })
  .max(10, "At most 10 files at once.");

/** A raise form's scope needs its detail: at least one ticked line, or the amount. */
export function scopeNeedsDetail(
  v: { scope: DisputeScope; line: readonly number[]; amount?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.scope === "LINES" && v.line.length === 0)
    ctx.addIssue({ code: "custom", path: ["line"], message: "Choose at least one line." });
  if (v.scope === "AMOUNT" && !v.amount)
    ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the disputed amount." });
}

export const AttachmentFileSchema = z.object({
  fileName: z.string().max(255).default("document"),
  bytes: z.instanceof(Uint8Array),
});
export type AttachmentFile = z.input<typeof AttachmentFileSchema>;

export const RaiseDisputeSchema = z
  .object({
    customerId: Id,
    invoiceId: Id,
    scope: z.enum(["WHOLE", "LINES", "AMOUNT"]),
    /** LINES: the chosen invoice lines by number, each for its total unless an amount is given. */
    lines: z
      .array(z.object({ lineNo: z.coerce.number().int().min(1), amount: DecimalAmount.optional() }))
      .max(5000)
      .default([]),
    /** AMOUNT: how much of the invoice is disputed. */
    amount: DecimalAmount.optional(),
    reason: z.enum(DISPUTE_REASONS, { error: "Choose a reason." }),
    description: Text(5000, "Describe what is wrong."),
    attachments: z.array(AttachmentFileSchema).max(10, "At most 10 files at once.").default([]),
    /** The form's key: the same submission twice makes one dispute. */
    idempotencyKey: IdempotencyKey,
    /** Staff only: how the customer told us (a portal user's dispute is always PORTAL). */
    channel: z.enum(["PORTAL", "PHONE", "EMAIL", "CASH_APPLICATION"]).default("PORTAL"),
    /** Staff only: who at the customer hears about progress, and in which language. */
    contactEmail: z.string().trim().pipe(z.email("Enter a valid e-mail address.").max(254)).optional(),
    contactName: z.string().trim().max(200).optional(),
    locale: z.enum(PORTAL_LOCALES).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "LINES" && v.lines.length === 0)
      ctx.addIssue({ code: "custom", path: ["lines"], message: "Choose at least one line." });
    if (v.scope === "LINES" && new Set(v.lines.map((l) => l.lineNo)).size !== v.lines.length)
      ctx.addIssue({ code: "custom", path: ["lines"], message: "Each line once." });
    if (v.scope === "AMOUNT" && !v.amount)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the disputed amount." });
  });
export type RaiseDisputeInput = z.input<typeof RaiseDisputeSchema>;

export const DisputeRefSchema = z.object({ disputeId: Id });
export type DisputeRefInput = z.input<typeof DisputeRefSchema>;

export const AddDisputeMessageSchema = z.object({
  disputeId: Id,
  body: Text(5000, "Write a message."),
  /** Staff only: INTERNAL notes are never shown to the customer. */
  visibility: z.enum(["CUSTOMER", "INTERNAL"]).default("CUSTOMER"),
});
export type AddDisputeMessageInput = z.input<typeof AddDisputeMessageSchema>;

export const AddDisputeAttachmentsSchema = z.object({
  disputeId: Id,
  files: z.array(AttachmentFileSchema).min(1, "Choose a file.").max(10, "At most 10 files at once."),
  visibility: z.enum(["CUSTOMER", "INTERNAL"]).default("CUSTOMER"),
});
export type AddDisputeAttachmentsInput = z.input<typeof AddDisputeAttachmentsSchema>;

export const WithdrawDisputeSchema = z.object({
  disputeId: Id,
  note: z.string().max(2000).trim().optional(),
});
export type WithdrawDisputeInput = z.input<typeof WithdrawDisputeSchema>;

export const ReassignDisputeSchema = z.object({
  disputeId: Id,
  /** The new owner (a staff user) and/or department; null clears one. At least one remains. */
  ownerId: Id.nullable(),
  departmentId: Id.nullable(),
  note: z.string().max(2000).trim().optional(),
});
export type ReassignDisputeInput = z.input<typeof ReassignDisputeSchema>;

export const DISPUTE_OUTCOMES = ["VALID", "PARTIAL", "INVALID"] as const satisfies readonly DisputeOutcome[];

/** The resolution's fields, shared by the use case's schema and the dispute page's form. */
export const ResolveDisputeFields = {
  /** VALID credits the whole disputed amount, PARTIAL the agreed `creditAmount`, INVALID nothing. */
  outcome: z.enum(DISPUTE_OUTCOMES, { error: "Choose an outcome." }),
  creditAmount: DecimalAmount.optional(),
  rootCause: z.enum(DISPUTE_ROOT_CAUSES, { error: "Choose a root cause." }),
  /** Sent to the customer: why it was accepted, or why the invoice stands. */
  explanation: Text(5000, "Explain the decision to the customer."),
};
export function partialNeedsCredit(
  v: { outcome: DisputeOutcome; creditAmount?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.outcome === "PARTIAL" && !v.creditAmount)
    ctx.addIssue({ code: "custom", path: ["creditAmount"], message: "Enter the agreed credit amount." });
}

export const ResolveDisputeSchema = z
  .object({ disputeId: Id, ...ResolveDisputeFields })
  .superRefine(partialNeedsCredit);
export type ResolveDisputeInput = z.input<typeof ResolveDisputeSchema>;

export const DecideDisputeApprovalSchema = z.object({
  disputeId: Id,
  note: z.string().max(2000).trim().optional(),
});
export type DecideDisputeApprovalInput = z.input<typeof DecideDisputeApprovalSchema>;

// The resolution matrix (settings page): rules, approval amounts, holidays.
// Nullish: what the schema gives back parses again (a form's parsed value goes to the use case).
const OptionalId = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null));
const OptionalAmount = z
  .string()
  .trim()
  .max(30)
  .nullish()
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
    .nullish()
    .transform((v) => (v ? v.toUpperCase() : null)),
  minAmount: OptionalAmount,
  maxAmount: OptionalAmount,
  departmentId: OptionalId,
  ownerId: OptionalId,
  deadlineDays: z.coerce
    .number({ error: "Enter a number of business days." })
    .int("Enter a whole number of business days.")
    .min(1, "At least one business day.")
    .max(250, "At most 250 business days."),
});
export type SaveDisputeRuleInput = z.input<typeof SaveDisputeRuleSchema>;

export const SetDisputeThresholdSchema = z.object({
  currency: z
    .string({ error: "Enter a three-letter currency code, e.g. USD." })
    .trim()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "Enter a three-letter currency code, e.g. USD.")),
  /** Decimal in the currency; credits above it need a second staff member. 0: every credit does. */
  amount: z.string({ error: "Enter an amount." }).trim().min(1, "Enter an amount.").max(30),
});
export type SetDisputeThresholdInput = z.input<typeof SetDisputeThresholdSchema>;

export const SetHolidaySchema = z.object({
  legalEntityId: z.string().trim().max(100),
  date: z
    .string({ error: "Use YYYY-MM-DD." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD."),
  name: z.string().trim().max(120).default(""),
  /** False removes the holiday. */
  holiday: z.boolean().default(true),
});
export type SetHolidayInput = z.input<typeof SetHolidaySchema>;

/** Zod's first issue as a VALIDATION error naming its field, for forms to show beside it. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "Check the form.", {
      field: issue?.path.join(".") ?? null,
    });
  }
  return parsed.data;
}

export const disputeLabel = (number: number) => `D-${number}`;
