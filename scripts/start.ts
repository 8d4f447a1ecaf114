/**
 * `npm start`: everything Settle needs on one machine. PostgreSQL (embedded under .data/ unless
 * DATABASE_URL is set), pending migrations, demo data on an empty database, production builds of
 * both apps (cached by Turborepo), the local Stripe sandbox (unless STRIPE_SECRET_KEY is set),
 * then the portal, the back office and the worker.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { type ResolvedDatabase, resolveDatabase } from "../packages/db-tools/src/databases.ts";
import { leaveSignalsToCaller } from "../packages/db-tools/src/embedded-server.ts";
import { deployMigrations } from "../packages/db-tools/src/migrations.ts";
import { stopInOrder } from "../packages/db-tools/src/stop-in-order.ts";

const root = path.resolve(import.meta.dirname, "..");
// Node itself with tsx's loader: one process per service, so SIGTERM reaches the process that
// holds the connections (wrappers such as npx, npm or the tsx command add a parent process, which
// leaves its child behind when it is killed).
const TS = ["--import", "tsx"];
const PORTAL_PORT = Number(process.env.PORTAL_PORT ?? 3000);
const BACKOFFICE_PORT = Number(process.env.BACKOFFICE_PORT ?? 3001);
const STRIPE_SANDBOX_PORT = Number(process.env.STRIPE_SANDBOX_PORT ?? 12111);
// Must match the portal's webhook route (apps/portal/app/routes.ts).
const WEBHOOK_PATH = "/webhooks/stripe";
const SANDBOX_WEBHOOK_SECRET = "whsec_settle_local_sandbox";
const started = Date.now();
const children: ChildProcess[] = [];
let database: ResolvedDatabase | undefined;
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = root,
): ChildProcess {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${name}]`.padEnd(13);
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = "";
    stream?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) console.log(`${prefix} ${line}`);
    });
  }
  children.push(child);
  return child;
}

function finished(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${what} failed (exit ${code}).`)),
    );
  });
}

async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s.`);
}

async function main() {
  // The embedded server runs in a process of its own, out of reach of Ctrl+C: it stops after the
  // services, once they have closed their connections.
  const db = await resolveDatabase("dev", process.env.DATABASE_URL, { ownProcess: true });
  database = db;
  console.log(`Database ready (${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}) after ${elapsed()}`);
  const { applied } = await deployMigrations(db.url);
  if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);

  // The seed and the builds are independent: run them side by side.
  const seed = finished(
    run("seed", process.execPath, [...TS, "scripts/seed.ts"], { DATABASE_URL: db.url }),
    "Seeding",
  );
  const build = finished(
    run(
      "build",
      "npx",
      [
        "turbo",
        "run",
        "build",
        "--filter=@settle/portal",
        "--filter=@settle/backoffice",
        "--output-logs=errors-only",
      ],
      {
        TURBO_TELEMETRY_DISABLED: "1",
      },
    ),
    "Building the apps",
  );
  await Promise.all([seed, build]);

  const portalUrl = `http://localhost:${PORTAL_PORT}`;
  const backofficeUrl = `http://localhost:${BACKOFFICE_PORT}`;
  const common: NodeJS.ProcessEnv = { DATABASE_URL: db.url, NODE_ENV: process.env.NODE_ENV ?? "development" };

  // Without a Stripe key, card payments go to the local sandbox, which signs its webhooks with a
  // secret the apps are given here.
  let stripeLine = "Stripe       STRIPE_SECRET_KEY is set: payments go to Stripe";
  if (process.env.SETTLE_CARD_PAYMENTS === "off") {
    stripeLine = "Stripe       card payments are switched off (SETTLE_CARD_PAYMENTS=off)";
  } else if (!process.env.STRIPE_SECRET_KEY && common.NODE_ENV === "production") {
    // Production means real Stripe: the apps switch card payments off rather than use a sandbox.
    stripeLine = "Stripe       card payments are off: production without STRIPE_SECRET_KEY";
  } else if (!process.env.STRIPE_SECRET_KEY) {
    const sandboxUrl = `http://127.0.0.1:${STRIPE_SANDBOX_PORT}`;
    const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || SANDBOX_WEBHOOK_SECRET;
    run(
      "stripe",
      process.execPath,
      [...TS, "src/main.ts"],
      {
        STRIPE_SANDBOX_PORT: String(STRIPE_SANDBOX_PORT),
        STRIPE_SANDBOX_DATA_DIR:
          process.env.STRIPE_SANDBOX_DATA_DIR ?? path.join(root, ".data/stripe-sandbox"),
        STRIPE_WEBHOOK_URL: `http://127.0.0.1:${PORTAL_PORT}${WEBHOOK_PATH}`,
        STRIPE_WEBHOOK_SECRET: webhookSecret,
      },
      path.join(root, "packages/stripe-sandbox"),
    );
    await waitForHttp(`${sandboxUrl}/_sandbox/health`);
    Object.assign(common, { STRIPE_SANDBOX_URL: sandboxUrl, STRIPE_WEBHOOK_SECRET: webhookSecret });
    stripeLine = `Stripe       local sandbox at ${sandboxUrl} (test card 4242 4242 4242 4242)`;
  }
  run(
    "portal",
    process.execPath,
    [...TS, "server.ts"],
    { ...common, PORT: String(PORTAL_PORT), PORTAL_URL: portalUrl },
    path.join(root, "apps/portal"),
  );
  run(
    "backoffice",
    process.execPath,
    [...TS, "server.ts"],
    { ...common, PORT: String(BACKOFFICE_PORT), PORTAL_URL: portalUrl },
    path.join(root, "apps/backoffice"),
  );
  run(
    "worker",
    process.execPath,
    [...TS, "src/main.ts"],
    { ...common, PORTAL_URL: portalUrl },
    path.join(root, "apps/worker"),
  );
  await Promise.all([waitForHttp(`${portalUrl}/healthz`), waitForHttp(`${backofficeUrl}/healthz`)]);

  console.log(`
Settle is running (ready in ${elapsed()}).

  Portal       ${portalUrl}
               sign in as demo@portal.example: the one-time code arrives in the dev mailbox
  Back office  ${backofficeUrl}
               admin@settle.example / settle-demo-2026 (also manager@, collector@, cash@,
               disputes@, credit@settle.example with the same password)
  Dev mailbox  ${backofficeUrl}/dev/mailbox
  ${stripeLine}
  Database     ${db.url}

Press Ctrl+C to stop.`);
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // Apps, worker and sandbox first, so they finish and close their connections; then PostgreSQL.
  await stopInOrder(children, database ?? { stop: async () => {} });
  process.exit(code);
}
leaveSignalsToCaller();
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stop(1);
});
