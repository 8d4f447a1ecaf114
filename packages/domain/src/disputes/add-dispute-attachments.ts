import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { checkAttachment } from "./attachment-type.ts";
import { lockDispute } from "./dispute-access.ts";
import {
  type AddDisputeAttachmentsInput,
  AddDisputeAttachmentsSchema,
  DISPUTE_RAISE_ROLES,
  isOpenDisputeStatus,
  parseInput,
} from "./dispute-forms.ts";

export interface DisputeAttachmentSummary {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Adds documents to an open dispute. Every file is checked (content type from its bytes, size)
 * before anything is written: one bad file rejects the lot and stores nothing. Portal users add
 * customer-visible documents; staff may keep one internal.
 */
export async function addDisputeAttachments(
  rawInput: AddDisputeAttachmentsInput,
  actor: Actor,
  tx?: Tx,
): Promise<DisputeAttachmentSummary[]> {
  const input = parseInput(AddDisputeAttachmentsSchema, rawInput);
  if (actor.kind === "staff") requireStaffRole(actor, DISPUTE_RAISE_ROLES);
  const visibility = actor.kind === "portal" ? "CUSTOMER" : input.visibility;
  const files = input.files.map((f) => checkAttachment(f));
  return inTransaction(tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    if (!isOpenDisputeStatus(dispute.status)) {
      throw new DomainError("INVALID_STATE", "This dispute is closed; it takes no more documents.", {
        reason: "closed-no-documents",
        status: dispute.status,
      });
    }
    const created: DisputeAttachmentSummary[] = [];
    for (const file of files) {
      const row = await t.disputeAttachment.create({
        data: {
          disputeId: dispute.id,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          visibility,
          uploadedByKind: actor.kind,
          uploadedById: actor.kind === "system" ? null : actor.userId,
          content: { create: { bytes: new Uint8Array(file.bytes) } },
        },
        select: { id: true, fileName: true, contentType: true, size: true, sha256: true },
      });
      created.push(row);
    }
    await appendAudit(t, actor, {
      action: "dispute.attach",
      entityType: "dispute",
      entityId: dispute.id,
      customerId: dispute.customerId,
      after: {
        visibility,
        files: created.map((c) => ({ id: c.id, fileName: c.fileName, sha256: c.sha256 })),
      },
    });
    return created;
  });
}
