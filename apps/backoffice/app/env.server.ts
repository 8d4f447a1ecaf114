import { createHmac } from "node:crypto";
import { configureDatabase } from "@settle/domain/db/client";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import { z } from "zod";

// Only outside production: a production start without its own secret is refused below.
const DEVELOPMENT_SECRET = "settle-backoffice-development-secret-not-for-production";

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
    SESSION_SECRET: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().min(32, "SESSION_SECRET must be at least 32 characters.").optional(),
    ),
    /** Public base URL of the customer portal, for the links in portal invitations sent from here. */
    PORTAL_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    /** Set when a reverse proxy sits in front: then X-Forwarded-For names the client. */
    TRUST_PROXY: z
      .enum(["true", "false", "1", "0", ""])
      .default("false")
      .transform((v) => v === "true" || v === "1"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3001),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** Refunds go to Stripe with a key; without one, to the local Stripe sandbox at STRIPE_SANDBOX_URL. */
    STRIPE_SECRET_KEY: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_/, "STRIPE_SECRET_KEY must be a Stripe secret key.")
        .optional(),
    ),
    STRIPE_SANDBOX_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:12111"),
    ),
    /** The webhook endpoint's signing secret; the Stripe client asks for it with a key. */
    STRIPE_WEBHOOK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(8).optional()),
  })
  .refine((e) => e.NODE_ENV !== "production" || e.SESSION_SECRET, {
    message: "SESSION_SECRET is required in production (at least 32 random characters).",
    path: ["SESSION_SECRET"],
  });

export type BackofficeEnv = ReturnType<typeof parseEnv>;

/** Validates an environment; throws naming the problems (never the values, which may be secrets). */
export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The back office's environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  const secret = e.SESSION_SECRET ?? DEVELOPMENT_SECRET;
  // One configured secret, a separate key per purpose, so no two mechanisms share key material.
  const derive = (purpose: string) =>
    createHmac("sha256", secret).update(`settle-backoffice:${purpose}`).digest("hex");
  const isProduction = e.NODE_ENV === "production";
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    portalUrl: new URL(e.PORTAL_URL),
    trustProxy: e.TRUST_PROXY,
    port: e.PORT,
    host: e.HOST,
    secureCookies: isProduction,
    cookieSecret: derive("cookies"),
    csrfSecret: derive("csrf"),
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      sandboxUrl: e.STRIPE_SANDBOX_URL,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    },
  };
}

export const env = parseEnv(process.env);
configureDatabase(env.databaseUrl, { poolSize: env.databasePoolSize });
configureStripe(env.stripe);
