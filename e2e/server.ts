/**
 * Playwright's web server: a fresh, migrated, empty database, the Stripe sandbox (unless
 * STRIPE_SECRET_KEY is set) with its state in a temporary directory, then the built portal (two
 * processes, as behind a load balancer) and back office on their e2e ports, and the worker. Specs create their own data through the domain factories.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropDatabase, ensureDatabase, resolveDatabase } from "../packages/db-tools/src/databases.ts";
import { deployMigrations } from "../packages/db-tools/src/migrations.ts";
import { startStripeSandbox } from "../packages/stripe-sandbox/src/server.ts";
import { E2E } from "./env.ts";

const root = path.resolve(import.meta.dirname, "..");
const server = await resolveDatabase("e2e", E2E.externalDatabase ? process.env.E2E_DATABASE_URL : undefined);
const name = new URL(E2E.databaseUrl).pathname.slice(1);
await dropDatabase(server.adminUrl, name);
await ensureDatabase(server.adminUrl, name);
await deployMigrations(E2E.databaseUrl);

// Must match the portal's webhook route (apps/portal/app/routes.ts).
const WEBHOOK_PATH = "/webhooks/stripe";
const stripeDir = fs.mkdtempSync(path.join(os.tmpdir(), "settle-e2e-stripe-"));
const sandbox = process.env.STRIPE_SECRET_KEY
  ? null
  : await startStripeSandbox({
      port: E2E.stripePort,
      dataDir: stripeDir,
      webhooks: [
        { url: `http://127.0.0.1:${E2E.portalPort}${WEBHOOK_PATH}`, secret: E2E.stripeWebhookSecret },
      ],
      retry: { initialMs: 200, factor: 2, maxDelayMs: 2_000, maxAttempts: 8 },
      log: false,
    });
const stripeEnv = sandbox
  ? { STRIPE_SANDBOX_URL: sandbox.url, STRIPE_WEBHOOK_SECRET: E2E.stripeWebhookSecret }
  : {};

const children: ChildProcess[] = [];
function start(app: string, port: number | null) {
  // One process each (TypeScript through tsx's loader, no wrapper process): a signal reaches the
  // process that holds the connections.
  const child = spawn(process.execPath, ["--import", "tsx", port === null ? "src/main.ts" : "server.ts"], {
    cwd: path.join(root, "apps", app),
    env: {
      ...process.env,
      DATABASE_URL: E2E.databaseUrl,
      ...(port === null ? {} : { PORT: String(port) }),
      PORTAL_URL: E2E.portalUrl,
      NODE_ENV: "test",
      ...stripeEnv,
    },
    stdio: "inherit",
  });
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${app} exited (${code})`);
      process.exit(1);
    }
  });
  children.push(child);
}
let stopping = false;
start("portal", E2E.portalPort);
start("portal", E2E.secondPortalPort);
start("backoffice", E2E.backofficePort);
// Acts on the Stripe webhook inbox (and the other jobs); without SMTP_URL it sends no e-mail, so
// the specs read e-mails from the outbox.
start("worker", null);

function stop() {
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  void sandbox?.close().finally(() => fs.rmSync(stripeDir, { recursive: true, force: true }));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
