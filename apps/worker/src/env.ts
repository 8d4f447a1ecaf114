import { CARD_PAYMENTS_SETTINGS } from "@settle/domain/base/card-payments-switch";
import { z } from "zod";

// An empty variable (`SMTP_URL=` in a .env file) means "not set".
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

/** The worker's jobs: e-mail delivery, the card payment sweep, autopay and the Stripe webhook inbox. */
export const WORKER_JOBS = ["emails", "card-sweep", "autopay", "stripe-inbox", "disputes", "plans"] as const;
export type WorkerJob = (typeof WORKER_JOBS)[number];

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(unsetIfEmpty, z.enum(["development", "test", "production"]).default("development")),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "Expected a postgres:// URL"),
  /** Connections the worker may hold in its database pool (default 10). */
  DATABASE_POOL_SIZE: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).optional()),
  /** smtp://user:pass@host:587 or smtps://...; without it nothing is delivered (dev mailbox only). */
  SMTP_URL: z.preprocess(
    unsetIfEmpty,
    z.url({ protocol: /^smtps?$/, error: "Expected an smtp:// or smtps:// URL" }).optional(),
  ),
  /** The portal's address, for links in the e-mails the jobs send (payment plan reminders, …). */
  PORTAL_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).default("http://localhost:3000")),
  MAIL_FROM: z.preprocess(unsetIfEmpty, z.string().min(3).default("Settle <no-reply@settle.invalid>")),
  /** "off": no autopay and no card payment sweeps; also off in production without STRIPE_SECRET_KEY. */
  SETTLE_CARD_PAYMENTS: z.preprocess(unsetIfEmpty, z.enum(CARD_PAYMENTS_SETTINGS).default("on")),
  /** Set: the payment sweep asks Stripe. Unset: the local Stripe sandbox at STRIPE_SANDBOX_URL. */
  STRIPE_SECRET_KEY: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_/)
      .optional(),
  ),
  STRIPE_SANDBOX_URL: z.preprocess(
    unsetIfEmpty,
    z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:12111"),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(unsetIfEmpty, z.string().min(8).optional()),
  /**
   * Which of the worker's jobs this process runs, comma-separated (default: all of them), so
   * busy installations can give a job processes of its own.
   */
  WORKER_JOBS: z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() ? value.split(",").map((v) => v.trim()) : undefined,
    z
      .array(z.enum(WORKER_JOBS))
      .min(1)
      .default([...WORKER_JOBS]),
  ),
});
export type Env = z.infer<typeof EnvSchema>;

/** The worker's configuration; the only place that reads `process.env`. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    // Names and reasons only: the values may hold credentials.
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid worker environment: ${problems}`);
  }
  return result.data;
}
