import { z } from "zod";
import { type Actor, requireStaff } from "../actor.ts";
import { getDb, type Prisma } from "../db/client.ts";

export const ListOutboxSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Part of the recipient's address, any case. */
  search: z.string().trim().max(254).optional(),
});
export type ListOutboxInput = z.input<typeof ListOutboxSchema>;

export type OutboxEmailStatus = "PENDING" | "SENDING" | "SENT" | "FAILED";

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  category: string;
  status: OutboxEmailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxPage {
  items: OutboxEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The outbox, newest first, for the back office's dev mailbox (what was or would have been sent).
 * Any staff user may read it: it holds only what the system wrote to customers and staff.
 */
export async function listOutbox(rawInput: ListOutboxInput, actor: Actor): Promise<OutboxPage> {
  requireStaff(actor);
  const { page, pageSize, search } = ListOutboxSchema.parse(rawInput);
  const where: Prisma.OutboxEmailWhereInput = search
    ? { toAddress: { contains: search, mode: "insensitive" } }
    : {};
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.outboxEmail.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      subject: r.subject,
      text: r.textBody,
      html: r.htmlBody,
      category: r.category,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
    total,
    page,
    pageSize,
  };
}
