import { z } from "zod";
import { AddDisputeMessageSchema, RaiseDisputeSchema, WithdrawDisputeSchema } from "./dispute-forms.ts";

/** Documents as a browser form sends them (an empty file input sends none): one to ten files. */
export const UploadedFilesSchema = z
  .array(z.instanceof(File))
  .min(1, "Choose a file.")
  .max(10, "At most 10 files at once.");

/**
 * The customer's forms on a dispute's page, one per intent: reply, add documents, withdraw. The
 * dispute is the page's; each field is the use case's own (same limits, same messages).
 */
export const PortalDisputeFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body: AddDisputeMessageSchema.shape.body }),
  z.object({ intent: z.literal("attach"), files: UploadedFilesSchema }),
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
    files: z.array(z.instanceof(File)).max(10, "At most 10 files at once.").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "LINES" && v.line.length === 0)
      ctx.addIssue({ code: "custom", path: ["line"], message: "Choose at least one line." });
    if (v.scope === "AMOUNT" && !v.amount)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the disputed amount." });
  });
export type PortalRaiseDisputeForm = z.output<typeof PortalRaiseDisputeFormSchema>;

/** The chosen lines as the use case takes them: each with its amount when one was typed. */
export function chosenLines(form: Pick<PortalRaiseDisputeForm, "line" | "lineAmount">) {
  return form.line.map((lineNo) => {
    const amount = form.lineAmount[lineNo];
    return amount ? { lineNo, amount } : { lineNo };
  });
}
