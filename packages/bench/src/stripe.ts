/**
 * The Stripe sandbox the card payment cases talk to: started in this process on a free loopback
 * port with its state in memory, and a webhook secret made for the run. The apps get both through
 * their environment (apps/portal/app/env.server.ts); the bench drives the sandbox through the
 * official SDK, built by the domain's own createStripeConnection.
 */
import { randomBytes } from "node:crypto";
import { createStripeConnection, type Stripe } from "@settle/domain/payments/stripe-client";
import { startStripeSandbox } from "@settle/stripe-sandbox/server";

export interface BenchStripe {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  webhookSecret: string;
  /** The SDK, pointed at the sandbox. */
  stripe: Stripe;
  /** What the apps need to use this sandbox (and never a real Stripe key from the shell). */
  appEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startBenchStripe(): Promise<BenchStripe> {
  const sandbox = await startStripeSandbox({
    port: 0,
    host: "127.0.0.1",
    dataDir: null,
    // The bench delivers the events itself, in its own order and concurrency.
    webhooks: [],
    log: (line) => {
      if (/error|fail/i.test(line)) console.error(line);
    },
  });
  const webhookSecret = `whsec_bench_${randomBytes(24).toString("hex")}`;
  const { stripe } = createStripeConnection({
    sandboxUrl: sandbox.url,
    webhookSecret,
    maxNetworkRetries: 2,
    timeoutMs: 30_000,
  });
  return {
    url: sandbox.url,
    webhookSecret,
    stripe,
    appEnv: { STRIPE_SECRET_KEY: "", STRIPE_SANDBOX_URL: sandbox.url, STRIPE_WEBHOOK_SECRET: webhookSecret },
    close: () => sandbox.close(),
  };
}
