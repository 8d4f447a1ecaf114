import { getDisputeAttachment } from "@settle/domain/disputes/get-dispute-attachment";
import { load } from "@settle/web/domain-errors.server";
import { storedFileDownload } from "@settle/web/downloads.server";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-document";

/**
 * A dispute document as stored: the type detected at upload, always an attachment (never shown
 * inline), nosniff and sandboxed, so an uploaded file cannot run in the back office's origin.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const file = await load(() =>
    getDisputeAttachment({ disputeId: params.disputeId, attachmentId: params.attachmentId }, staff.actor),
  );
  return storedFileDownload(request, file);
}
