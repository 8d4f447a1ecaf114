import type Stripe from "stripe";
import type { Fault, RequestLogEntry, WebhookEndpointConfig } from "./server.ts";
import type { Delivery } from "./webhooks.ts";

export interface FaultInput {
  method?: string;
  /** Exact path or glob with `*`, e.g. `/v1/payment_intents*`. */
  path?: string;
  /** How many matching calls to affect; default 1. */
  count?: number;
  /** error: answer with `status` and `error`; timeout: never answer, then drop the connection. */
  mode?: "error" | "timeout";
  /** before: the call has no effect; after: its effect is recorded but the answer is lost. */
  when?: "before" | "after";
  status?: number;
  error?: { type?: string; code?: string; message?: string; decline_code?: string };
  /** For timeouts: how long to hold the connection if the client does not give up first. */
  hangMs?: number;
}

export interface PayInput {
  card?: string;
  email?: string;
  name?: string;
  exp?: string;
  cvc?: string;
  /** Answer the 3-D Secure challenge, if the card asks for one. */
  authenticate?: "complete" | "fail";
}

export interface PayResult {
  outcome: "completed" | "requires_action" | "declined" | "invalid";
  redirectUrl?: string;
  message?: string;
  code?: string;
  declineCode?: string;
  errors?: Record<string, string>;
  session?: Stripe.Checkout.Session;
}

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A typed client for the sandbox's `/_sandbox` test controls. */
export class StripeSandboxControl {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/$/, "");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T & { error?: { message?: string } };
    if (!res.ok) throw new SandboxControlError(res.status, json.error?.message ?? `HTTP ${res.status}`);
    return json;
  }

  health() {
    return this.call<{ ok: true; api_version: string; objects: number; deliveries_pending: number }>(
      "GET",
      "/health",
    );
  }
  /** Forgets every object, event, delivery, idempotency record and control setting. */
  reset() {
    return this.call<{ reset: true }>("POST", "/reset");
  }
  settings(change: { refundSettleMs?: number | null; disputeDelayMs?: number }) {
    return this.call("POST", "/settings", change);
  }
  advanceClock(seconds: number) {
    return this.call<{ now: number; offset_seconds: number }>("POST", "/clock/advance", { seconds });
  }

  webhookEndpoints() {
    return this.call<{ data: WebhookEndpointConfig[] }>("GET", "/webhook-endpoints").then((r) => r.data);
  }
  addWebhookEndpoint(input: { url: string; secret?: string; events?: string[] }) {
    return this.call<WebhookEndpointConfig>("POST", "/webhook-endpoints", input);
  }
  removeWebhookEndpoint(id: string) {
    return this.call("DELETE", `/webhook-endpoints/${encodeURIComponent(id)}`);
  }

  deliveries(filter: { event?: string; type?: string; status?: Delivery["status"] } = {}) {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    return this.call<{ data: Delivery[] }>("GET", `/deliveries${q.size ? `?${q}` : ""}`).then((r) => r.data);
  }
  pauseDeliveries() {
    return this.call("POST", "/deliveries/pause", {});
  }
  resumeDeliveries() {
    return this.call("POST", "/deliveries/resume", {});
  }
  /** The next `count` events are delivered twice to each endpoint. */
  duplicateNext(count = 1) {
    return this.call("POST", "/deliveries/duplicate", { count });
  }
  /** Holds deliveries of the next `count` events (all, when omitted) until `release`. */
  holdNext(count?: number) {
    return this.call("POST", "/deliveries/hold", count === undefined ? {} : { count });
  }
  release(order: "fifo" | "reverse" | "shuffle" = "fifo", seed?: number) {
    return this.call<{ released: { id: string; event: string; type: string }[] }>(
      "POST",
      "/deliveries/release",
      {
        order,
        ...(seed === undefined ? {} : { seed }),
      },
    );
  }
  /** Delays deliveries of the next `count` events by `ms`. */
  delayNext(ms: number, count = 1) {
    return this.call("POST", "/deliveries/delay", { ms, count });
  }
  /** Waits until no delivery is pending (held ones do not count); false on timeout. */
  waitForDeliveries(timeoutMs = 10_000) {
    return this.call<{ idle: boolean }>("POST", "/deliveries/wait", { timeoutMs }).then((r) => r.idle);
  }
  redeliver(eventId: string, endpointId?: string) {
    return this.call<{ data: Delivery[] }>("POST", `/events/${encodeURIComponent(eventId)}/redeliver`, {
      ...(endpointId ? { endpoint: endpointId } : {}),
    }).then((r) => r.data);
  }

  failNext(fault: FaultInput = {}) {
    return this.call<Fault>("POST", "/faults", fault);
  }
  faults() {
    return this.call<{ data: Fault[] }>("GET", "/faults").then((r) => r.data);
  }
  clearFaults() {
    return this.call("DELETE", "/faults");
  }
  requests(filter: { method?: string; path?: string } = {}) {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    return this.call<{ data: RequestLogEntry[] }>("GET", `/requests${q.size ? `?${q}` : ""}`).then(
      (r) => r.data,
    );
  }

  openChargeback(chargeId: string, input: { reason?: string; amount?: number } = {}) {
    return this.call<Stripe.Dispute>("POST", `/charges/${encodeURIComponent(chargeId)}/dispute`, input);
  }
  closeChargeback(disputeId: string, outcome: "won" | "lost") {
    return this.call<Stripe.Dispute>("POST", `/disputes/${encodeURIComponent(disputeId)}/close`, { outcome });
  }

  succeedRefund(refundId: string) {
    return this.call<Stripe.Refund>("POST", `/refunds/${encodeURIComponent(refundId)}/succeed`, {});
  }
  failRefund(refundId: string, failureReason?: string) {
    return this.call<Stripe.Refund>("POST", `/refunds/${encodeURIComponent(refundId)}/fail`, {
      ...(failureReason ? { failure_reason: failureReason } : {}),
    });
  }
  /** The next `count` refunds fail when they settle. */
  failNextRefunds(count = 1) {
    return this.call("POST", "/refunds/fail-next", { count });
  }

  /** Pays (or saves a card for) a Checkout Session as the hosted page would, without a browser. */
  payCheckout(sessionId: string, input: PayInput = {}) {
    return this.call<PayResult>("POST", `/checkout/${encodeURIComponent(sessionId)}/pay`, input);
  }
  /** Answers the 3-D Secure step of a PaymentIntent or SetupIntent in requires_action. */
  authenticate(intentId: string, outcome: "complete" | "fail" = "complete") {
    const kind = intentId.startsWith("seti_") ? "setup_intents" : "payment_intents";
    return this.call<Stripe.PaymentIntent | Stripe.SetupIntent>(
      "POST",
      `/${kind}/${encodeURIComponent(intentId)}/authenticate`,
      { outcome },
    );
  }
}
