/** Stripe's error body: `{ error: { type, code, decline_code, message, param, doc_url, … } }`. */
export interface StripeErrorBody {
  type: "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
  request_log_url?: string;
}

export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  /** Whether Stripe would store this result under the request's idempotency key. */
  readonly storeIdempotent: boolean;

  constructor(status: number, body: StripeErrorBody, storeIdempotent = false) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.storeIdempotent = storeIdempotent;
  }
}

export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`;
}

export function invalidRequest(
  message: string,
  opts: { param?: string; code?: string; status?: number } = {},
) {
  return new StripeApiError(opts.status ?? 400, {
    type: "invalid_request_error",
    message,
    ...(opts.code ? { code: opts.code, doc_url: docUrl(opts.code) } : {}),
    ...(opts.param ? { param: opts.param } : {}),
  });
}

const NOUNS: Record<string, string> = {
  customer: "customer",
  payment_intent: "PaymentIntent",
  payment_method: "PaymentMethod",
  setup_intent: "SetupIntent",
  "checkout.session": "checkout.session",
  charge: "charge",
  refund: "refund",
  dispute: "dispute",
  event: "event",
};

/** `No such customer: 'cus_123'` — 404 resource_missing, as Stripe words it. */
export function resourceMissing(objectType: string, id: string, param = "id") {
  return invalidRequest(`No such ${NOUNS[objectType] ?? objectType}: '${id}'`, {
    status: 404,
    code: "resource_missing",
    param,
  });
}

export function missingParam(param: string) {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: "parameter_missing" });
}

export function unknownParam(param: string) {
  return invalidRequest(`Received unknown parameter: ${param}`, { param, code: "parameter_unknown" });
}

export function unexpectedState(message: string, param?: string) {
  return invalidRequest(message, { code: "payment_intent_unexpected_state", ...(param ? { param } : {}) });
}

export function apiError(message: string, status = 500) {
  return new StripeApiError(status, { type: "api_error", message });
}
