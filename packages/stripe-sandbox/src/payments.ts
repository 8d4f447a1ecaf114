import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { docUrl, invalidRequest, resourceMissing, StripeApiError, unexpectedState } from "./errors.ts";
import { newId, newSecret } from "./ids.ts";
import type { Sandbox } from "./sandbox.ts";
import { type CardBehavior, findTestCard, TEST_PAYMENT_METHODS } from "./test-cards.ts";

/** What the sandbox remembers about a card PaymentMethod beyond Stripe's object. */
export interface CardMeta {
  number: string;
  /** Authenticated during a set-up, so off-session charges of a "3DS unless set up" card pass. */
  offSessionReady: boolean;
  /** Used once without being attached to a customer: Stripe refuses to use it again. */
  consumed: boolean;
}

const EMPTY_ADDRESS: Stripe.Address = {
  city: null,
  country: null,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
};

export function cardBehavior(sb: Sandbox, pm: Stripe.PaymentMethod): CardBehavior {
  const meta = sb.meta<CardMeta>(pm.id);
  return (meta && findTestCard(meta.number)?.behavior) ?? { kind: "success" };
}

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  name?: string | null;
  email?: string | null;
}

export function createCardPaymentMethod(sb: Sandbox, input: CardInput): Stripe.PaymentMethod {
  const card = findTestCard(input.number);
  if (!card)
    throw invalidRequest("Your card number is incorrect.", { code: "incorrect_number", param: "number" });
  const fingerprint = createHash("sha256").update(card.number).digest("base64url").slice(0, 16);
  const pm = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: {
      address: { ...EMPTY_ADDRESS },
      email: input.email ?? null,
      name: input.name ?? null,
      phone: null,
      tax_id: null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      display_brand: card.brand === "amex" ? "american_express" : card.brand,
      exp_month: input.expMonth,
      exp_year: input.expYear,
      fingerprint,
      funding: card.funding,
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: sb.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  } satisfies Stripe.PaymentMethod;
  sb.save(pm);
  sb.setMeta<CardMeta>(pm.id, { number: card.number, offSessionReady: false, consumed: false });
  return pm;
}

/** A `pm_…` id, or one of Stripe's test tokens (`pm_card_visa`), which makes a fresh PaymentMethod. */
export function resolvePaymentMethod(
  sb: Sandbox,
  id: string,
  param = "payment_method",
): Stripe.PaymentMethod {
  const number = TEST_PAYMENT_METHODS[id];
  if (number) {
    const year = new Date(sb.nowMs()).getUTCFullYear() + 5;
    return createCardPaymentMethod(sb, { number, expMonth: 12, expYear: year });
  }
  return sb.get<Stripe.PaymentMethod>("payment_method", id, param);
}

export function cardError(
  opts: { code: string; declineCode?: string; message: string; charge?: string; param?: string },
  extra: { payment_intent?: unknown; setup_intent?: unknown; payment_method?: unknown },
): StripeApiError {
  return new StripeApiError(
    402,
    {
      type: "card_error",
      code: opts.code,
      ...(opts.declineCode ? { decline_code: opts.declineCode } : {}),
      message: opts.message,
      doc_url: docUrl(opts.code),
      ...(opts.charge ? { charge: opts.charge } : {}),
      ...(opts.param ? { param: opts.param } : {}),
      ...extra,
    },
    true,
  );
}

export function attachPaymentMethod(sb: Sandbox, pm: Stripe.PaymentMethod, customerId: string): void {
  sb.get<Stripe.Customer>("customer", customerId, "customer");
  if (pm.customer === customerId) return;
  if (pm.customer) {
    throw invalidRequest("The payment method you provided has already been attached to a customer.", {
      param: "payment_method",
    });
  }
  const meta = sb.meta<CardMeta>(pm.id);
  if (meta?.consumed) throw reusedPaymentMethod(pm.id);
  const behavior = cardBehavior(sb, pm);
  if (behavior.kind === "decline") {
    throw cardError(
      { code: behavior.code, declineCode: behavior.declineCode, message: behavior.message, param: "" },
      {},
    );
  }
  pm.customer = customerId;
  sb.save(pm);
  sb.emit("payment_method.attached", pm);
}

export function detachPaymentMethod(sb: Sandbox, pm: Stripe.PaymentMethod): void {
  if (!pm.customer) {
    throw invalidRequest(
      "The payment method you provided is not attached to a customer so detachment is impossible.",
      {
        param: "payment_method",
      },
    );
  }
  const customerId = typeof pm.customer === "string" ? pm.customer : pm.customer.id;
  const previous = sb.update(pm, { customer: null });
  sb.save(pm);
  const meta = sb.meta<CardMeta>(pm.id);
  if (meta) sb.setMeta<CardMeta>(pm.id, { ...meta, consumed: true });
  sb.emit("payment_method.detached", pm, previous);
  const customer = sb.find<Stripe.Customer>(customerId);
  if (customer && customer.invoice_settings.default_payment_method === pm.id) {
    const before = structuredClone(customer.invoice_settings);
    customer.invoice_settings.default_payment_method = null;
    sb.save(customer);
    sb.emit("customer.updated", customer, { invoice_settings: before });
  }
}

function reusedPaymentMethod(id: string) {
  return invalidRequest(
    `The provided PaymentMethod (${id}) was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.`,
    { param: "payment_method" },
  );
}

/** Checks the PaymentMethod may be used with this customer, as Stripe does at confirmation. */
export function checkPaymentMethodUsable(
  sb: Sandbox,
  pm: Stripe.PaymentMethod,
  customer: string | null,
): void {
  const owner = typeof pm.customer === "string" ? pm.customer : (pm.customer?.id ?? null);
  if (owner && !customer) {
    throw invalidRequest(
      "The provided PaymentMethod belongs to a Customer, but you did not provide a Customer. Please provide the Customer that this PaymentMethod belongs to.",
      { param: "payment_method" },
    );
  }
  if (owner && customer && owner !== customer) {
    throw invalidRequest(
      `The provided PaymentMethod belongs to a different Customer (${owner}). Please use a PaymentMethod that belongs to ${customer}.`,
      { param: "payment_method" },
    );
  }
  if (!owner && sb.meta<CardMeta>(pm.id)?.consumed) throw reusedPaymentMethod(pm.id);
}

export interface PaymentIntentInput {
  amount: number;
  currency: string;
  customer: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  receiptEmail?: string | null;
  setupFutureUsage?: "on_session" | "off_session" | null;
  statementDescriptor?: string | null;
  statementDescriptorSuffix?: string | null;
  paymentMethod?: string | null;
  automaticPaymentMethods?: boolean;
}

export function createPaymentIntent(sb: Sandbox, input: PaymentIntentInput): Stripe.PaymentIntent {
  const id = newId("pi");
  const pi = {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: input.automaticPaymentMethods
      ? { allow_redirects: "always", enabled: true }
      : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: newSecret(id),
    confirmation_method: "automatic",
    created: sb.now(),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod ?? null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
    },
    payment_method_types: ["card"],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail ?? null,
    review: null,
    setup_future_usage: input.setupFutureUsage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: input.statementDescriptor ?? null,
    statement_descriptor_suffix: input.statementDescriptorSuffix ?? null,
    status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  } satisfies Stripe.PaymentIntent;
  sb.save(pi);
  sb.emit("payment_intent.created", pi);
  return pi;
}

const CONFIRMABLE = ["requires_confirmation", "requires_payment_method", "requires_action"];

export type AttemptOutcome =
  | { status: "succeeded"; charge: Stripe.Charge }
  | { status: "requires_action" }
  | { status: "failed"; error: StripeApiError };

export interface AttemptOptions {
  offSession: boolean;
  /** Set when the payer completed (or failed) the 3-D Secure challenge for this attempt. */
  threeDSecure?: "passed" | "failed";
  errorOnRequiresAction?: boolean;
  /** Redirect target for the 3-D Secure step of API confirmations. */
  returnUrl?: string | null;
}

/**
 * Confirms a PaymentIntent with a card PaymentMethod: the card's test behaviour decides between
 * success (charge.succeeded, payment_intent.succeeded), a decline (a failed charge,
 * charge.failed, payment_intent.payment_failed, 402 card_error carrying the PaymentIntent) and
 * 3-D Secure (requires_action on session, authentication_required off session).
 */
export function confirmPaymentIntent(
  sb: Sandbox,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  opts: AttemptOptions,
): AttemptOutcome {
  if (!CONFIRMABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(", ")}.`,
    );
  }
  const customer = typeof pi.customer === "string" ? pi.customer : (pi.customer?.id ?? null);
  checkPaymentMethodUsable(sb, pm, customer);
  const behavior = cardBehavior(sb, pm);
  const meta = sb.meta<CardMeta>(pm.id);

  if (opts.threeDSecure === "failed") return failAuthentication(sb, pi, pm);

  const needsAuthentication =
    opts.threeDSecure !== "passed" &&
    (behavior.kind === "authenticate_always" ||
      (behavior.kind === "authenticate_unless_setup" && !(opts.offSession && meta?.offSessionReady)));
  if (needsAuthentication) {
    if (opts.offSession || opts.errorOnRequiresAction) {
      return decline(sb, pi, pm, {
        code: "authentication_required",
        declineCode: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      });
    }
    const previous = sb.update(pi, {
      status: "requires_action",
      payment_method: pm.id,
      last_payment_error: null,
      next_action: opts.returnUrl
        ? {
            type: "redirect_to_url",
            redirect_to_url: { return_url: opts.returnUrl, url: `${sb.baseUrl}/3ds/${pi.id}` },
          }
        : {
            type: "use_stripe_sdk",
            use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `${sb.baseUrl}/3ds/${pi.id}` },
          },
    } as Partial<Stripe.PaymentIntent>);
    sb.save(pi);
    sb.emit("payment_intent.requires_action", pi, previous);
    return { status: "requires_action" };
  }

  if (behavior.kind === "decline" || behavior.kind === "decline_after_attach") {
    return decline(sb, pi, pm, {
      code: behavior.code,
      declineCode: behavior.declineCode,
      message: behavior.message,
    });
  }

  const charge = createCharge(sb, pi, pm, { succeeded: true, threeDSecure: opts.threeDSecure === "passed" });
  if (pi.setup_future_usage && customer) {
    if (!pm.customer) attachPaymentMethod(sb, pm, customer);
    if (opts.threeDSecure === "passed" && meta)
      sb.setMeta<CardMeta>(pm.id, { ...meta, offSessionReady: true });
  } else if (meta && !pm.customer) {
    sb.setMeta<CardMeta>(pm.id, { ...meta, consumed: true });
  }
  sb.emit("charge.succeeded", charge);
  const previous = sb.update(pi, {
    status: "succeeded",
    amount_received: pi.amount,
    latest_charge: charge.id,
    payment_method: pm.id,
    last_payment_error: null,
    next_action: null,
  } as Partial<Stripe.PaymentIntent>);
  sb.save(pi);
  sb.emit("payment_intent.succeeded", pi, previous);
  if (behavior.kind === "dispute") {
    sb.addTask("open_dispute", charge.id, sb.nowMs() + sb.settings.disputeDelayMs);
  }
  return { status: "succeeded", charge };
}

function decline(
  sb: Sandbox,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  reason: { code: string; declineCode: string; message: string },
): AttemptOutcome {
  const charge = createCharge(sb, pi, pm, { succeeded: false, failure: reason });
  sb.emit("charge.failed", charge);
  const lastPaymentError = {
    charge: charge.id,
    code: reason.code,
    decline_code: reason.declineCode,
    doc_url: docUrl(reason.code),
    message: reason.message,
    payment_method: structuredClone(pm),
    type: "card_error",
  } as Stripe.PaymentIntent.LastPaymentError;
  const previous = sb.update(pi, {
    status: "requires_payment_method",
    latest_charge: charge.id,
    payment_method: null,
    last_payment_error: lastPaymentError,
    next_action: null,
  } as Partial<Stripe.PaymentIntent>);
  sb.save(pi);
  sb.emit("payment_intent.payment_failed", pi, previous);
  const error = cardError(
    { code: reason.code, declineCode: reason.declineCode, message: reason.message, charge: charge.id },
    { payment_intent: structuredClone(pi), payment_method: structuredClone(pm) },
  );
  return { status: "failed", error };
}

function failAuthentication(sb: Sandbox, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod): AttemptOutcome {
  const message =
    "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.";
  const code = "payment_intent_authentication_failure";
  const previous = sb.update(pi, {
    status: "requires_payment_method",
    payment_method: null,
    next_action: null,
    last_payment_error: {
      code,
      doc_url: docUrl(code),
      message,
      payment_method: structuredClone(pm),
      type: "invalid_request_error",
    },
  } as Partial<Stripe.PaymentIntent>);
  sb.save(pi);
  sb.emit("payment_intent.payment_failed", pi, previous);
  const error = new StripeApiError(
    400,
    {
      type: "invalid_request_error",
      code,
      doc_url: docUrl(code),
      message,
      payment_intent: structuredClone(pi),
      payment_method: structuredClone(pm),
    },
    true,
  );
  return { status: "failed", error };
}

function createCharge(
  sb: Sandbox,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  opts: {
    succeeded: boolean;
    threeDSecure?: boolean;
    failure?: { code: string; declineCode: string; message: string };
  },
): Stripe.Charge {
  const card = pm.card!;
  const id = newId("ch");
  const failure = opts.failure;
  const charge = {
    id,
    object: "charge",
    amount: pi.amount,
    amount_captured: opts.succeeded ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: opts.succeeded ? newId("txn") : null,
    billing_details: structuredClone(pm.billing_details),
    calculated_statement_descriptor: statementDescriptor(sb.merchantName),
    captured: opts.succeeded,
    created: sb.now(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: opts.succeeded
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: "approved_by_network",
          reason: null,
          risk_level: "normal",
          risk_score: 20,
          seller_message: "Payment complete.",
          type: "authorized",
        }
      : {
          advice_code: failure?.declineCode === "insufficient_funds" ? "try_again_later" : "do_not_try_again",
          network_advice_code: null,
          network_decline_code: null,
          network_status: "declined_by_network",
          reason: failure?.declineCode ?? null,
          risk_level: "normal",
          risk_score: 20,
          seller_message:
            failure?.declineCode === "generic_decline"
              ? "The bank did not return any further details with this decline."
              : `The bank returned the decline code \`${failure?.declineCode}\`.`,
          type: "issuer_declined",
        },
    paid: opts.succeeded,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: {
      card: {
        amount_authorized: opts.succeeded ? pi.amount : null,
        authorization_code: opts.succeeded ? "123456" : null,
        brand: card.brand,
        checks: card.checks,
        country: card.country,
        electronic_commerce_indicator: opts.threeDSecure ? "05" : null,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        extended_authorization: { status: "disabled" },
        fingerprint: card.fingerprint ?? null,
        funding: card.funding,
        incremental_authorization: { status: "unavailable" },
        installments: null,
        last4: card.last4,
        mandate: null,
        multicapture: { status: "unavailable" },
        network: card.brand,
        network_token: { used: false },
        network_transaction_id: opts.succeeded ? newId("ntx").slice(4, 19) : null,
        overcapture: { maximum_amount_capturable: pi.amount, status: "unavailable" },
        regulated_status: "unregulated",
        three_d_secure: opts.threeDSecure
          ? {
              authentication_flow: "challenge",
              electronic_commerce_indicator: "05",
              exemption_indicator: null,
              result: "authenticated",
              result_reason: null,
              transaction_id: newId("3ds").slice(4),
              version: "2.2.0",
            }
          : null,
        transaction_link_id: null,
        wallet: null,
      },
      type: "card",
    },
    radar_options: {},
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: opts.succeeded ? `${sb.baseUrl}/receipts/${id}` : null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: opts.succeeded ? "succeeded" : "failed",
    transfer_data: null,
    transfer_group: null,
  } satisfies Stripe.Charge;
  return sb.save(charge);
}

function statementDescriptor(name: string): string {
  const cleaned = name.replace(/[<>\\'"*]/g, "").toUpperCase();
  return cleaned.slice(0, 22) || "SETTLE SANDBOX";
}

export function cancelPaymentIntent(
  sb: Sandbox,
  pi: Stripe.PaymentIntent,
  reason: Stripe.PaymentIntent.CancellationReason | null,
): void {
  const cancelable = [
    "requires_payment_method",
    "requires_capture",
    "requires_confirmation",
    "requires_action",
  ];
  if (!cancelable.includes(pi.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${cancelable.join(", ")}.`,
    );
  }
  const previous = sb.update(pi, {
    status: "canceled",
    canceled_at: sb.now(),
    cancellation_reason: reason,
    next_action: null,
  } as Partial<Stripe.PaymentIntent>);
  sb.save(pi);
  sb.emit("payment_intent.canceled", pi, previous);
}

export interface SetupIntentInput {
  customer: string | null;
  metadata?: Record<string, string>;
  description?: string | null;
  usage?: "on_session" | "off_session";
}

export function createSetupIntent(sb: Sandbox, input: SetupIntentInput): Stripe.SetupIntent {
  const id = newId("seti");
  const si = {
    id,
    object: "setup_intent",
    allowed_payment_method_types: null,
    application: null,
    automatic_payment_methods: null,
    cancellation_reason: null,
    client_secret: newSecret(id),
    created: sb.now(),
    customer: input.customer,
    customer_account: null,
    description: input.description ?? null,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: input.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { mandate_options: null, network: null, request_three_d_secure: "automatic" },
    },
    payment_method_types: ["card"],
    single_use_mandate: null,
    status: "requires_payment_method",
    usage: input.usage ?? "off_session",
  } satisfies Stripe.SetupIntent;
  sb.save(si);
  sb.emit("setup_intent.created", si);
  return si;
}

export type SetupOutcome =
  | { status: "succeeded" }
  | { status: "requires_action" }
  | { status: "failed"; error: StripeApiError };

/** Saves a card for later use: on success the PaymentMethod is attached to the customer. */
export function confirmSetupIntent(
  sb: Sandbox,
  si: Stripe.SetupIntent,
  pm: Stripe.PaymentMethod,
  opts: { threeDSecure?: "passed" | "failed"; returnUrl?: string | null },
): SetupOutcome {
  const confirmable = ["requires_confirmation", "requires_payment_method", "requires_action"];
  if (!confirmable.includes(si.status)) {
    throw invalidRequest(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be confirmed: ${confirmable.join(", ")}.`,
      { code: "setup_intent_unexpected_state" },
    );
  }
  const customer = typeof si.customer === "string" ? si.customer : (si.customer?.id ?? null);
  checkPaymentMethodUsable(sb, pm, customer);
  const behavior = cardBehavior(sb, pm);
  const fail = (code: string, message: string, declineCode?: string): SetupOutcome => {
    const previous = sb.update(si, {
      status: "requires_payment_method",
      payment_method: null,
      next_action: null,
      last_setup_error: {
        code,
        ...(declineCode ? { decline_code: declineCode } : {}),
        doc_url: docUrl(code),
        message,
        payment_method: structuredClone(pm),
        type: declineCode ? "card_error" : "invalid_request_error",
      },
    } as Partial<Stripe.SetupIntent>);
    sb.save(si);
    sb.emit("setup_intent.setup_failed", si, previous);
    const body = { setup_intent: structuredClone(si), payment_method: structuredClone(pm) };
    const error = declineCode
      ? cardError({ code, declineCode, message }, body)
      : new StripeApiError(
          400,
          { type: "invalid_request_error", code, message, doc_url: docUrl(code), ...body },
          true,
        );
    return { status: "failed", error };
  };

  if (opts.threeDSecure === "failed") {
    return fail(
      "setup_intent_authentication_failure",
      "The latest attempt to set up the payment method has failed because authentication failed.",
    );
  }
  if (behavior.kind === "decline") return fail(behavior.code, behavior.message, behavior.declineCode);
  const needsAuthentication =
    opts.threeDSecure !== "passed" &&
    (behavior.kind === "authenticate_always" || behavior.kind === "authenticate_unless_setup");
  if (needsAuthentication) {
    const previous = sb.update(si, {
      status: "requires_action",
      payment_method: pm.id,
      next_action: opts.returnUrl
        ? {
            type: "redirect_to_url",
            redirect_to_url: { return_url: opts.returnUrl, url: `${sb.baseUrl}/3ds/${si.id}` },
          }
        : { type: "use_stripe_sdk", use_stripe_sdk: {} },
    } as Partial<Stripe.SetupIntent>);
    sb.save(si);
    sb.emit("setup_intent.requires_action", si, previous);
    return { status: "requires_action" };
  }
  if (customer && !pm.customer) attachPaymentMethod(sb, pm, customer);
  const meta = sb.meta<CardMeta>(pm.id);
  if (meta && opts.threeDSecure === "passed") sb.setMeta<CardMeta>(pm.id, { ...meta, offSessionReady: true });
  const previous = sb.update(si, {
    status: "succeeded",
    payment_method: pm.id,
    next_action: null,
    last_setup_error: null,
  } as Partial<Stripe.SetupIntent>);
  sb.save(si);
  sb.emit("setup_intent.succeeded", si, previous);
  return { status: "succeeded" };
}

export function requireCustomer(sb: Sandbox, id: string, param = "customer"): Stripe.Customer {
  const c = sb.find<Stripe.Customer>(id);
  if (c?.object !== "customer") throw resourceMissing("customer", id, param);
  return c;
}
