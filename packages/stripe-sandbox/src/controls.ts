import type Stripe from "stripe";
import { authenticateCheckout, type CheckoutOutcome, submitCheckout } from "./checkout.ts";
import { closeDispute, openDispute } from "./disputes.ts";
import { StripeApiError, type StripeErrorBody } from "./errors.ts";
import { validatePayerForm } from "./hosted.ts";
import { newId } from "./ids.ts";
import { confirmPaymentIntent, confirmSetupIntent } from "./payments.ts";
import { settleRefund } from "./refunds.ts";
import { API_VERSION, DEFAULT_SETTINGS } from "./sandbox.ts";
import type { Fault, Runtime } from "./server.ts";
import { endpointId, newWebhookSecret } from "./server.ts";

export interface ControlResult {
  status: number;
  body: unknown;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function obj(body: unknown): Json {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new ControlError(400, "Expected a JSON object.");
  return body as Json;
}

function int(body: Json, key: string, fallback?: number, min = 0): number {
  const v = body[key];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new ControlError(400, `${key} is required.`);
    return fallback;
  }
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    throw new ControlError(400, `${key} must be an integer ≥ ${min}.`);
  }
  return v;
}

function str(body: Json, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new ControlError(400, `${key} must be a string.`);
  return v;
}

function oneOf<T extends string>(body: Json, key: string, values: readonly T[], fallback: T): T {
  const v = str(body, key) ?? fallback;
  if (!values.includes(v as T)) throw new ControlError(400, `${key} must be one of ${values.join(", ")}.`);
  return v as T;
}

/**
 * Test controls under `/_sandbox/…` (JSON in, JSON out). See the README for the list; the typed
 * client in control-client.ts mirrors it.
 */
export async function handleControl(
  rt: Runtime,
  method: string,
  url: URL,
  rawBody: unknown,
): Promise<ControlResult> {
  const path = url.pathname.replace(/\/$/, "");
  const { sb, dispatcher } = rt;
  const route = `${method} ${path}`;
  let m: RegExpExecArray | null;
  try {
    if (route === "GET /_sandbox/health" || route === "GET /_sandbox") {
      return ok({
        ok: true,
        api_version: API_VERSION,
        objects: rt.store.size("objects"),
        deliveries_pending: dispatcher.deliveries().filter((d) => d.status === "pending").length,
        settings: sb.settings,
      });
    }
    if (route === "POST /_sandbox/reset") {
      const endpoints = sb.settings.endpoints.filter((e) => e.fromOptions);
      const { refundSettleMs, disputeDelayMs } = sb.settings;
      rt.store.clear();
      rt.faults.length = 0;
      rt.requests.length = 0;
      rt.store.put("settings", "settings", {
        ...structuredClone(DEFAULT_SETTINGS),
        endpoints,
        refundSettleMs,
        disputeDelayMs,
      });
      rt.store.commit();
      return ok({ reset: true });
    }

    // ── Settings and clock ──
    if (route === "POST /_sandbox/settings") {
      const body = obj(rawBody);
      return ok(
        rt.transaction(() =>
          sb.updateSettings((s) => {
            if ("refundSettleMs" in body) {
              s.refundSettleMs = body.refundSettleMs === null ? null : int(body, "refundSettleMs");
            }
            if ("disputeDelayMs" in body) s.disputeDelayMs = int(body, "disputeDelayMs");
          }),
        ),
      );
    }
    if (route === "POST /_sandbox/clock/advance") {
      const seconds = int(obj(rawBody), "seconds", undefined, 1);
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.clockOffsetSeconds += seconds;
        }),
      );
      rt.runTasksSoon();
      return ok({ now: sb.now(), offset_seconds: sb.settings.clockOffsetSeconds });
    }

    // ── Webhook endpoints ──
    if (route === "GET /_sandbox/webhook-endpoints") return ok({ data: sb.settings.endpoints });
    if (route === "POST /_sandbox/webhook-endpoints") {
      const body = obj(rawBody);
      const url = str(body, "url");
      if (!url || !/^https?:\/\//.test(url)) throw new ControlError(400, "url must be an http(s) URL.");
      const events = body.events ?? ["*"];
      if (!Array.isArray(events) || !events.every((e) => typeof e === "string")) {
        throw new ControlError(400, "events must be an array of event types.");
      }
      const endpoint = {
        id: endpointId(url),
        url,
        secret: str(body, "secret") ?? newWebhookSecret(),
        events: events as string[],
      };
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.endpoints = [...s.endpoints.filter((e) => e.id !== endpoint.id), endpoint];
        }),
      );
      return ok(endpoint);
    }
    m = method === "DELETE" ? /^\/_sandbox\/webhook-endpoints\/([\w-]+)$/.exec(path) : null;
    if (m) {
      const id = m[1]!;
      if (!sb.settings.endpoints.some((e) => e.id === id))
        throw new ControlError(404, `No webhook endpoint ${id}.`);
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.endpoints = s.endpoints.filter((e) => e.id !== id);
        }),
      );
      return ok({ deleted: true, id });
    }

    // ── Deliveries ──
    if (route === "GET /_sandbox/deliveries") {
      const event = url.searchParams.get("event");
      const type = url.searchParams.get("type");
      const status = url.searchParams.get("status");
      const data = dispatcher
        .deliveries()
        .filter(
          (d) =>
            (!event || d.eventId === event) &&
            (!type || d.eventType === type) &&
            (!status || d.status === status),
        )
        .sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);
      return ok({ data });
    }
    if (route === "POST /_sandbox/deliveries/pause") {
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.paused = true;
        }),
      );
      return ok({ paused: true });
    }
    if (route === "POST /_sandbox/deliveries/resume") {
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.paused = false;
        }),
      );
      return ok({ paused: false });
    }
    if (route === "POST /_sandbox/deliveries/duplicate") {
      const count = int(obj(rawBody), "count", 1, 1);
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.duplicateNext = count;
        }),
      );
      return ok({ duplicate_next: count });
    }
    if (route === "POST /_sandbox/deliveries/hold") {
      const count = int(obj(rawBody), "count", 1_000_000, 1);
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.holdNext = count;
        }),
      );
      return ok({ hold_next: count });
    }
    if (route === "POST /_sandbox/deliveries/release") {
      const body = obj(rawBody);
      const order = oneOf(body, "order", ["fifo", "reverse", "shuffle"] as const, "fifo");
      const seed = body.seed === undefined ? undefined : int(body, "seed");
      const released = rt.transaction(() => dispatcher.release(order, seed));
      return ok({ released: released.map((d) => ({ id: d.id, event: d.eventId, type: d.eventType })) });
    }
    if (route === "POST /_sandbox/deliveries/delay") {
      const body = obj(rawBody);
      const ms = int(body, "ms");
      const count = int(body, "count", 1, 1);
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.delayNext = { count, ms };
        }),
      );
      return ok({ delay_next: { count, ms } });
    }
    if (route === "POST /_sandbox/deliveries/wait") {
      const timeoutMs = int(obj(rawBody), "timeoutMs", 10_000);
      const idle = await dispatcher.waitIdle(Math.min(timeoutMs, 120_000));
      return ok({ idle });
    }
    m = method === "POST" ? /^\/_sandbox\/events\/(evt_\w+)\/redeliver$/.exec(path) : null;
    if (m) {
      const event = sb.find<Stripe.Event>(m[1]!);
      if (event?.object !== "event") throw new ControlError(404, `No event ${m[1]}.`);
      const body = obj(rawBody);
      const deliveries = rt.transaction(() => dispatcher.redeliver(event, str(body, "endpoint")));
      return ok({ data: deliveries });
    }

    // ── Faults ──
    if (route === "GET /_sandbox/faults") return ok({ data: rt.faults });
    if (route === "DELETE /_sandbox/faults") {
      rt.faults.length = 0;
      return ok({ data: [] });
    }
    if (route === "POST /_sandbox/faults") {
      const body = obj(rawBody);
      const mode = oneOf(body, "mode", ["error", "timeout"] as const, "error");
      const status = int(body, "status", 500, 400);
      const error = body.error === undefined ? undefined : obj(body.error);
      const defaultBody: StripeErrorBody =
        status === 429
          ? {
              type: "invalid_request_error",
              code: "rate_limit",
              message: "Too many requests hit the API too quickly.",
            }
          : status >= 500
            ? { type: "api_error", message: "An unexpected error occurred (injected by the Stripe sandbox)." }
            : { type: "invalid_request_error", message: "Injected error (Stripe sandbox)." };
      const fault: Fault = {
        id: newId("fault", 10),
        method: str(body, "method")?.toUpperCase() ?? null,
        path: str(body, "path") ?? null,
        remaining: int(body, "count", 1, 1),
        mode,
        when: oneOf(body, "when", ["before", "after"] as const, "before"),
        status,
        error: { ...defaultBody, ...(error as Partial<StripeErrorBody> | undefined) },
        hangMs: int(body, "hangMs", rt.options.hangMs, 1),
      };
      rt.faults.push(fault);
      return ok(fault);
    }
    if (route === "GET /_sandbox/requests") {
      const pathFilter = url.searchParams.get("path");
      const methodFilter = url.searchParams.get("method");
      return ok({
        data: rt.requests.filter(
          (r) =>
            (!pathFilter || r.path === pathFilter) &&
            (!methodFilter || r.method === methodFilter.toUpperCase()),
        ),
      });
    }

    // ── Chargebacks ──
    m = method === "POST" ? /^\/_sandbox\/charges\/(ch_\w+)\/dispute$/.exec(path) : null;
    if (m) {
      const body = obj(rawBody);
      const chargeId = m[1]!;
      const dispute = rt.transaction(() =>
        openDispute(sb, chargeId, {
          ...(str(body, "reason") ? { reason: str(body, "reason")! } : {}),
          ...(body.amount !== undefined ? { amount: int(body, "amount", undefined, 1) } : {}),
        }),
      );
      return ok(dispute);
    }
    m = method === "POST" ? /^\/_sandbox\/disputes\/(dp_\w+)\/close$/.exec(path) : null;
    if (m) {
      const outcome = oneOf(obj(rawBody), "outcome", ["won", "lost"] as const, "won");
      const id = m[1]!;
      return ok(rt.transaction(() => closeDispute(sb, sb.get<Stripe.Dispute>("dispute", id), outcome)));
    }

    // ── Refunds ──
    m = method === "POST" ? /^\/_sandbox\/refunds\/(re_\w+)\/(succeed|fail)$/.exec(path) : null;
    if (m) {
      const id = m[1]!;
      const outcome = m[2] === "succeed" ? "succeeded" : "failed";
      const reason = str(obj(rawBody), "failure_reason") as Stripe.Refund["failure_reason"] | undefined;
      return ok(
        rt.transaction(() =>
          settleRefund(sb, sb.get<Stripe.Refund>("refund", id), outcome, reason ?? undefined),
        ),
      );
    }
    if (route === "POST /_sandbox/refunds/fail-next") {
      const count = int(obj(rawBody), "count", 1, 1);
      rt.transaction(() =>
        sb.updateSettings((s) => {
          s.failNextRefunds = count;
        }),
      );
      return ok({ fail_next_refunds: count });
    }

    // ── Payer actions without a browser ──
    m = method === "POST" ? /^\/_sandbox\/checkout\/(cs_test_\w+)\/pay$/.exec(path) : null;
    if (m) {
      const body = obj(rawBody);
      const session = sb.get<Stripe.Checkout.Session>("checkout.session", m[1]!, "session");
      const form = new URLSearchParams({
        email: str(body, "email") ?? "payer@example.com",
        name: str(body, "name") ?? "Test Payer",
        number: str(body, "card") ?? "4242424242424242",
        exp: str(body, "exp") ?? `12 / ${(new Date(sb.nowMs()).getUTCFullYear() + 3) % 100}`,
        cvc: str(body, "cvc") ?? (str(body, "card")?.replace(/\s/g, "").length === 15 ? "1234" : "123"),
      });
      const checked = validatePayerForm(form, sb.nowMs());
      if (!checked.card) {
        return ok({ outcome: "invalid", errors: checked.errors, decline: checked.decline });
      }
      const authenticate =
        body.authenticate === undefined
          ? null
          : oneOf(body, "authenticate", ["complete", "fail"] as const, "complete");
      const outcome = rt.transaction(() => {
        let result: CheckoutOutcome = submitCheckout(sb, session, {
          email: checked.values.email,
          name: checked.values.name,
          card: checked.card!,
        });
        if (result.kind === "requires_action" && authenticate) {
          result = authenticateCheckout(sb, session, authenticate === "complete" ? "passed" : "failed");
        }
        return result;
      });
      return ok({ outcome: outcome.kind, ...outcome, session: sb.find(session.id) });
    }
    m =
      method === "POST"
        ? /^\/_sandbox\/(payment_intents|setup_intents)\/((?:pi|seti)_\w+)\/authenticate$/.exec(path)
        : null;
    if (m) {
      const outcome = oneOf(obj(rawBody), "outcome", ["complete", "fail"] as const, "complete");
      const id = m[2]!;
      const result = rt.transaction(() => {
        if (m![1] === "payment_intents") {
          const pi = sb.get<Stripe.PaymentIntent>("payment_intent", id);
          if (pi.status !== "requires_action")
            throw new ControlError(400, `PaymentIntent ${id} is ${pi.status}.`);
          const pm = sb.get<Stripe.PaymentMethod>("payment_method", pi.payment_method as string);
          confirmPaymentIntent(sb, pi, pm, {
            offSession: false,
            threeDSecure: outcome === "complete" ? "passed" : "failed",
          });
          return pi;
        }
        const si = sb.get<Stripe.SetupIntent>("setup_intent", id);
        if (si.status !== "requires_action")
          throw new ControlError(400, `SetupIntent ${id} is ${si.status}.`);
        const pm = sb.get<Stripe.PaymentMethod>("payment_method", si.payment_method as string);
        confirmSetupIntent(sb, si, pm, { threeDSecure: outcome === "complete" ? "passed" : "failed" });
        return si;
      });
      return ok(result);
    }

    return {
      status: 404,
      body: { error: { message: `No sandbox control ${method} ${path}. See the README.` } },
    };
  } catch (error) {
    if (error instanceof ControlError)
      return { status: error.status, body: { error: { message: error.message } } };
    if (error instanceof StripeApiError) return { status: error.status, body: { error: error.body } };
    throw error;
  }
}

function ok(body: unknown): ControlResult {
  return { status: 200, body };
}
