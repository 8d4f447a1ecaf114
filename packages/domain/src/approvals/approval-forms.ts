import { z } from "zod";
import { DecideDisputeApprovalSchema } from "../disputes/dispute-forms.ts";
import { DecideRefundSchema } from "../payments/refund-forms.ts";

/**
 * The approvals queue's forms: approve a refund or a dispute credit where it waits (rejecting,
 * which needs a reason for the requester, is done on the item's own page).
 */
export const ApprovalActionSchema = z.discriminatedUnion("intent", [
  DecideRefundSchema.extend({ intent: z.literal("approve-refund") }),
  DecideDisputeApprovalSchema.extend({ intent: z.literal("approve-dispute-credit") }),
]);
export type ApprovalAction = z.output<typeof ApprovalActionSchema>;
