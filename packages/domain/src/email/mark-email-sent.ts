import { z } from "zod";
import { getDb, type Tx } from "../db/client.ts";

export const MarkEmailSentSchema = z.object({ id: z.uuid() });
export type MarkEmailSentInput = z.input<typeof MarkEmailSentSchema>;

/**
 * Records a successful send. Whatever state the row is in by now (even handed back by the
 * stuck-email sweep because the send was slow), it was sent, so it becomes SENT and is never
 * claimed again. Returns false when it was already SENT.
 */
export async function markEmailSent(input: MarkEmailSentInput, tx?: Tx): Promise<boolean> {
  const { id } = MarkEmailSentSchema.parse(input);
  const { count } = await (tx ?? getDb()).outboxEmail.updateMany({
    where: { id, status: { not: "SENT" } },
    data: { status: "SENT", sentAt: new Date() },
  });
  return count === 1;
}
