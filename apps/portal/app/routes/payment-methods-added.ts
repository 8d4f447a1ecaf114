import { completeCardSetup } from "@settle/domain/payments/record-saved-card";
import { paymentMethodsPath } from "@settle/domain/payments/start-card-setup";
import { pageUrl } from "@settle/web/request.server";
import { redirect } from "react-router";
import { loadCardPage } from "~/lib/card-payments.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-methods-added";

/**
 * Where Stripe Checkout (setup mode) returns: records the saved card from the session the URL
 * names (unless the webhook did first), then shows the payment methods page.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const checkoutSessionId = pageUrl(request).searchParams.get("session_id") ?? "";
  await loadCardPage(() => completeCardSetup(params.customerId, checkoutSessionId, session.actor));
  return redirect(`${paymentMethodsPath(params.customerId.toLowerCase())}?done=added`);
}
