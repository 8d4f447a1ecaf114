/**
 * `npm start -w @settle/stripe-sandbox`: runs the sandbox until SIGINT/SIGTERM.
 * Env: STRIPE_SANDBOX_PORT (12111), STRIPE_SANDBOX_HOST (127.0.0.1), STRIPE_SANDBOX_DATA_DIR,
 * STRIPE_WEBHOOK_URL (comma-separated for several), STRIPE_WEBHOOK_SECRET, STRIPE_SANDBOX_PUBLIC_URL.
 */
import { DEFAULT_PORT, startStripeSandbox } from "./server.ts";

const env = process.env;
const port = env.STRIPE_SANDBOX_PORT ? Number(env.STRIPE_SANDBOX_PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`STRIPE_SANDBOX_PORT must be a port number, got ${env.STRIPE_SANDBOX_PORT}`);
  process.exit(2);
}
const webhookUrls = (env.STRIPE_WEBHOOK_URL ?? "")
  .split(",")
  .map((u) => u.trim())
  .filter(Boolean);
if (webhookUrls.length > 0 && !env.STRIPE_WEBHOOK_SECRET) {
  console.error(
    "STRIPE_WEBHOOK_URL is set but STRIPE_WEBHOOK_SECRET is not: the receiver could not verify events.",
  );
  process.exit(2);
}
if (env.STRIPE_WEBHOOK_SECRET && !env.STRIPE_WEBHOOK_SECRET.startsWith("whsec_")) {
  console.warn("STRIPE_WEBHOOK_SECRET usually starts with whsec_.");
}

const sandbox = await startStripeSandbox({
  port,
  ...(env.STRIPE_SANDBOX_HOST ? { host: env.STRIPE_SANDBOX_HOST } : {}),
  ...(env.STRIPE_SANDBOX_DATA_DIR ? { dataDir: env.STRIPE_SANDBOX_DATA_DIR } : {}),
  ...(env.STRIPE_SANDBOX_PUBLIC_URL ? { publicUrl: env.STRIPE_SANDBOX_PUBLIC_URL } : {}),
  webhooks: webhookUrls.map((url) => ({ url, secret: env.STRIPE_WEBHOOK_SECRET! })),
}).catch((error: Error & { code?: string }) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} is in use; set STRIPE_SANDBOX_PORT to another port.`
      : `Could not start the Stripe sandbox: ${error.message}`,
  );
  process.exit(1);
});

console.log(`Stripe sandbox listening on ${sandbox.url} (data: ${sandbox.dataDir ?? "memory"})`);
for (const e of sandbox.webhookEndpoints()) console.log(`  webhooks → ${e.url}`);
console.log(
  `  point the SDK at it: new Stripe(key, { host: "${sandbox.host}", port: ${sandbox.port}, protocol: "http" })`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the Stripe sandbox…`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await sandbox.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
