import { randomBytes } from "node:crypto";
import Stripe from "stripe";

/** The local sandbox's default address (packages/stripe-sandbox). */
export const DEFAULT_STRIPE_SANDBOX_URL = "http://127.0.0.1:12111";
/** Any `sk_test_` key is accepted by the sandbox; this one makes logs say where calls went. */
export const SANDBOX_SECRET_KEY = "sk_test_settle_local_sandbox";
/** The webhook secret `npm start`, the e2e suite and tests share with the sandbox when none is set. */
export const SANDBOX_WEBHOOK_SECRET = "whsec_settle_local_sandbox";

export interface StripeSettings {
  /** Set: talk to Stripe itself. Unset: talk to the sandbox at `sandboxUrl`. */
  secretKey?: string;
  sandboxUrl?: string;
  /**
   * Signing secret of the webhook endpoint (Dashboard, `stripe listen`, or the sandbox's). Unset:
   * the sandbox's well-known secret. null: none is configured and nothing may be trusted (card
   * payments off in production), so every delivery is refused.
   */
  webhookSecret?: string | null;
  /** Automatic retries of failed calls; the SDK reuses the Idempotency-Key on them. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

export interface StripeConnection {
  stripe: Stripe;
  webhookSecret: string;
  /** True when calls go to the local sandbox (development and tests). */
  sandbox: boolean;
}

let configured: StripeSettings | undefined;
let connection: StripeConnection | undefined;

/**
 * The only way the domain learns how to reach Stripe: apps call this once from their validated
 * environment, and tests and scripts with the sandbox they started.
 */
export function configureStripe(settings: StripeSettings): void {
  configured = settings;
  connection = undefined;
}

/** Builds an SDK client: Stripe itself with a secret key, otherwise the sandbox over plain HTTP. */
export function createStripeConnection(settings: StripeSettings): StripeConnection {
  const common: Stripe.StripeConfig = {
    maxNetworkRetries: settings.maxNetworkRetries ?? 2,
    timeout: settings.timeoutMs ?? 20_000,
    appInfo: { name: "Settle" },
  };
  if (settings.secretKey) {
    if (!settings.webhookSecret) {
      throw new Error(
        "STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (the endpoint's signing secret).",
      );
    }
    return {
      stripe: new Stripe(settings.secretKey, common),
      webhookSecret: settings.webhookSecret,
      sandbox: false,
    };
  }
  const url = new URL(settings.sandboxUrl ?? DEFAULT_STRIPE_SANDBOX_URL);
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  return {
    stripe: new Stripe(SANDBOX_SECRET_KEY, {
      ...common,
      host: url.hostname,
      port,
      protocol: url.protocol === "https:" ? "https" : "http",
    }),
    webhookSecret:
      settings.webhookSecret === null
        ? // A secret nobody knows: no signature verifies, and the published sandbox one is not trusted.
          `whsec_unset_${randomBytes(32).toString("hex")}`
        : (settings.webhookSecret ?? SANDBOX_WEBHOOK_SECRET),
    sandbox: true,
  };
}

/** The process-wide connection (created on first use). */
export function getStripe(): StripeConnection {
  if (!configured) throw new Error("Stripe is not configured: call configureStripe first.");
  if (!connection) connection = createStripeConnection(configured);
  return connection;
}

export type { Stripe };
