import { createHmac } from "node:crypto";
import {
  CARD_PAYMENTS_SETTINGS,
  configureCardPayments,
  decideCardPayments,
} from "@settle/domain/base/card-payments-switch";
import { configureDatabase } from "@settle/domain/db/client";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import { z } from "zod";

// Only outside production: a production start without its own secret is refused below.
const DEVELOPMENT_SECRET = "settle-portal-development-secret-not-for-production";

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL." }),
    /** Connections each process may hold in its database pool (default 10). */
    DATABASE_POOL_SIZE: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.coerce.number().int().min(1, "DATABASE_POOL_SIZE must be at least 1.").optional(),
    ),
    // An empty value (a blank line in an env file) counts as unset.
    PORTAL_SESSION_SECRET: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().min(32, "PORTAL_SESSION_SECRET must be at least 32 characters.").optional(),
    ),
    /** Public base URL of the portal, used in e-mailed links. */
    PORTAL_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    /** Set when a reverse proxy sits in front: then X-Forwarded-For names the client. */
    TRUST_PROXY: z
      .enum(["true", "false", "1", "0", ""])
      .default("false")
      .transform((v) => v === "true" || v === "1"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** Set: card payments go to Stripe. Unset: to the local Stripe sandbox at STRIPE_SANDBOX_URL. */
    STRIPE_SECRET_KEY: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_/, "STRIPE_SECRET_KEY must be a Stripe secret key.")
        .optional(),
    ),
    STRIPE_SANDBOX_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:12111"),
    /** The webhook endpoint's signing secret (required with STRIPE_SECRET_KEY). */
    STRIPE_WEBHOOK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(8).optional()),
    /**
     * "off" switches card payments off (pay, saved cards, autopay). In production they are also off
     * without STRIPE_SECRET_KEY; elsewhere the local sandbox stands in.
     */
    SETTLE_CARD_PAYMENTS: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(CARD_PAYMENTS_SETTINGS, { error: "SETTLE_CARD_PAYMENTS must be on or off." }).default("on"),
    ),
  })
  .refine((e) => e.NODE_ENV !== "production" || e.PORTAL_SESSION_SECRET, {
    message: "PORTAL_SESSION_SECRET is required in production (at least 32 random characters).",
    path: ["PORTAL_SESSION_SECRET"],
  })
  .refine((e) => !e.STRIPE_SECRET_KEY || e.STRIPE_WEBHOOK_SECRET, {
    message:
      "STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (the webhook endpoint's signing secret).",
    path: ["STRIPE_WEBHOOK_SECRET"],
  });

export type PortalEnv = ReturnType<typeof parseEnv>;

/** Validates an environment; throws naming the problems (never the values, which may be secrets). */
export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The portal's environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  const secret = e.PORTAL_SESSION_SECRET ?? DEVELOPMENT_SECRET;
  // One configured secret, a separate key per purpose, so no two mechanisms share key material.
  const derive = (purpose: string) =>
    createHmac("sha256", secret).update(`settle-portal:${purpose}`).digest("hex");
  const portalUrl = new URL(e.PORTAL_URL);
  return {
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    portalUrl,
    trustProxy: e.TRUST_PROXY,
    port: e.PORT,
    host: e.HOST,
    /** Cookies are Secure whenever the portal is served over https. */
    secureCookies: portalUrl.protocol === "https:",
    cookieSecret: derive("cookies"),
    csrfSecret: derive("csrf"),
    /** remix-auth-totp wants exactly 64 hex characters (a 256-bit key). */
    totpSecret: derive("totp"),
    /** Why card payments are off (switched off, or production without a Stripe key), or null. */
    cardPaymentsOff: decideCardPayments({
      nodeEnv: e.NODE_ENV,
      secretKey: e.STRIPE_SECRET_KEY,
      setting: e.SETTLE_CARD_PAYMENTS,
    }),
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      sandboxUrl: e.STRIPE_SANDBOX_URL,
      // Production without Stripe has no webhook secret to trust (not the sandbox's published one).
      webhookSecret:
        e.STRIPE_WEBHOOK_SECRET ?? (e.NODE_ENV === "production" && !e.STRIPE_SECRET_KEY ? null : undefined),
      // A payer is waiting: give up sooner than a job would (a retry reuses the Idempotency-Key).
      timeoutMs: 15_000,
      maxNetworkRetries: 1,
      /** Where Checkout's hosted page lives: Stripe's, or the sandbox's. */
      checkoutOrigin: e.STRIPE_SECRET_KEY
        ? "https://checkout.stripe.com"
        : new URL(e.STRIPE_SANDBOX_URL).origin,
    },
  };
}

export const env = parseEnv(process.env);
configureDatabase(env.databaseUrl, { poolSize: env.databasePoolSize });
configureStripe(env.stripe);
configureCardPayments(env.cardPaymentsOff);
