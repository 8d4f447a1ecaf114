import type { IncomingMessage, ServerResponse } from "node:http";
import { isDomainError } from "@settle/domain/errors";
import { receiveStripeWebhook } from "@settle/domain/payments/receive-stripe-webhook";
import { requestIdFrom } from "@settle/web/request.server";
import type { DirectHandler } from "@settle/web/serve.server";

/** Where Stripe posts events (the README tells operators to register this path). */
export const STRIPE_WEBHOOK_PATH = "/webhooks/stripe";

/** Stripe events are small; anything larger is not Stripe. */
export const MAX_WEBHOOK_BYTES = 512 * 1024;

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Stripe's webhook endpoint (no CSRF token: the signature over the raw body is the credential).
 * A bad or stale signature is a 400 and is logged; a verified event is stored in the inbox and
 * answered 200 at once (a repeat is answered the same, flagged as a duplicate). The worker acts
 * on the inbox (ADR 013), so Stripe never waits for the ledger.
 */
export async function answerStripeWebhook(
  raw: string,
  signature: string | null,
  requestId: string,
): Promise<WebhookAnswer> {
  if (Buffer.byteLength(raw) > MAX_WEBHOOK_BYTES) return { status: 413, body: { error: "too large" } };
  try {
    const result = await receiveStripeWebhook(raw, signature);
    return { status: 200, body: { received: true, duplicate: result.duplicate } };
  } catch (error) {
    if (isDomainError(error) && error.details?.reason === "signature") {
      // No body in the log: it is unverified input.
      console.warn(
        JSON.stringify({ event: "stripe.webhook.bad-signature", requestId, detail: error.details.detail }),
      );
      return { status: 400, body: { error: "invalid signature" } };
    }
    throw error;
  }
}

function send(res: ServerResponse, answer: WebhookAnswer) {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

/**
 * The same endpoint answered by the production server before React Router (see DirectHandler):
 * a delivery then costs its signature check and one insert, not a router pass.
 */
export const stripeWebhookHandler: DirectHandler = {
  method: "POST",
  path: STRIPE_WEBHOOK_PATH,
  handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = requestIdFrom(req.headers["x-request-id"] as string | undefined);
    if (Number(req.headers["content-length"] ?? "0") > MAX_WEBHOOK_BYTES) {
      send(res, { status: 413, body: { error: "too large" } });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_WEBHOOK_BYTES && !refused) {
        refused = true;
        send(res, { status: 413, body: { error: "too large" } });
      }
      if (!refused) chunks.push(chunk);
    });
    req.on("end", () => {
      if (refused) return;
      const signature = req.headers["stripe-signature"];
      answerStripeWebhook(
        Buffer.concat(chunks).toString("utf8"),
        typeof signature === "string" ? signature : null,
        requestId,
      ).then(
        (answer) => send(res, answer),
        (error: unknown) => {
          console.error(
            JSON.stringify({
              event: "stripe.webhook.failed",
              requestId,
              error: error instanceof Error ? error.message : String(error),
            }),
          );
          send(res, { status: 500, body: { error: "not stored" } });
        },
      );
    });
    req.on("error", () => res.destroy());
  },
};
