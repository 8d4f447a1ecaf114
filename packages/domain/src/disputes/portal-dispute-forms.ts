import { z } from "zod";
import {
  AddDisputeMessageSchema,
  RaiseDisputeSchema,
  scopeNeedsDetail,
  UploadedFiles,
  WithdrawDisputeSchema,
} from "./dispute-forms.ts";

/**
 * The customer's forms on a dispute's page, one per intent: reply, add documents, withdraw. The
 * dispute is the page's; each field is the use case's own (same limits, same messages).
 */
export const PortalDisputeFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body: AddDisputeMessageSchema.shape.body }),
  z.object({ intent: z.literal("attach"), files: UploadedFiles.min(1, "Choose a file.") }),
  z.object({ intent: z.literal("withdraw"), note: WithdrawDisputeSchema.shape.note }),
]);
export type PortalDisputeForm = z.output<typeof PortalDisputeFormSchema>;

const raise = RaiseDisputeSchema.shape;

/**
 * The customer's "dispute this invoice" form: the use case's fields, with the chosen lines as the
 * form sends them (`line`: the numbers ticked; `lineAmount[n]`: line n's disputed amount, its
 * total when empty) and the documents as uploaded files.
 */
export const PortalRaiseDisputeFormSchema = z
  .object({
    idempotencyKey: raise.idempotencyKey,
    scope: raise.scope,
    line: z.array(z.coerce.number().int().min(1)).max(5000).default([]),
    lineAmount: z.array(raise.amount).max(5001).default([]),
    amount: raise.amount,
    reason: raise.reason,
    description: raise.description,
    files: UploadedFiles.default([]),
  })
  .superRefine(scopeNeedsDetail);
export type PortalRaiseDisputeForm = z.output<typeof PortalRaiseDisputeFormSchema>;

/** The chosen lines as the use case takes them: each with its amount when one was typed. */
export function chosenLines(form: Pick<PortalRaiseDisputeForm, "line" | "lineAmount">) {
  return form.line.map((lineNo) => {
    const amount = form.lineAmount[lineNo];
    return amount ? { lineNo, amount } : { lineNo };
  });
}
