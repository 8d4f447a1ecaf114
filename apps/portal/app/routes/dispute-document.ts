import { getDisputeAttachment } from "@settle/domain/disputes/get-dispute-attachment";
import { load } from "@settle/web/domain-errors.server";
import { storedFileDownload } from "@settle/web/downloads.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/dispute-document";

/**
 * A dispute document, scoped like the dispute's page. Always a download with the type detected at
 * upload (never rendered inline), so an uploaded file cannot run in the portal's origin.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const file = await load(() =>
    getDisputeAttachment(
      { customerId: params.customerId, disputeId: params.disputeId, attachmentId: params.attachmentId },
      session.actor,
    ),
  );
  return storedFileDownload(request, file);
}
