import type Stripe from "stripe";
import { invalidRequest, missingParam } from "./errors.ts";
import { newCheckoutSessionId, newId } from "./ids.ts";
import { validateAmountDigits, validateChargeAmount, validateCurrency } from "./money.ts";
import type { Params } from "./params.ts";
import {
  type CardInput,
  cancelPaymentIntent,
  confirmPaymentIntent,
  confirmSetupIntent,
  createCardPaymentMethod,
  createPaymentIntent,
  createSetupIntent,
  requireCustomer,
} from "./payments.ts";
import type { Sandbox } from "./sandbox.ts";

export const CHECKOUT_LOCALES = [
  "auto",
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "en-GB",
  "es",
  "es-419",
  "et",
  "fi",
  "fil",
  "fr",
  "fr-CA",
  "hi-IN",
  "hr",
  "hu",
  "id",
  "it",
  "ja",
  "ko",
  "lt",
  "lv",
  "ms",
  "mt",
  "nb",
  "nl",
  "pl",
  "pt",
  "pt-BR",
  "ro",
  "ru",
  "sk",
  "sl",
  "sv",
  "th",
  "tr",
  "vi",
  "zh",
  "zh-HK",
  "zh-TW",
] as const;

/** Sandbox-only facts about a session: its line items, what the payment needs, the attempt in flight. */
export interface SessionMeta {
  lineItems: Stripe.LineItem[];
  paymentIntentData: {
    metadata: Record<string, string>;
    setupFutureUsage: "on_session" | "off_session" | null;
    description: string | null;
    receiptEmail: string | null;
    statementDescriptor: string | null;
    statementDescriptorSuffix: string | null;
  };
  setupIntentData: { metadata: Record<string, string>; description: string | null };
  /** The card awaiting the 3-D Secure challenge, and who entered it. */
  pending: { paymentMethod: string; email: string; name: string } | null;
}

const MIN_EXPIRY = 30 * 60;
const MAX_EXPIRY = 24 * 3600;

function checkUrl(value: string, param: string): string {
  try {
    const url = new URL(value.replaceAll("{CHECKOUT_SESSION_ID}", "x"));
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("scheme");
  } catch {
    throw invalidRequest("Not a valid URL", { param, code: "url_invalid" });
  }
  return value;
}

export function createCheckoutSession(sb: Sandbox, p: Params): Stripe.Checkout.Session {
  const mode = p.enum("mode", ["payment", "setup", "subscription"] as const, { required: true })!;
  if (mode === "subscription") {
    throw invalidRequest("The Stripe sandbox supports Checkout in payment and setup mode only.", {
      param: "mode",
    });
  }
  const uiMode = p.enum("ui_mode", ["hosted"] as const);
  const successUrl = checkUrl(p.requiredString("success_url", 5000), "success_url");
  const cancelUrlRaw = p.string("cancel_url", { maxLength: 5000 });
  const cancelUrl = cancelUrlRaw ? checkUrl(cancelUrlRaw, "cancel_url") : null;
  const customerId = p.string("customer");
  const customerEmail = p.string("customer_email", { maxLength: 800 });
  if (customerId && customerEmail) {
    throw invalidRequest("You may only specify one of these parameters: customer, customer_email.", {
      param: "customer_email",
    });
  }
  if (customerId) requireCustomer(sb, customerId);
  const customerCreation = p.enum("customer_creation", ["always", "if_required"] as const);
  if (customerCreation && customerId) {
    throw invalidRequest("`customer_creation` can only be used when no `customer` is provided.", {
      param: "customer_creation",
    });
  }
  if (customerCreation && mode !== "payment") {
    throw invalidRequest("`customer_creation` can only be used in `payment` mode.", {
      param: "customer_creation",
    });
  }
  const clientReferenceId = p.string("client_reference_id", { maxLength: 200 }) ?? null;
  const metadata = p.metadata() ?? {};
  const locale = p.enum("locale", CHECKOUT_LOCALES) ?? null;
  const methodTypes = p.strings("payment_method_types");
  if (methodTypes?.some((t) => t !== "card")) {
    throw invalidRequest("The Stripe sandbox supports the card payment method type only.", {
      param: "payment_method_types",
    });
  }
  p.enum("billing_address_collection", ["auto", "required"] as const);
  const submitType = p.enum("submit_type", ["auto", "book", "donate", "pay", "subscribe"] as const) ?? null;
  const now = sb.now();
  const expiresAt = p.int("expires_at") ?? now + MAX_EXPIRY;
  if (expiresAt - now < MIN_EXPIRY) {
    throw invalidRequest(
      "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
      {
        param: "expires_at",
      },
    );
  }
  if (expiresAt - now > MAX_EXPIRY) {
    throw invalidRequest(
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
      {
        param: "expires_at",
      },
    );
  }

  const pid = p.object("payment_intent_data");
  const paymentIntentData: SessionMeta["paymentIntentData"] = {
    metadata: pid?.metadata() ?? {},
    setupFutureUsage: pid?.enum("setup_future_usage", ["on_session", "off_session"] as const) ?? null,
    description: pid?.string("description", { maxLength: 1000 }) ?? null,
    receiptEmail: pid?.string("receipt_email") ?? null,
    statementDescriptor: pid?.string("statement_descriptor", { maxLength: 22 }) ?? null,
    statementDescriptorSuffix: pid?.string("statement_descriptor_suffix", { maxLength: 22 }) ?? null,
  };
  if (pid && mode !== "payment") {
    throw invalidRequest("`payment_intent_data` can only be used in `payment` mode.", {
      param: "payment_intent_data",
    });
  }
  const sid = p.object("setup_intent_data");
  const setupIntentData = {
    metadata: sid?.metadata() ?? {},
    description: sid?.string("description", { maxLength: 1000 }) ?? null,
  };
  if (sid && mode !== "setup") {
    throw invalidRequest("`setup_intent_data` can only be used in `setup` mode.", {
      param: "setup_intent_data",
    });
  }

  let currency: string | null = null;
  const lineItems: Stripe.LineItem[] = [];
  const items = p.objects("line_items");
  if (mode === "payment") {
    if (!items || items.length === 0) throw missingParam("line_items");
    for (const [i, item] of items.entries()) {
      const pd = item.object("price_data");
      if (item.has("price")) {
        const price = item.string("price")!;
        throw invalidRequest(`No such price: '${price}'`, {
          status: 404,
          code: "resource_missing",
          param: `line_items[${i}][price]`,
        });
      }
      if (!pd) throw missingParam(`line_items[${i}][price_data]`);
      const quantity = item.int("quantity", { required: true, min: 1, max: 999_999 })!;
      const itemCurrency = validateCurrency(
        pd.requiredString("currency"),
        `line_items[${i}][price_data][currency]`,
      );
      const unitAmount = pd.int("unit_amount", { required: true, min: 0 })!;
      validateAmountDigits(unitAmount, itemCurrency, `line_items[${i}][price_data][unit_amount]`);
      pd.enum("tax_behavior", ["exclusive", "inclusive", "unspecified"] as const);
      const productData = pd.object("product_data");
      if (!productData) throw missingParam(`line_items[${i}][price_data][product_data]`);
      const name = productData.requiredString("name", 250);
      const description = productData.string("description") ?? null;
      productData.metadata();
      productData.strings("images");
      if (currency && currency !== itemCurrency) {
        throw invalidRequest("All line items must have the same currency.", {
          param: `line_items[${i}][price_data][currency]`,
        });
      }
      currency = itemCurrency;
      const product = {
        id: newId("prod", 14),
        object: "product",
        active: false,
        created: now,
        default_price: null,
        description,
        images: [],
        livemode: false,
        marketing_features: [],
        metadata: {},
        name,
        package_dimensions: null,
        shippable: null,
        tax_code: null,
        tax_details: null,
        type: "service",
        updated: now,
        url: null,
      } satisfies Stripe.Product;
      sb.save(product);
      const amount = unitAmount * quantity;
      lineItems.push({
        id: newId("li"),
        object: "item",
        adjustable_quantity: null,
        amount_discount: 0,
        amount_subtotal: amount,
        amount_tax: 0,
        amount_total: amount,
        currency: itemCurrency,
        description: name,
        metadata: {},
        price: {
          id: newId("price"),
          object: "price",
          active: false,
          billing_scheme: "per_unit",
          created: now,
          currency: itemCurrency,
          custom_unit_amount: null,
          livemode: false,
          lookup_key: null,
          metadata: {},
          nickname: null,
          product: product.id,
          recurring: null,
          tax_behavior: "unspecified",
          tiers_mode: null,
          transform_quantity: null,
          type: "one_time",
          unit_amount: unitAmount,
          unit_amount_decimal: String(unitAmount),
        },
        quantity,
      } as unknown as Stripe.LineItem);
    }
    const total = lineItems.reduce((sum, li) => sum + li.amount_total, 0);
    validateChargeAmount(total, currency!, "line_items");
  } else {
    if (items) throw invalidRequest("`line_items` cannot be used in `setup` mode.", { param: "line_items" });
    const c = p.string("currency");
    currency = c ? validateCurrency(c) : null;
    if (!currency && !methodTypes) {
      throw invalidRequest(
        "`currency` is required in `setup` mode when `payment_method_types` is not passed.",
        {
          param: "currency",
        },
      );
    }
  }
  if (mode === "payment" && p.has("currency")) {
    const c = validateCurrency(p.string("currency")!);
    if (c !== currency)
      throw invalidRequest("`currency` must match the line items' currency.", { param: "currency" });
  }
  p.done();

  const id = newCheckoutSessionId();
  const total = lineItems.reduce((sum, li) => sum + li.amount_total, 0);
  const session = {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: mode === "payment" ? total : null,
    amount_total: mode === "payment" ? total : null,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: cancelUrl,
    client_reference_id: clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: customerId ?? null,
    customer_account: null,
    customer_creation: customerId ? null : mode === "payment" ? (customerCreation ?? "if_required") : null,
    customer_details: customerEmail
      ? {
          address: null,
          business_name: null,
          email: customerEmail,
          individual_name: null,
          name: null,
          phone: null,
          tax_exempt: "none",
          tax_ids: null,
        }
      : null,
    customer_email: customerEmail ?? null,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation:
      mode === "payment"
        ? {
            enabled: false,
            invoice_data: {
              account_tax_ids: null,
              custom_fields: null,
              description: null,
              footer: null,
              issuer: null,
              metadata: {},
              rendering_options: null,
            },
          }
        : null,
    livemode: false,
    locale,
    managed_payments: null,
    metadata,
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: mode === "setup" ? "always" : "if_required",
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    payment_status: mode === "payment" ? "unpaid" : "no_payment_required",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: submitType,
    subscription: null,
    success_url: successUrl,
    total_details: mode === "payment" ? { amount_discount: 0, amount_shipping: 0, amount_tax: 0 } : null,
    ui_mode: uiMode ?? "hosted",
    url: `${sb.baseUrl}/c/pay/${id}`,
    wallet_options: null,
  } satisfies Stripe.Checkout.Session;
  sb.save(session);
  sb.setMeta<SessionMeta>(id, { lineItems, paymentIntentData, setupIntentData, pending: null });
  sb.addTask("expire_session", id, expiresAt * 1000);
  return session;
}

/** Expires an open session (checkout.session.expired); its unpaid PaymentIntent is canceled. */
export function expireCheckoutSession(sb: Sandbox, session: Stripe.Checkout.Session): void {
  if (session.status !== "open") {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      { param: "session" },
    );
  }
  for (const task of sb.tasks())
    if (task.kind === "expire_session" && task.target === session.id) sb.removeTask(task.id);
  if (session.payment_intent) {
    const pi = sb.find<Stripe.PaymentIntent>(session.payment_intent as string);
    if (pi && pi.status !== "succeeded" && pi.status !== "canceled") cancelPaymentIntent(sb, pi, "abandoned");
  }
  if (session.setup_intent) {
    const si = sb.find<Stripe.SetupIntent>(session.setup_intent as string);
    if (si && si.status !== "succeeded" && si.status !== "canceled") {
      const previous = sb.update(si, {
        status: "canceled",
        cancellation_reason: "abandoned",
      } as Partial<Stripe.SetupIntent>);
      sb.save(si);
      sb.emit("setup_intent.canceled", si, previous);
    }
  }
  sb.update(session, { status: "expired", url: null });
  sb.save(session);
  sb.emit("checkout.session.expired", session);
}

export type CheckoutOutcome =
  | { kind: "completed"; redirectUrl: string }
  | { kind: "requires_action" }
  | { kind: "declined"; message: string; code: string; declineCode?: string };

export interface PayerInput {
  email: string;
  name: string;
  card: CardInput;
}

/** The payer submits the hosted form (or the pay control): card → PaymentIntent/SetupIntent. */
export function submitCheckout(
  sb: Sandbox,
  session: Stripe.Checkout.Session,
  payer: PayerInput,
): CheckoutOutcome {
  assertOpen(session);
  const meta = sb.meta<SessionMeta>(session.id)!;
  const customer = resolveCustomer(sb, session, payer);
  const pm = createCardPaymentMethod(sb, { ...payer.card, name: payer.name, email: payer.email });
  return attempt(sb, session, meta, pm, payer, customer, undefined);
}

/** The payer completes or fails the simulated 3-D Secure challenge. */
export function authenticateCheckout(
  sb: Sandbox,
  session: Stripe.Checkout.Session,
  result: "passed" | "failed",
): CheckoutOutcome {
  assertOpen(session);
  const meta = sb.meta<SessionMeta>(session.id)!;
  if (!meta.pending) throw invalidRequest("This Checkout Session has no payment awaiting authentication.");
  const pm = sb.get<Stripe.PaymentMethod>("payment_method", meta.pending.paymentMethod);
  const payer = { email: meta.pending.email, name: meta.pending.name };
  const customer = (session.customer as string | null) ?? null;
  return attempt(sb, session, meta, pm, payer, customer, result);
}

function assertOpen(session: Stripe.Checkout.Session): void {
  if (session.status !== "open") {
    throw invalidRequest(`This Checkout Session is ${session.status}.`, {
      code: "checkout_session_not_open",
    });
  }
}

function resolveCustomer(
  sb: Sandbox,
  session: Stripe.Checkout.Session,
  payer: { email: string; name: string },
) {
  if (session.customer) return session.customer as string;
  if (session.customer_creation === "always") {
    const customer = createCustomerObject(sb, { email: payer.email, name: payer.name });
    sb.update(session, { customer: customer.id });
    sb.save(session);
    return customer.id;
  }
  return null;
}

function attempt(
  sb: Sandbox,
  session: Stripe.Checkout.Session,
  meta: SessionMeta,
  pm: Stripe.PaymentMethod,
  payer: { email: string; name: string },
  customer: string | null,
  threeDSecure: "passed" | "failed" | undefined,
): CheckoutOutcome {
  const customerDetails = {
    address: null,
    business_name: null,
    email: payer.email,
    individual_name: null,
    name: payer.name || null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  } satisfies Stripe.Checkout.Session.CustomerDetails;

  if (session.mode === "payment") {
    let pi = session.payment_intent
      ? sb.find<Stripe.PaymentIntent>(session.payment_intent as string)
      : undefined;
    if (!pi) {
      const d = meta.paymentIntentData;
      pi = createPaymentIntent(sb, {
        amount: session.amount_total!,
        currency: session.currency!,
        customer,
        description: d.description,
        metadata: d.metadata,
        receiptEmail: d.receiptEmail,
        setupFutureUsage: d.setupFutureUsage,
        statementDescriptor: d.statementDescriptor,
        statementDescriptorSuffix: d.statementDescriptorSuffix,
      });
      sb.update(session, { payment_intent: pi.id });
      sb.save(session);
    }
    const outcome = confirmPaymentIntent(sb, pi, pm, {
      offSession: false,
      ...(threeDSecure ? { threeDSecure } : {}),
    });
    if (outcome.status === "requires_action") {
      sb.setMeta<SessionMeta>(session.id, { ...meta, pending: { paymentMethod: pm.id, ...payer } });
      return { kind: "requires_action" };
    }
    sb.setMeta<SessionMeta>(session.id, { ...meta, pending: null });
    if (outcome.status === "failed") return declined(outcome.error.body);
    return complete(sb, session, customerDetails, "paid");
  }

  let si = session.setup_intent ? sb.find<Stripe.SetupIntent>(session.setup_intent as string) : undefined;
  if (!si) {
    si = createSetupIntent(sb, {
      customer,
      metadata: meta.setupIntentData.metadata,
      description: meta.setupIntentData.description,
    });
    sb.update(session, { setup_intent: si.id });
    sb.save(session);
  }
  const outcome = confirmSetupIntent(sb, si, pm, threeDSecure ? { threeDSecure } : {});
  if (outcome.status === "requires_action") {
    sb.setMeta<SessionMeta>(session.id, { ...meta, pending: { paymentMethod: pm.id, ...payer } });
    return { kind: "requires_action" };
  }
  sb.setMeta<SessionMeta>(session.id, { ...meta, pending: null });
  if (outcome.status === "failed") return declined(outcome.error.body);
  return complete(sb, session, customerDetails, "no_payment_required");
}

function declined(body: { message: string; code?: string; decline_code?: string }): CheckoutOutcome {
  return {
    kind: "declined",
    message: body.message,
    code: body.code ?? "card_declined",
    ...(body.decline_code ? { declineCode: body.decline_code } : {}),
  };
}

function complete(
  sb: Sandbox,
  session: Stripe.Checkout.Session,
  customerDetails: Stripe.Checkout.Session.CustomerDetails,
  paymentStatus: Stripe.Checkout.Session.PaymentStatus,
): CheckoutOutcome {
  for (const task of sb.tasks())
    if (task.kind === "expire_session" && task.target === session.id) sb.removeTask(task.id);
  sb.update(session, {
    status: "complete",
    payment_status: paymentStatus,
    customer_details: customerDetails,
    url: null,
  });
  sb.save(session);
  sb.emit("checkout.session.completed", session);
  return {
    kind: "completed",
    redirectUrl: session.success_url!.replaceAll("{CHECKOUT_SESSION_ID}", session.id),
  };
}

export function createCustomerObject(
  sb: Sandbox,
  input: {
    email?: string | null;
    name?: string | null;
    description?: string | null;
    phone?: string | null;
    metadata?: Record<string, string>;
    preferredLocales?: string[];
  },
): Stripe.Customer {
  const customer = {
    id: newId("cus", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: sb.now(),
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: input.description ?? null,
    discount: null,
    email: input.email ?? null,
    invoice_prefix: newId("x", 8).slice(2).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: input.metadata ?? {},
    name: input.name ?? null,
    next_invoice_sequence: 1,
    phone: input.phone ?? null,
    preferred_locales: input.preferredLocales ?? [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  } satisfies Stripe.Customer;
  sb.save(customer);
  sb.emit("customer.created", customer);
  return customer;
}
