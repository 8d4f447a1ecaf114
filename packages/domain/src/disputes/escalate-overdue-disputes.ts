import { systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import { arManagers, lockDispute, notifyStaff, ownerContacts } from "./dispute-access.ts";
import { OPEN_DISPUTE_STATUSES } from "./dispute-forms.ts";

const BATCH = 100;

/**
 * The escalation job: every open dispute whose deadline (its last business day) has passed and
 * that was not escalated yet is marked `escalated_at`, audited, and its owner, department mailbox
 * and the AR managers are e-mailed, one dispute per transaction. The mark is a conditional update
 * (`escalated_at IS NULL`), so however often and on however many workers this runs, each breach
 * is marked and announced once.
 */
export async function escalateOverdueDisputes(options: { now?: Date } = {}): Promise<{ escalated: number }> {
  const actor = systemActor("dispute-escalation");
  const today = ledgerToday(options.now).toISOString().slice(0, 10);
  const db = getDb();
  let escalated = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const due = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM dispute
       WHERE status::text = ANY(${[...OPEN_DISPUTE_STATUSES]}::text[]) AND deadline < ${today}::date
         AND escalated_at IS NULL AND id > ${after}::uuid
       ORDER BY id LIMIT ${BATCH}`;
    if (due.length === 0) break;
    for (const { id } of due) {
      const done = await db.$transaction(async (t) => {
        const marked = await t.$executeRaw`
          UPDATE dispute SET escalated_at = now(), updated_at = now()
           WHERE id = ${id}::uuid AND escalated_at IS NULL AND deadline < ${today}::date
             AND status::text = ANY(${[...OPEN_DISPUTE_STATUSES]}::text[])`;
        if (marked === 0) return false;
        const dispute = await lockDispute(t, id, actor);
        await appendAudit(t, actor, {
          action: "dispute.escalate",
          entityType: "dispute",
          entityId: id,
          customerId: dispute.customerId,
          after: { deadline: dispute.deadline.toISOString().slice(0, 10), ownerId: dispute.ownerId },
        });
        const contacts = await ownerContacts(t, dispute.ownerId, dispute.departmentId);
        await notifyStaff(
          t,
          dispute,
          "ESCALATED",
          [contacts.owner, contacts.mailbox, ...(await arManagers(t))],
          contacts,
        );
        return true;
      });
      if (done) escalated += 1;
    }
    after = due[due.length - 1]!.id;
  }
  return { escalated };
}
