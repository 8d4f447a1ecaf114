import { isDomainError } from "@settle/domain/errors";
import { receiveStripeWebhook } from "@settle/domain/payments/stripe-events";
import { requestId } from "@settle/web/request.server";
import type { Route } from "./+types/stripe-webhook";

/** Stripe events are small; anything larger is not Stripe. */
const MAX_BODY_BYTES = 512 * 1024;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/**
 * Stripe's webhook endpoint (resource route, no CSRF token: the signature over the raw body is
 * the credential). A bad or stale signature is a 400 and is logged; a verified event is stored in
 * the inbox and answered 200 at once (a repeat is answered the same, flagged as a duplicate).
 * The worker acts on the inbox (ADR 013), so Stripe never waits for the ledger.
 */
export async function action({ request }: Route.ActionArgs) {
  const id = requestId(request);
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return json(413, { error: "too large" });
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return json(413, { error: "too large" });
  try {
    const result = await receiveStripeWebhook(raw, request.headers.get("stripe-signature"));
    return json(200, { received: true, duplicate: result.duplicate });
  } catch (error) {
    if (isDomainError(error) && error.details?.reason === "signature") {
      // No body in the log: it is unverified input.
      console.warn(
        JSON.stringify({
          event: "stripe.webhook.bad-signature",
          requestId: id,
          detail: error.details.detail,
        }),
      );
      return json(400, { error: "invalid signature" });
    }
    throw error;
  }
}

export function loader() {
  return json(405, { error: "POST only" });
}
