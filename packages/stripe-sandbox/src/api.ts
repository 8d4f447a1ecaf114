import type Stripe from "stripe";
import {
  createCheckoutSession,
  createCustomerObject,
  expireCheckoutSession,
  type SessionMeta,
} from "./checkout.ts";
import {
  closeDispute,
  EVIDENCE_FIELDS,
  type EvidenceField,
  mergeMetadata,
  updateDispute,
} from "./disputes.ts";
import { invalidRequest, missingParam } from "./errors.ts";
import { listObjects, listOf } from "./lists.ts";
import { validateChargeAmount, validateCurrency } from "./money.ts";
import { inRange, type Params } from "./params.ts";
import {
  attachPaymentMethod,
  cancelPaymentIntent,
  checkPaymentMethodUsable,
  confirmPaymentIntent,
  confirmSetupIntent,
  createPaymentIntent,
  createSetupIntent,
  detachPaymentMethod,
  requireCustomer,
  resolvePaymentMethod,
} from "./payments.ts";
import { createRefund, refundableCharge } from "./refunds.ts";
import type { Sandbox, StripeObject } from "./sandbox.ts";

export interface ApiContext {
  sb: Sandbox;
  p: Params;
  /** Captured path segments (`:id`s), in order. */
  args: string[];
  /** Whether an event id has deliveries still pending (for `delivery_success`). */
  eventDelivered: (eventId: string) => boolean;
}

type Handler = (ctx: ApiContext) => unknown;
export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handler: Handler;
}

const routes: Route[] = [];
function route(method: Route["method"], path: string, handler: Handler) {
  const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, "([^/]+)")}$`);
  routes.push({ method, pattern, handler });
}

export function matchRoute(method: string, path: string): { route: Route; args: string[] } | "method" | null {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method === method) return { route: r, args: m.slice(1).map(decodeURIComponent) };
  }
  return pathMatched ? "method" : null;
}

const idOf = (v: unknown): string | null =>
  typeof v === "string" ? v : v && typeof v === "object" ? ((v as { id?: string }).id ?? null) : null;

function offSessionParam(p: Params): boolean | undefined {
  const v = p.string("off_session");
  if (v === undefined) return undefined;
  if (v === "true" || v === "one_off" || v === "recurring") return true;
  if (v === "false") return false;
  throw invalidRequest(`Invalid off_session: must be a boolean, one_off or recurring`, {
    param: "off_session",
  });
}

function throwIfFailed(outcome: { status: string; error?: unknown }) {
  if (outcome.status === "failed") throw (outcome as { error: unknown }).error;
}

// ── Customers ──────────────────────────────────────────────────────────────────────────────

function customerFields(p: Params) {
  const invoiceSettings = p.object("invoice_settings");
  return {
    email: p.string("email", { maxLength: 512 }),
    name: p.string("name", { maxLength: 256 }),
    description: p.string("description", { maxLength: 350 }),
    phone: p.string("phone", { maxLength: 20 }),
    metadata: p.metadata(),
    preferredLocales: p.strings("preferred_locales"),
    defaultPaymentMethod: invoiceSettings?.string("default_payment_method"),
  };
}

function setDefaultPaymentMethod(sb: Sandbox, customer: Stripe.Customer, pmId: string) {
  const pm = sb.get<Stripe.PaymentMethod>("payment_method", pmId, "invoice_settings[default_payment_method]");
  if (idOf(pm.customer) !== customer.id) {
    throw invalidRequest(
      `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
      { param: "invoice_settings[default_payment_method]" },
    );
  }
  customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: pmId };
}

route("POST", "/v1/customers", ({ sb, p }) => {
  const f = customerFields(p);
  const paymentMethod = p.string("payment_method");
  p.done();
  const customer = createCustomerObject(sb, {
    email: f.email ?? null,
    name: f.name ?? null,
    description: f.description ?? null,
    phone: f.phone ?? null,
    metadata: f.metadata ?? {},
    preferredLocales: f.preferredLocales ?? [],
  });
  if (paymentMethod) attachPaymentMethod(sb, resolvePaymentMethod(sb, paymentMethod), customer.id);
  if (f.defaultPaymentMethod) {
    const before = structuredClone(customer.invoice_settings);
    setDefaultPaymentMethod(sb, customer, f.defaultPaymentMethod);
    sb.save(customer);
    sb.emit("customer.updated", customer, { invoice_settings: before });
  }
  return customer;
});

route("GET", "/v1/customers/:id", ({ sb, p, args }) => {
  p.done();
  return sb.get("customer", args[0]!);
});

route("POST", "/v1/customers/:id", ({ sb, p, args }) => {
  const customer = sb.get<Stripe.Customer>("customer", args[0]!);
  const f = customerFields(p);
  p.done();
  const change: Partial<Stripe.Customer> = {};
  if (f.email !== undefined) change.email = f.email || null;
  if (f.name !== undefined) change.name = f.name || null;
  if (f.description !== undefined) change.description = f.description || null;
  if (f.phone !== undefined) change.phone = f.phone || null;
  if (f.preferredLocales !== undefined) change.preferred_locales = f.preferredLocales;
  if (f.metadata !== undefined)
    change.metadata = f.metadata === null ? {} : mergeMetadata(customer.metadata, f.metadata);
  const copy = structuredClone(customer);
  if (f.defaultPaymentMethod !== undefined) {
    if (f.defaultPaymentMethod) setDefaultPaymentMethod(sb, copy, f.defaultPaymentMethod);
    change.invoice_settings = {
      ...customer.invoice_settings,
      default_payment_method: f.defaultPaymentMethod || null,
    };
  }
  const previous = sb.update(customer, change);
  sb.save(customer);
  if (Object.keys(previous).length > 0) sb.emit("customer.updated", customer, previous);
  return customer;
});

route("GET", "/v1/customers", ({ sb, p }) => {
  const email = p.string("email");
  const created = p.range("created");
  return listObjects<Stripe.Customer & StripeObject>(
    sb,
    "customer",
    "/v1/customers",
    p,
    (c) => (!email || c.email === email) && inRange(c.created, created),
  );
});

function listCustomerPaymentMethods(ctx: ApiContext, customerId: string, url: string, param: string) {
  const { sb, p } = ctx;
  requireCustomer(sb, customerId, param);
  const type = p.string("type");
  if (type && type !== "card") return listObjects(sb, "payment_method", url, p, () => false);
  return listObjects<Stripe.PaymentMethod & StripeObject>(
    sb,
    "payment_method",
    url,
    p,
    (pm) => idOf(pm.customer) === customerId,
  );
}

route("GET", "/v1/customers/:id/payment_methods", (ctx) =>
  listCustomerPaymentMethods(ctx, ctx.args[0]!, `/v1/customers/${ctx.args[0]}/payment_methods`, "customer"),
);

route("GET", "/v1/customers/:id/payment_methods/:pm", ({ sb, p, args }) => {
  p.done();
  requireCustomer(sb, args[0]!, "customer");
  const pm = sb.get<Stripe.PaymentMethod>("payment_method", args[1]!, "payment_method");
  if (idOf(pm.customer) !== args[0])
    throw invalidRequest(`No such PaymentMethod: '${args[1]}'`, {
      status: 404,
      code: "resource_missing",
      param: "payment_method",
    });
  return pm;
});

// ── Payment methods ────────────────────────────────────────────────────────────────────────

route("GET", "/v1/payment_methods", (ctx) => {
  const customer = ctx.p.string("customer");
  if (!customer) {
    // Stripe lists only a customer's methods here; without one the list is empty for the sandbox.
    ctx.p.string("type");
    return listObjects(ctx.sb, "payment_method", "/v1/payment_methods", ctx.p, () => false);
  }
  return listCustomerPaymentMethods(ctx, customer, "/v1/payment_methods", "customer");
});

route("GET", "/v1/payment_methods/:id", ({ sb, p, args }) => {
  p.done();
  return sb.get("payment_method", args[0]!);
});

route("POST", "/v1/payment_methods/:id/attach", ({ sb, p, args }) => {
  const customer = p.requiredString("customer");
  p.done();
  const pm = resolvePaymentMethod(sb, args[0]!, "payment_method");
  attachPaymentMethod(sb, pm, customer);
  return pm;
});

route("POST", "/v1/payment_methods/:id/detach", ({ sb, p, args }) => {
  p.done();
  const pm = sb.get<Stripe.PaymentMethod>("payment_method", args[0]!, "payment_method");
  detachPaymentMethod(sb, pm);
  return pm;
});

// ── PaymentIntents ─────────────────────────────────────────────────────────────────────────

route("POST", "/v1/payment_intents", ({ sb, p }) => {
  const amount = p.int("amount", { required: true })!;
  const currency = validateCurrency(p.requiredString("currency"));
  validateChargeAmount(amount, currency);
  const customer = p.string("customer");
  const paymentMethodId = p.string("payment_method");
  const confirm = p.bool("confirm") ?? false;
  const offSession = offSessionParam(p);
  const metadata = p.metadata() ?? {};
  const description = p.string("description", { maxLength: 1000 });
  const receiptEmail = p.string("receipt_email");
  const setupFutureUsage = p.enum("setup_future_usage", ["on_session", "off_session"] as const);
  const statementDescriptor = p.string("statement_descriptor", { maxLength: 22 });
  const statementDescriptorSuffix = p.string("statement_descriptor_suffix", { maxLength: 22 });
  const methodTypes = p.strings("payment_method_types");
  const apm = p.object("automatic_payment_methods");
  const apmEnabled = apm?.bool("enabled");
  apm?.enum("allow_redirects", ["always", "never"] as const);
  const captureMethod = p.enum("capture_method", ["automatic", "automatic_async", "manual"] as const);
  const errorOnRequiresAction = p.bool("error_on_requires_action") ?? false;
  const returnUrl = p.string("return_url");
  p.string("confirmation_method");
  const idempotentUse = p.object("payment_method_options");
  idempotentUse?.object("card")?.enum("request_three_d_secure", ["any", "automatic", "challenge"] as const);
  p.done();

  if (captureMethod === "manual") {
    throw invalidRequest("The Stripe sandbox does not support capture_method=manual.", {
      param: "capture_method",
    });
  }
  if (methodTypes?.some((t) => t !== "card")) {
    throw invalidRequest("The Stripe sandbox supports the card payment method type only.", {
      param: "payment_method_types",
    });
  }
  if (offSession !== undefined && !confirm) {
    throw invalidRequest("You can only set `off_session` when `confirm` is true.", { param: "off_session" });
  }
  if (confirm && !paymentMethodId) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      { param: "payment_method", code: "payment_intent_unexpected_state" },
    );
  }
  if (customer) requireCustomer(sb, customer);
  const pm = paymentMethodId ? resolvePaymentMethod(sb, paymentMethodId) : undefined;
  if (pm && confirm) checkPaymentMethodUsable(sb, pm, customer ?? null);
  const pi = createPaymentIntent(sb, {
    amount,
    currency,
    customer: customer ?? null,
    description: description ?? null,
    metadata,
    receiptEmail: receiptEmail ?? null,
    setupFutureUsage: setupFutureUsage ?? null,
    statementDescriptor: statementDescriptor ?? null,
    statementDescriptorSuffix: statementDescriptorSuffix ?? null,
    paymentMethod: pm?.id ?? null,
    automaticPaymentMethods: apmEnabled ?? !methodTypes,
  });
  if (confirm && pm) {
    throwIfFailed(
      confirmPaymentIntent(sb, pi, pm, {
        offSession: offSession ?? false,
        errorOnRequiresAction,
        returnUrl: returnUrl ?? null,
      }),
    );
  }
  return pi;
});

route("GET", "/v1/payment_intents/:id", ({ sb, p, args }) => {
  p.string("client_secret");
  p.done();
  return sb.get("payment_intent", args[0]!);
});

route("POST", "/v1/payment_intents/:id", ({ sb, p, args }) => {
  const pi = sb.get<Stripe.PaymentIntent>("payment_intent", args[0]!);
  const metadata = p.metadata();
  const description = p.string("description");
  const receiptEmail = p.string("receipt_email");
  const amount = p.int("amount");
  const paymentMethod = p.string("payment_method");
  const setupFutureUsage = p.enum("setup_future_usage", ["on_session", "off_session"] as const);
  const customer = p.string("customer");
  p.done();
  if (
    ["succeeded", "canceled", "processing"].includes(pi.status) &&
    (amount !== undefined || paymentMethod)
  ) {
    throw invalidRequest(`You cannot update this PaymentIntent because it has a status of ${pi.status}.`, {
      code: "payment_intent_unexpected_state",
    });
  }
  const change: Partial<Stripe.PaymentIntent> = {};
  if (metadata !== undefined) change.metadata = metadata === null ? {} : mergeMetadata(pi.metadata, metadata);
  if (description !== undefined) change.description = description || null;
  if (receiptEmail !== undefined) change.receipt_email = receiptEmail || null;
  if (amount !== undefined) {
    validateChargeAmount(amount, pi.currency);
    change.amount = amount;
  }
  if (setupFutureUsage !== undefined) change.setup_future_usage = setupFutureUsage;
  if (customer !== undefined) change.customer = requireCustomer(sb, customer).id;
  if (paymentMethod) {
    change.payment_method = resolvePaymentMethod(sb, paymentMethod).id;
    change.status = "requires_confirmation";
  }
  sb.update(pi, change);
  return sb.save(pi);
});

route("POST", "/v1/payment_intents/:id/confirm", ({ sb, p, args }) => {
  const pi = sb.get<Stripe.PaymentIntent>("payment_intent", args[0]!);
  const paymentMethodId = p.string("payment_method");
  const offSession = offSessionParam(p);
  const errorOnRequiresAction = p.bool("error_on_requires_action") ?? false;
  const returnUrl = p.string("return_url");
  const setupFutureUsage = p.enum("setup_future_usage", ["on_session", "off_session"] as const);
  p.done();
  const pmId = paymentMethodId ?? idOf(pi.payment_method);
  if (!pmId) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      { code: "payment_intent_unexpected_state" },
    );
  }
  const pm = resolvePaymentMethod(sb, pmId);
  if (setupFutureUsage) {
    pi.setup_future_usage = setupFutureUsage;
    sb.save(pi);
  }
  throwIfFailed(
    confirmPaymentIntent(sb, pi, pm, {
      offSession: offSession ?? false,
      errorOnRequiresAction,
      returnUrl: returnUrl ?? null,
    }),
  );
  return pi;
});

route("POST", "/v1/payment_intents/:id/cancel", ({ sb, p, args }) => {
  const reason = p.enum("cancellation_reason", [
    "abandoned",
    "duplicate",
    "fraudulent",
    "requested_by_customer",
  ] as const);
  p.done();
  const pi = sb.get<Stripe.PaymentIntent>("payment_intent", args[0]!);
  cancelPaymentIntent(sb, pi, reason ?? null);
  return pi;
});

route("GET", "/v1/payment_intents", ({ sb, p }) => {
  const customer = p.string("customer");
  const created = p.range("created");
  return listObjects<Stripe.PaymentIntent & StripeObject>(
    sb,
    "payment_intent",
    "/v1/payment_intents",
    p,
    (pi) => (!customer || idOf(pi.customer) === customer) && inRange(pi.created, created),
  );
});

// ── SetupIntents ───────────────────────────────────────────────────────────────────────────

route("POST", "/v1/setup_intents", ({ sb, p }) => {
  const customer = p.string("customer");
  const paymentMethodId = p.string("payment_method");
  const confirm = p.bool("confirm") ?? false;
  const metadata = p.metadata() ?? {};
  const description = p.string("description");
  const usage = p.enum("usage", ["on_session", "off_session"] as const);
  const methodTypes = p.strings("payment_method_types");
  const returnUrl = p.string("return_url");
  const apm = p.object("automatic_payment_methods");
  apm?.bool("enabled");
  apm?.enum("allow_redirects", ["always", "never"] as const);
  p.done();
  if (methodTypes?.some((t) => t !== "card")) {
    throw invalidRequest("The Stripe sandbox supports the card payment method type only.", {
      param: "payment_method_types",
    });
  }
  if (confirm && !paymentMethodId) throw missingParam("payment_method");
  if (customer) requireCustomer(sb, customer);
  const pm = paymentMethodId ? resolvePaymentMethod(sb, paymentMethodId) : undefined;
  const si = createSetupIntent(sb, {
    customer: customer ?? null,
    metadata,
    description: description ?? null,
    ...(usage ? { usage } : {}),
  });
  if (pm && !confirm) {
    si.payment_method = pm.id;
    si.status = "requires_confirmation";
    sb.save(si);
  }
  if (confirm && pm) throwIfFailed(confirmSetupIntent(sb, si, pm, { returnUrl: returnUrl ?? null }));
  return si;
});

route("GET", "/v1/setup_intents/:id", ({ sb, p, args }) => {
  p.string("client_secret");
  p.done();
  return sb.get("setup_intent", args[0]!);
});

route("POST", "/v1/setup_intents/:id/confirm", ({ sb, p, args }) => {
  const si = sb.get<Stripe.SetupIntent>("setup_intent", args[0]!);
  const paymentMethodId = p.string("payment_method");
  const returnUrl = p.string("return_url");
  p.done();
  const pmId = paymentMethodId ?? idOf(si.payment_method);
  if (!pmId) throw missingParam("payment_method");
  throwIfFailed(confirmSetupIntent(sb, si, resolvePaymentMethod(sb, pmId), { returnUrl: returnUrl ?? null }));
  return si;
});

route("GET", "/v1/setup_intents", ({ sb, p }) => {
  const customer = p.string("customer");
  const paymentMethod = p.string("payment_method");
  const created = p.range("created");
  return listObjects<Stripe.SetupIntent & StripeObject>(
    sb,
    "setup_intent",
    "/v1/setup_intents",
    p,
    (si) =>
      (!customer || idOf(si.customer) === customer) &&
      (!paymentMethod || idOf(si.payment_method) === paymentMethod) &&
      inRange(si.created, created),
  );
});

// ── Charges ────────────────────────────────────────────────────────────────────────────────

route("GET", "/v1/charges/:id", ({ sb, p, args }) => {
  p.done();
  return sb.get("charge", args[0]!);
});

route("GET", "/v1/charges", ({ sb, p }) => {
  const customer = p.string("customer");
  const paymentIntent = p.string("payment_intent");
  const created = p.range("created");
  return listObjects<Stripe.Charge & StripeObject>(
    sb,
    "charge",
    "/v1/charges",
    p,
    (c) =>
      (!customer || idOf(c.customer) === customer) &&
      (!paymentIntent || idOf(c.payment_intent) === paymentIntent) &&
      inRange(c.created, created),
  );
});

// ── Refunds ────────────────────────────────────────────────────────────────────────────────

const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;

route("POST", "/v1/refunds", ({ sb, p }) => {
  const chargeId = p.string("charge");
  const paymentIntent = p.string("payment_intent");
  const amount = p.int("amount", { min: 1 });
  const reason = p.enum("reason", REFUND_REASONS);
  const metadata = p.metadata() ?? {};
  p.done();
  const charge = refundableCharge(sb, {
    ...(chargeId ? { charge: chargeId } : {}),
    ...(paymentIntent ? { paymentIntent } : {}),
  });
  return createRefund(sb, {
    charge,
    ...(amount !== undefined ? { amount } : {}),
    ...(reason ? { reason } : {}),
    metadata,
  });
});

route("GET", "/v1/refunds/:id", ({ sb, p, args }) => {
  p.done();
  return sb.get("refund", args[0]!);
});

route("POST", "/v1/refunds/:id", ({ sb, p, args }) => {
  const refund = sb.get<Stripe.Refund>("refund", args[0]!);
  const metadata = p.metadata();
  p.done();
  if (metadata !== undefined) {
    refund.metadata = metadata === null ? {} : mergeMetadata(refund.metadata, metadata);
    sb.save(refund);
  }
  return refund;
});

route("GET", "/v1/refunds", ({ sb, p }) => {
  const charge = p.string("charge");
  const paymentIntent = p.string("payment_intent");
  const created = p.range("created");
  return listObjects<Stripe.Refund & StripeObject>(
    sb,
    "refund",
    "/v1/refunds",
    p,
    (r) =>
      (!charge || idOf(r.charge) === charge) &&
      (!paymentIntent || idOf(r.payment_intent) === paymentIntent) &&
      inRange(r.created, created),
  );
});

// ── Disputes (chargebacks) ─────────────────────────────────────────────────────────────────

route("GET", "/v1/disputes/:id", ({ sb, p, args }) => {
  p.done();
  return sb.get("dispute", args[0]!);
});

route("POST", "/v1/disputes/:id", ({ sb, p, args }) => {
  const dispute = sb.get<Stripe.Dispute>("dispute", args[0]!);
  const ev = p.object("evidence");
  const evidence: Partial<Record<EvidenceField, string>> = {};
  if (ev) {
    for (const field of EVIDENCE_FIELDS) {
      const v = ev.string(field);
      if (v !== undefined) evidence[field] = v;
    }
  }
  const metadata = p.metadata();
  const submit = p.bool("submit") ?? true;
  p.done();
  return updateDispute(sb, dispute, {
    evidence,
    ...(metadata !== undefined ? { metadata: metadata ?? {} } : {}),
    submit,
  });
});

route("POST", "/v1/disputes/:id/close", ({ sb, p, args }) => {
  p.done();
  return closeDispute(sb, sb.get<Stripe.Dispute>("dispute", args[0]!), "lost");
});

route("GET", "/v1/disputes", ({ sb, p }) => {
  const charge = p.string("charge");
  const paymentIntent = p.string("payment_intent");
  const created = p.range("created");
  return listObjects<Stripe.Dispute & StripeObject>(
    sb,
    "dispute",
    "/v1/disputes",
    p,
    (d) =>
      (!charge || idOf(d.charge) === charge) &&
      (!paymentIntent || idOf(d.payment_intent) === paymentIntent) &&
      inRange(d.created, created),
  );
});

// ── Checkout Sessions ──────────────────────────────────────────────────────────────────────

route("POST", "/v1/checkout/sessions", ({ sb, p }) => createCheckoutSession(sb, p));

route("GET", "/v1/checkout/sessions/:id", ({ sb, p, args }) => {
  p.done();
  return sb.get("checkout.session", args[0]!, "session");
});

route("POST", "/v1/checkout/sessions/:id/expire", ({ sb, p, args }) => {
  p.done();
  const session = sb.get<Stripe.Checkout.Session>("checkout.session", args[0]!, "session");
  expireCheckoutSession(sb, session);
  return session;
});

route("GET", "/v1/checkout/sessions/:id/line_items", ({ sb, p, args }) => {
  const session = sb.get<Stripe.Checkout.Session>("checkout.session", args[0]!, "session");
  const limit = p.int("limit", { min: 1, max: 100 }) ?? 10;
  const startingAfter = p.string("starting_after");
  p.string("ending_before");
  p.done();
  const items = sb.meta<SessionMeta>(session.id)?.lineItems ?? [];
  const start = startingAfter ? items.findIndex((li) => li.id === startingAfter) + 1 : 0;
  const page = items.slice(start, start + limit);
  return {
    ...listOf(page, `/v1/checkout/sessions/${session.id}/line_items`),
    has_more: start + limit < items.length,
  };
});

route("GET", "/v1/checkout/sessions", ({ sb, p }) => {
  const customer = p.string("customer");
  const paymentIntent = p.string("payment_intent");
  const status = p.enum("status", ["open", "complete", "expired"] as const);
  const created = p.range("created");
  return listObjects<Stripe.Checkout.Session & StripeObject>(
    sb,
    "checkout.session",
    "/v1/checkout/sessions",
    p,
    (s) =>
      (!customer || idOf(s.customer) === customer) &&
      (!paymentIntent || idOf(s.payment_intent) === paymentIntent) &&
      (!status || s.status === status) &&
      inRange(s.created, created),
  );
});

// ── Events ─────────────────────────────────────────────────────────────────────────────────

route("GET", "/v1/events/:id", ({ sb, p, args }) => {
  p.done();
  return sb.get("event", args[0]!);
});

route("GET", "/v1/events", ({ sb, p, eventDelivered }) => {
  const type = p.string("type");
  const types = p.strings("types");
  if (type && types) {
    throw invalidRequest("You may only specify one of these parameters: type, types.", { param: "types" });
  }
  const created = p.range("created");
  const deliverySuccess = p.bool("delivery_success");
  const matchType = (t: string) => {
    if (types) return types.includes(t);
    if (!type) return true;
    if (type.endsWith(".*")) return t.startsWith(type.slice(0, -1));
    return t === type;
  };
  return listObjects<Stripe.Event & StripeObject>(
    sb,
    "event",
    "/v1/events",
    p,
    (e) =>
      matchType(e.type) &&
      inRange(e.created, created) &&
      (deliverySuccess === undefined || eventDelivered(e.id) === deliverySuccess),
  );
});
