import { z } from "zod";
import { PORTAL_LOCALES } from "../base/portal-locales.ts";
import { SaveDepartmentSchema } from "./department-forms.ts";
import {
  type AttachmentFile,
  DecimalAmount,
  DISPUTE_REASONS,
  Id,
  IdempotencyKey,
  partialNeedsCredit,
  type RaiseDisputeInput,
  ResolveDisputeFields,
  SaveDisputeRuleSchema,
  SetDisputeThresholdSchema,
  SetHolidaySchema,
  scopeNeedsDetail,
  Text,
  UploadedFiles,
} from "./dispute-forms.ts";

/**
 * The back office's dispute forms, one schema per form, validated in the browser (Conform) and
 * again by the action before the use case runs. A page with several forms posts an `intent`: its
 * schema is a discriminated union on it, so an unknown intent or value is refused, never coerced.
 */

const Note = z.string().max(2000, "At most 2000 characters.").trim().optional();
const MessageBody = Text(5000, "Write a message.");

/** The dispute page: its thread, documents, assignment, resolution, approval and withdrawal. */
export const DisputePageFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body: MessageBody }),
  z.object({ intent: z.literal("note"), body: MessageBody }),
  z.object({
    intent: z.literal("attach"),
    attachments: UploadedFiles.min(1, "Choose a file."),
    visibility: z.enum(["CUSTOMER", "INTERNAL"], { error: "Choose who sees them." }).default("CUSTOMER"),
  }),
  z.object({
    intent: z.literal("reassign"),
    /** Empty: nobody (or no department); the use case wants one of the two. */
    ownerId: Id.optional(),
    departmentId: Id.optional(),
    note: Note,
  }),
  z.object({ intent: z.literal("review") }),
  z.object({ intent: z.literal("resolve"), ...ResolveDisputeFields }).superRefine(partialNeedsCredit),
  z.object({ intent: z.literal("approve"), note: Note }),
  z.object({
    intent: z.literal("reject"),
    note: z
      .string({ error: "Say why the resolution is sent back." })
      .max(2000, "At most 2000 characters.")
      .trim()
      .min(1, "Say why the resolution is sent back."),
  }),
  z.object({ intent: z.literal("withdraw"), note: Note }),
]);
export type DisputePageForm = z.output<typeof DisputePageFormSchema>;

export const STAFF_DISPUTE_CHANNELS = ["PHONE", "EMAIL", "CASH_APPLICATION"] as const;

/**
 * Logging a dispute for a customer: the invoice's lines are ticked (`line`, by number), each with
 * an optional amount (`lineAmount.<number>`) for part of it.
 */
export const StaffRaiseDisputeFormSchema = z
  .object({
    customerId: Id,
    invoiceId: Id,
    idempotencyKey: IdempotencyKey,
    channel: z.enum(STAFF_DISPUTE_CHANNELS, {
      error: "Say how the customer raised it: phone, e-mail or cash application.",
    }),
    locale: z.enum(PORTAL_LOCALES).optional(),
    contactName: z.string().trim().max(200).optional(),
    contactEmail: z.string().trim().pipe(z.email("Enter a valid e-mail address.").max(254)).optional(),
    scope: z.enum(["WHOLE", "LINES", "AMOUNT"], { error: "Choose what is disputed." }),
    line: z.array(z.coerce.number().int().min(1)).max(5000).default([]),
    /** Empty: the whole line (Conform leaves a record's empty values as they are). */
    lineAmount: z.record(z.string(), z.string().trim().max(30)).default({}),
    amount: DecimalAmount.optional(),
    reason: z.enum(DISPUTE_REASONS, { error: "Choose a reason." }),
    description: Text(5000, "Describe what is wrong."),
    attachments: UploadedFiles.default([]),
  })
  .superRefine(scopeNeedsDetail);
export type StaffRaiseDisputeForm = z.output<typeof StaffRaiseDisputeFormSchema>;

/**
 * raiseDispute's input from the form (no transform in the schema: the browser derives the
 * fields' constraints from it): the ticked lines with their amounts, and the documents' bytes.
 */
export function staffRaiseDisputeInput(
  { line, lineAmount, attachments: _files, ...rest }: StaffRaiseDisputeForm,
  attachments: AttachmentFile[],
): RaiseDisputeInput {
  return {
    ...rest,
    lines: line.map((lineNo) => ({ lineNo, amount: lineAmount[String(lineNo)] || undefined })),
    attachments,
  };
}

/** The dispute matrix page: rules, departments, holidays and approval amounts. */
export const DisputeMatrixFormSchema = z.discriminatedUnion("intent", [
  SaveDisputeRuleSchema.extend({ intent: z.literal("rule-save") }),
  SaveDepartmentSchema.extend({ intent: z.literal("department-save") }),
  z.object({ intent: z.literal("rule-deactivate"), ruleId: Id }),
  SetHolidaySchema.omit({ holiday: true }).extend({ intent: z.literal("holiday-set") }),
  SetHolidaySchema.pick({ legalEntityId: true, date: true }).extend({ intent: z.literal("holiday-remove") }),
  SetDisputeThresholdSchema.extend({ intent: z.literal("threshold-set") }),
]);
export type DisputeMatrixForm = z.output<typeof DisputeMatrixFormSchema>;
