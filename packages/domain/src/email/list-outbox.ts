import { z } from "zod";
import { type Actor, requireStaff } from "../actor.ts";
import { likeLiteral, OptionalText } from "../base/search-text.ts";
import { getDb, type Prisma } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { type EmailAttachmentRef, EmailAttachmentRefSchema } from "./enqueue-email.ts";

export const ListOutboxSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Part of the recipient's address, any case. */
  search: OptionalText(254),
});
export type ListOutboxInput = z.input<typeof ListOutboxSchema>;

export type OutboxEmailStatus = "PENDING" | "SENDING" | "SENT" | "FAILED";

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The documents the message carries (rendered when sent). */
  attachments: EmailAttachmentRef[];
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
    ? { toAddress: { contains: likeLiteral(search), mode: "insensitive" } }
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
      attachments: attachmentsOf(r.attachments),
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

const attachmentsOf = (value: unknown): EmailAttachmentRef[] =>
  z.array(EmailAttachmentRefSchema).catch([]).parse(value);

/** One attachment reference of an outbox e-mail, for the dev mailbox to render. Staff only. */
export async function getOutboxAttachment(
  input: { emailId: string; index: number },
  actor: Actor,
): Promise<EmailAttachmentRef> {
  requireStaff(actor);
  const id = z.uuid().safeParse(input.emailId);
  const row = id.success
    ? await getDb().outboxEmail.findUnique({ where: { id: id.data }, select: { attachments: true } })
    : null;
  const attachment = row ? attachmentsOf(row.attachments)[input.index] : undefined;
  if (!attachment) throw new DomainError("NOT_FOUND", "Attachment not found.");
  return attachment;
}
