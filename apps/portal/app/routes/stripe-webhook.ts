import { requestId } from "@settle/web/request.server";
import { answerStripeWebhook, MAX_WEBHOOK_BYTES } from "../stripe-webhook.server";
import type { Route } from "./+types/stripe-webhook";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/**
 * Stripe's webhook endpoint as a resource route. The production server answers this path itself
 * before React Router (stripeWebhookHandler); this route serves the dev server and the route
 * tests, with the same behaviour (answerStripeWebhook).
 */
export async function action({ request }: Route.ActionArgs) {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_WEBHOOK_BYTES) return json(413, { error: "too large" });
  const answer = await answerStripeWebhook(
    await request.text(),
    request.headers.get("stripe-signature"),
    requestId(request),
  );
  return json(answer.status, answer.body);
}

export function loader() {
  return json(405, { error: "POST only" });
}
