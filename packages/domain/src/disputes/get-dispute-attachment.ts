import { z } from "zod";
import { type Actor, canReadCustomer } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { UUID_RE } from "./dispute-forms.ts";

export const GetDisputeAttachmentSchema = z.object({
  /** The account the page is for (portal URLs carry it): a dispute of another account is NOT_FOUND. */
  customerId: z.string().max(100).optional(),
  disputeId: z.string().max(100),
  attachmentId: z.string().max(100),
});
export type GetDisputeAttachmentInput = z.input<typeof GetDisputeAttachmentSchema>;

export interface DisputeAttachmentFile {
  fileName: string;
  /** Detected from the bytes at upload; serve with this type and as an attachment. */
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

/**
 * A dispute document's bytes for download. Portal users get only customer-visible documents of
 * their own accounts' disputes; anything else is NOT_FOUND.
 */
export async function getDisputeAttachment(
  rawInput: GetDisputeAttachmentInput,
  actor: Actor,
): Promise<DisputeAttachmentFile> {
  const input = GetDisputeAttachmentSchema.parse(rawInput);
  const notFound = new DomainError("NOT_FOUND", "Document not found.");
  if (!UUID_RE.test(input.disputeId) || !UUID_RE.test(input.attachmentId)) throw notFound;
  if (input.customerId !== undefined && !UUID_RE.test(input.customerId)) throw notFound;
  const row = await getDb().disputeAttachment.findFirst({
    where: { id: input.attachmentId.toLowerCase(), disputeId: input.disputeId.toLowerCase() },
    select: {
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      visibility: true,
      dispute: { select: { customerId: true } },
      content: { select: { bytes: true } },
    },
  });
  if (!row?.content || !canReadCustomer(actor, row.dispute.customerId)) throw notFound;
  if (input.customerId !== undefined && row.dispute.customerId !== input.customerId.toLowerCase())
    throw notFound;
  if (actor.kind === "portal" && row.visibility !== "CUSTOMER") throw notFound;
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256.trim(),
    bytes: row.content.bytes,
  };
}
