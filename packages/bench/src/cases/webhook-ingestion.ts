/**
 * Issue 4's webhook ingestion: 10,000 signed `payment_intent.succeeded` deliveries (8,000 events,
 * 2,000 of them delivered twice) in random order, POSTed to the portal's webhook route at bounded
 * concurrency; each is verified and stored in the inbox once per event id, and the worker
 * processes the inbox (the PaymentIntent re-read from the sandbox, the payment recorded and
 * applied exactly once). A run lasts from the first delivery until the worker has processed every
 * event. Its floor: the same 10,000 payloads inserted one statement each into a scratch copy of
 * the inbox table, at the same concurrency. After every run a check fails the case on anything
 * recorded twice, missing or over-applied.
 */

import http from "node:http";
import { withClient } from "@settle/db-tools/databases";
import { configureDatabase, disconnectDb, getDb } from "@settle/domain/db/client";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { ATTEMPT_METADATA_KEY, CUSTOMER_METADATA_KEY } from "@settle/domain/payments/start-card-payment";
import type { Stripe } from "@settle/domain/payments/stripe-client";
import pg from "pg";
import { startCpuMeter } from "../cpu.ts";
import { type LoadOptions, type Measurement, percentile } from "../load.ts";
import type { BenchStripe } from "../stripe.ts";
import {
  ATTEMPTS_PER_CUSTOMER,
  checkWebhookIngestion,
  type IngestionCheck,
  resetWebhookData,
  type WebhookData,
} from "../webhook-data.ts";
import { deliveryOrder, signDeliveries } from "../webhook-deliveries.ts";
import type { BenchCase, BenchContext } from "./types.ts";

/** 400 customers × 20 attempts: 8,000 PaymentIntents, one event each. */
const CUSTOMERS = 400;
const EVENTS = CUSTOMERS * ATTEMPTS_PER_CUSTOMER;
const DUPLICATES = 2_000;
const SEED = 4_2026;
/** The portal's webhook route (apps/portal/app/routes.ts). */
const WEBHOOK_PATH = "/webhooks/stripe";
/** Deliveries of the warm-up (the first ones of the same order, on freshly reset data). */
const WARMUP_DELIVERIES = 1_000;
/** A run stops sending after this long (signatures are valid for 300 s). */
const RUN_LIMIT_MS = 240_000;

interface Prepared {
  stripe: BenchStripe;
  /** One raw body per distinct event, as the sandbox would deliver it. */
  bodies: string[];
  events: { id: string; type: string; objectId: string; livemode: boolean; attemptId: string }[];
  /** Indices into `bodies`: every event once plus the duplicates, shuffled. */
  order: number[];
  /** Attempt id → its PaymentIntent. */
  paymentIntents: Map<string, string>;
  data: WebhookData;
  setupNotes: string[];
}

let prepared: Promise<Prepared> | undefined;
let lastRun:
  | {
      check: IngestionCheck;
      sent: number;
      duplicates: number;
      violations: number;
      resetSeconds: number;
      /** Sending every delivery (each answered once its event is stored). */
      seconds: number;
      /** From the first delivery until the worker had processed every event sent. */
      processedSeconds: number;
      /** CPU milliseconds per delivery: portal, PostgreSQL backends, bench process (load + sandbox). */
      cpuPerDelivery?: Record<string, number>;
    }
  | undefined;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Runs `task` over `items` with at most `concurrency` at a time. */
async function eachLimited<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Fresh webhook customers, invoices and attempts (the previous run's payments deleted). */
async function resetData(ctx: BenchContext): Promise<WebhookData> {
  return withClient(ctx.databaseUrl, (c) => resetWebhookData(c, CUSTOMERS));
}

/**
 * Once per bench process: the data, one succeeded PaymentIntent per attempt (created and
 * confirmed through the SDK, with the metadata startCardPayment puts on it), and the sandbox's
 * own `payment_intent.succeeded` events for them.
 */
function prepare(ctx: BenchContext): Promise<Prepared> {
  prepared ??= (async () => {
    const stripe = ctx.stripe;
    if (!stripe) throw new Error("The webhook cases need the Stripe sandbox (usesStripe).");
    let t = performance.now();
    const data = await resetData(ctx);
    const dataSeconds = seconds(t);
    if (data.attempts.length !== EVENTS)
      throw new Error(`${data.attempts.length} attempts, expected ${EVENTS}.`);

    t = performance.now();
    const paymentIntents = new Map<string, string>();
    await eachLimited(data.attempts, 20, async (attempt) => {
      const intent = await stripe.stripe.paymentIntents.create(
        {
          amount: attempt.amount,
          currency: "usd",
          payment_method: "pm_card_visa",
          confirm: true,
          metadata: { [ATTEMPT_METADATA_KEY]: attempt.id, [CUSTOMER_METADATA_KEY]: attempt.customerId },
          description: `Webhook Bench Customer (${attempt.accountNumber}): ${attempt.invoiceNumbers.join(", ")}`,
        },
        { idempotencyKey: `bench-webhook-pi-${attempt.id}` },
      );
      if (intent.status !== "succeeded") throw new Error(`PaymentIntent ${intent.id} is ${intent.status}.`);
      paymentIntents.set(attempt.id, intent.id);
    });
    const intentSeconds = seconds(t);

    t = performance.now();
    const ours = new Set(paymentIntents.values());
    const events: Stripe.Event[] = [];
    for await (const event of stripe.stripe.events.list({ type: "payment_intent.succeeded", limit: 100 })) {
      if (ours.has((event.data.object as { id: string }).id)) events.push(event);
    }
    if (events.length !== EVENTS)
      throw new Error(`${events.length} succeeded events in the sandbox, expected ${EVENTS}.`);
    events.sort((a, b) => (a.id < b.id ? -1 : 1));
    // As the sandbox's dispatcher sends them (and Stripe does): pretty-printed JSON.
    const bodies = events.map((e) => JSON.stringify({ ...e, pending_webhooks: 1 }, null, 2));
    const bytes = bodies.reduce((sum, b) => sum + b.length, 0) / bodies.length;
    return {
      stripe,
      bodies,
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        objectId: (e.data.object as { id: string }).id,
        livemode: e.livemode,
        attemptId: (e.data.object as Stripe.PaymentIntent).metadata[ATTEMPT_METADATA_KEY] as string,
      })),
      order: deliveryOrder(EVENTS, DUPLICATES, SEED),
      paymentIntents,
      data,
      setupNotes: [
        `setup: ${fmt(CUSTOMERS)} customers, ${fmt(data.invoices)} invoices, ${fmt(EVENTS)} attempts with ` +
          `${fmt(data.allocations)} allocations written in ${dataSeconds.toFixed(1)} s; ${fmt(EVENTS)} PaymentIntents ` +
          `created and confirmed (pm_card_visa) through the SDK in ${intentSeconds.toFixed(1)} s; ` +
          `${fmt(EVENTS)} events listed in ${seconds(t).toFixed(1)} s (${fmt(bytes)} bytes each on average)`,
      ],
    };
  })();
  return prepared;
}

interface Delivered {
  latencies: number[];
  seconds: number;
  statuses: Map<number, number>;
  errors: string[];
  duplicates: number;
  sent: number;
}

/** One POST over a pooled keep-alive connection: status and body. */
function post(
  agent: http.Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { ...headers, "Content-Length": Buffer.byteLength(body) },
        timeout: 60_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out after 60 s")));
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * POSTs the deliveries in order, `connections` at a time, over keep-alive loopback connections
 * (node:http with a pooled agent, like Stripe's own sender: the load generator shares the
 * machine's two cores with what it measures, so it should cost as little as it can).
 */
async function deliver(
  url: string,
  deliveries: readonly { body: string; signature: string }[],
  connections: number,
): Promise<Delivered> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url))
    throw new Error(`Deliveries go to the loopback interface only, not ${url}.`);
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const errors: string[] = [];
  let duplicates = 0;
  let sent = 0;
  const start = performance.now();
  const deadline = start + RUN_LIMIT_MS;
  try {
    await eachLimited(deliveries, connections, async (d) => {
      if (performance.now() > deadline) return;
      sent++;
      const t0 = performance.now();
      try {
        const response = await post(agent, target, d.body, {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": d.signature,
        });
        latencies.push(performance.now() - t0);
        if (response.status < 200 || response.status > 299) {
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        } else if ((JSON.parse(response.text) as { duplicate?: boolean }).duplicate) duplicates++;
      } catch (error) {
        errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    });
  } finally {
    agent.destroy();
  }
  return { latencies, seconds: seconds(start), statuses, errors, duplicates, sent };
}

/** Wrong statuses and failed requests (a run stopped at its time limit is reported, not failed). */
function problemsOf(d: Delivered): string[] {
  const problems: string[] = [];
  for (const [status, count] of d.statuses) problems.push(`${count} × HTTP ${status}`);
  if (d.errors.length) problems.push(`${d.errors.length} failed requests (first: ${d.errors[0]})`);
  return problems;
}

/** How long the worker may take to process what was delivered, after the last delivery. */
const DRAIN_LIMIT_MS = 240_000;

/**
 * Waits until the worker has processed every one of `eventIds` (the inbox row has processed_at).
 * Returns the events still unprocessed at the limit (0 when drained).
 */
async function waitForInbox(ctx: BenchContext, eventIds: readonly string[]): Promise<number> {
  const deadline = performance.now() + DRAIN_LIMIT_MS;
  return withClient(ctx.databaseUrl, async (c) => {
    for (;;) {
      const { rows } = await c.query<{ done: string }>(
        "SELECT count(processed_at) AS done FROM stripe_event WHERE id = ANY($1::text[])",
        [eventIds],
      );
      const pending = eventIds.length - Number(rows[0]?.done);
      if (pending === 0 || performance.now() > deadline) return pending;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
}

function measurement(latencies: number[], wallSeconds: number, problems: string[]): Measurement {
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / wallSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    problems,
  };
}

/** The domain's own ledger check over the webhook customers. */
async function ledgerViolations(ctx: BenchContext, customerIds: string[]): Promise<string[]> {
  configureDatabase(ctx.databaseUrl);
  try {
    const found = await findLedgerViolations(getDb(), customerIds);
    return found.map((v) => `${v.rule} ${v.itemId}: ${v.detail}`);
  } finally {
    await disconnectDb();
  }
}

const webhookUrl = (ctx: BenchContext) => `${ctx.apps.portal.baseUrl}${WEBHOOK_PATH}`;

export const webhookPlainInserts: BenchCase = {
  name: "webhook events plain inserts",
  description:
    "Floor for webhook ingestion: the same 10,000 payloads inserted one statement each (INSERT … ON CONFLICT (id) DO NOTHING) into a scratch copy of the inbox table, at the same concurrency, from the bench process.",
  work: "10,000 inserts",
  usesStripe: true,
  async check(ctx) {
    await prepare(ctx);
    await withClient(ctx.databaseUrl, async (c) => {
      await c.query("CREATE SCHEMA IF NOT EXISTS bench");
      await c.query("DROP TABLE IF EXISTS bench.webhook_inbox_floor");
      // The inbox's columns, defaults, primary key and index.
      await c.query("CREATE TABLE bench.webhook_inbox_floor (LIKE stripe_event INCLUDING ALL)");
    });
  },
  async run(ctx, load) {
    const p = await prepare(ctx);
    const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: load.connections });
    try {
      await pool.query("TRUNCATE bench.webhook_inbox_floor");
      // Open every connection before the clock starts, as the portal's pool is open by now.
      const clients = await Promise.all(Array.from({ length: load.connections }, () => pool.connect()));
      for (const client of clients) client.release();
      const latencies: number[] = [];
      const errors: string[] = [];
      const start = performance.now();
      await eachLimited(p.order, load.connections, async (i) => {
        const e = p.events[i]!;
        const t0 = performance.now();
        try {
          await pool.query(
            `INSERT INTO bench.webhook_inbox_floor (id, type, object_id, livemode, payload)
             VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (id) DO NOTHING`,
            [e.id, e.type, e.objectId, e.livemode, p.bodies[i]],
          );
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      });
      const wall = seconds(start);
      const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM bench.webhook_inbox_floor");
      const problems = errors.length ? [`${errors.length} failed inserts (first: ${errors[0]})`] : [];
      if (Number(rows[0]?.n) !== EVENTS) problems.push(`${rows[0]?.n} rows stored, expected ${EVENTS}`);
      return measurement(latencies, wall, problems);
    } finally {
      await pool.end();
    }
  },
};

export const webhookIngestion: BenchCase = {
  name: "webhook ingestion",
  description:
    "10,000 signed payment_intent.succeeded deliveries (8,000 events, 2,000 exact duplicates, shuffled) POSTed to the portal's webhook route (verified, stored once in the inbox) and processed by the worker (PaymentIntent re-read from the sandbox, payment recorded and applied exactly once); timed from the first delivery to the last event processed; checked after every run.",
  floor: webhookPlainInserts.name,
  target: { minPerSecond: 300 },
  work: `10,000 deliveries, at most ${RUN_LIMIT_MS / 1000} s`,
  usesStripe: true,
  async check(ctx) {
    const p = await prepare(ctx);
    await resetData(ctx);
    const first = p.order[0]!;
    const [good] = signDeliveries(
      p.stripe.stripe.webhooks,
      p.bodies,
      [first],
      p.stripe.webhookSecret,
      Date.now() / 1000,
    );
    const [forged] = signDeliveries(
      p.stripe.stripe.webhooks,
      p.bodies,
      [first],
      "whsec_not_the_portals",
      Date.now() / 1000,
    );
    const refused = await deliver(webhookUrl(ctx), [forged!], 1);
    if (refused.statuses.get(400) !== 1)
      throw new Error(
        `A forged signature was not refused with 400: ${JSON.stringify([...refused.statuses])}, ${refused.errors}`,
      );
    const accepted = await deliver(webhookUrl(ctx), [good!], 1);
    const problems = problemsOf(accepted);
    if (problems.length) throw new Error(`POST ${WEBHOOK_PATH}: ${problems.join(", ")}`);
    if (!ctx.worker) throw new Error("The webhook case needs the worker (it processes the inbox).");
    if ((await waitForInbox(ctx, [p.events[first]!.id])) > 0)
      throw new Error(`The worker did not process the event within ${DRAIN_LIMIT_MS / 1000} s.`);
  },
  async warmup(ctx, load) {
    const p = await prepare(ctx);
    await resetData(ctx);
    const order = p.order.slice(0, WARMUP_DELIVERIES);
    const signed = signDeliveries(
      p.stripe.stripe.webhooks,
      p.bodies,
      order,
      p.stripe.webhookSecret,
      Date.now() / 1000,
    );
    const problems = problemsOf(await deliver(webhookUrl(ctx), signed, load.connections));
    // Processed before the run's reset deletes the data the worker would still be writing.
    const pending = await waitForInbox(
      ctx,
      [...new Set(order)].map((i) => p.events[i]!.id),
    );
    if (pending > 0) problems.push(`${pending} events not processed within ${DRAIN_LIMIT_MS / 1000} s`);
    if (problems.length) throw new Error(problems.join(", "));
  },
  async run(ctx, load: LoadOptions) {
    const p = await prepare(ctx);
    const t = performance.now();
    const data = await resetData(ctx);
    const resetSeconds = seconds(t);
    if (
      data.attempts.some((a, i) => a.id !== p.data.attempts[i]?.id || a.amount !== p.data.attempts[i]?.amount)
    )
      throw new Error("The recreated attempts differ from the PaymentIntents' attempts.");
    const signed = signDeliveries(
      p.stripe.stripe.webhooks,
      p.bodies,
      p.order,
      p.stripe.webhookSecret,
      Date.now() / 1000,
    );
    const meter = startCpuMeter(
      [
        { label: "portal", pid: ctx.apps.portal.pid },
        ...(ctx.worker ? [{ label: "worker", pid: ctx.worker.pid }] : []),
      ],
      new URL(ctx.databaseUrl).pathname.slice(1),
    );
    const start = performance.now();
    const delivered = await deliver(webhookUrl(ctx), signed, load.connections);
    // What was sent (all of it, unless the time limit stopped the run): the run ends when the
    // worker has processed every one of those events.
    const sentEvents = [...new Set(p.order.slice(0, delivered.sent))].map((i) => p.events[i]!);
    const unprocessed = await waitForInbox(
      ctx,
      sentEvents.map((e) => e.id),
    );
    const processedSeconds = seconds(start);
    const cpu = meter.stop();
    const problems = problemsOf(delivered);
    if (unprocessed > 0)
      problems.push(`${unprocessed} events not processed ${DRAIN_LIMIT_MS / 1000} s after the last delivery`);

    // Those events' attempts must be paid exactly once, the others untouched.
    const check = await withClient(ctx.databaseUrl, (c) =>
      checkWebhookIngestion(c, {
        paymentIntents: new Map(sentEvents.map((e) => [e.attemptId, e.objectId])),
        eventIds: sentEvents.map((e) => e.id),
        attempts: data.attempts.length,
        invoices: data.invoices,
      }),
    );
    const violations = await ledgerViolations(ctx, data.customerIds);
    problems.push(...check.problems);
    if (violations.length) problems.push(`ledger: ${violations.length} violations (first: ${violations[0]})`);
    const duplicatesSent = delivered.sent - sentEvents.length;
    if (delivered.duplicates !== duplicatesSent && problems.length === 0)
      problems.push(`${delivered.duplicates} deliveries answered as duplicates, expected ${duplicatesSent}`);
    lastRun = {
      check,
      sent: delivered.sent,
      duplicates: delivered.duplicates,
      violations: violations.length,
      resetSeconds,
      seconds: delivered.seconds,
      processedSeconds,
      cpuPerDelivery:
        cpu && delivered.sent
          ? Object.fromEntries(Object.entries(cpu).map(([k, ms]) => [k, ms / delivered.sent]))
          : undefined,
    };
    // Throughput over the whole pipeline: first delivery to the last event processed. The
    // table's CPU per delivery: the app's is the portal's and the worker's together.
    const m = measurement(delivered.latencies, processedSeconds, problems);
    const perDelivery = lastRun.cpuPerDelivery;
    return perDelivery
      ? {
          ...m,
          cpu: {
            app: (perDelivery.portal ?? 0) + (perDelivery.worker ?? 0),
            postgres: perDelivery.postgres ?? 0,
          },
        }
      : m;
  },
  async notes(ctx) {
    const p = await prepare(ctx);
    if (!lastRun) return p.setupNotes;
    const n = lastRun.check.counts;
    const all = p.order.length;
    return [
      ...p.setupNotes,
      `each run: the webhook customers' data recreated in ${lastRun.resetSeconds.toFixed(1)} s (not measured), then ` +
        `${fmt(all)} deliveries, ${fmt(DUPLICATES)} of them duplicates, within ${RUN_LIMIT_MS / 1000} s`,
      lastRun.sent < all
        ? `last run: STOPPED at the time limit after ${lastRun.seconds.toFixed(0)} s with ${fmt(lastRun.sent)} of ${fmt(all)} ` +
          `deliveries sent (the throughput is over those); the check below covers what was sent`
        : `last run: all ${fmt(all)} deliveries sent (each answered once stored) in ${lastRun.seconds.toFixed(1)} s ` +
          `(${fmt(all / lastRun.seconds)}/s); every event processed by the worker ${lastRun.processedSeconds.toFixed(1)} s ` +
          `after the first delivery (${fmt(all / lastRun.processedSeconds)} deliveries/s, the table's throughput)`,
      `last run: every response 2xx; ${fmt(lastRun.duplicates)} answered as duplicates; ${fmt(n.succeeded ?? 0)} of ` +
        `${fmt(n.attempts ?? 0)} attempts paid, each with exactly one PAYMENT item of its own PaymentIntent ` +
        `(${fmt(n.payments ?? 0)} items), the undelivered ones untouched; ${fmt(n.applications ?? 0)} applications = ` +
        `their ${fmt(n.allocations_paid ?? 0)} allocations, each applied once; ${fmt(n.over_applied_invoices ?? 0)} invoices ` +
        `over-applied, ${fmt(n.invoices_paid_in_full ?? 0)} of ${fmt(n.invoices ?? 0)} paid in full; ` +
        `${fmt(n.receipts ?? 0)} receipts queued; inbox ${fmt(n.inbox_events ?? 0)} events, ${fmt(n.inbox_processed ?? 0)} processed`,
      `ledger check (findLedgerViolations) over the ${fmt(CUSTOMERS)} webhook customers: ` +
        (lastRun.violations ? `${lastRun.violations} violations` : "no violations"),
      ...(lastRun.cpuPerDelivery
        ? [
            `last run, CPU per delivery: ${Object.entries(lastRun.cpuPerDelivery)
              .map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`)
              .join(", ")} (bench = load generator and Stripe sandbox)`,
          ]
        : []),
    ];
  },
};
