import { renderEmailAttachment } from "@settle/documents/email-attachments";
import { getOutboxAttachment } from "@settle/domain/email/list-outbox";
import { load } from "@settle/web/domain-errors.server";
import { data } from "react-router";
import { env } from "../env.server.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dev-mailbox-attachment";

/** An attachment of an outbox e-mail, rendered as the worker would send it. Not in production. */
export async function loader({ request, params }: Route.LoaderArgs) {
  if (env.isProduction) throw data({ message: "Not found" }, { status: 404 });
  const staff = await requireStaff(request);
  const index = Number(params.index);
  if (!Number.isInteger(index) || index < 0) throw data({ message: "Not found" }, { status: 404 });
  const ref = await load(() => getOutboxAttachment({ emailId: params.emailId, index }, staff.actor));
  const file = await load(() => renderEmailAttachment(ref));
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `inline; filename="${file.filename}"`,
      "Content-Length": String(file.content.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
