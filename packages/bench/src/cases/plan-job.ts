/**
 * Issue 14's daily payment plan job: `runPaymentPlans` over 10,000 ACTIVE plans (the large
 * scale; fewer where the data set holds fewer, and the notes say so) in under 30 s, and a second
 * run on the same day that charges, changes and sends nothing. The job runs in the bench process
 * against the bench database (the worker's code, not its schedule), autopay charges go to the
 * bench's Stripe sandbox.
 *
 * Every run recreates the plans (plan-job-data.ts, not measured) so that the first run has the
 * same work each time: most plans nothing to do, about 5% a reminder, 2% a broken-plan task (a
 * third of them the default), 1% completed, 2% an autopay instalment charged. The case fails when
 * the second run did anything (charged, changed an instalment or plan, queued an e-mail) or the
 * ledger check finds a violation after the runs.
 */
import { availableParallelism } from "node:os";
import { withClient } from "@settle/db-tools/databases";
import { configureDatabase, disconnectDb, getDb } from "@settle/domain/db/client";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import { getPlanPolicy } from "@settle/domain/plans/plan-policy";
import { type PlanRunResult, runPaymentPlans } from "@settle/domain/plans/run-payment-plans";
import type pg from "pg";
import { startCpuMeter } from "../cpu.ts";
import { type Measurement, median } from "../load.ts";
import { firstRunDifferences, secondRunProblems } from "../plan-job-checks.ts";
import {
  JOB_ACTOR,
  PLAN_KEY_PREFIX,
  type PlanJobData,
  planJobState,
  resetPlanJobData,
  type SandboxCard,
  saveSandboxCards,
} from "../plan-job-data.ts";
import { type ExpectedRun, expectedFirstRun, PLAN_SLICES, type PlanPolicyDays } from "../plan-job-shape.ts";
import type { BenchStripe } from "../stripe.ts";
import type { BenchCase, BenchContext } from "./types.ts";

const PLANS = 10_000;
/** Plans per transaction in the job (run-payment-plans.ts, BATCH). */
const PLAN_BATCH = 500;
const TARGET_SECONDS = 30;
/** The warm-up's small run: the plans of this many accounts. */
const WARMUP_ACCOUNTS = 25;

interface Prepared {
  stripe: BenchStripe;
  /** The runs' moment: both runs of every repeat are on this day. */
  now: Date;
  policies: Map<string, PlanPolicyDays>;
  /** Cards saved on this process's sandbox, by account. */
  cards: Map<string, SandboxCard>;
}

let prepared: Promise<Prepared> | undefined;
let lastRun:
  | {
      data: PlanJobData;
      resetSeconds: number;
      first: PlanRunResult;
      firstSeconds: number;
      second: PlanRunResult;
      secondSeconds: number;
      queued: number;
      tasks: number;
      expected: ExpectedRun;
      cpu?: Record<string, number>;
      timeline: Timeline;
      violations: string[];
    }
  | undefined;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (since: number) => (performance.now() - since) / 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Once per bench process: the run's day, the domain's database and Stripe, the policies. */
function prepare(ctx: BenchContext): Promise<Prepared> {
  prepared ??= (async () => {
    const stripe = ctx.stripe;
    if (!stripe) throw new Error("The plan job case needs the Stripe sandbox (usesStripe).");
    configureDatabase(ctx.databaseUrl);
    configureStripe({ sandboxUrl: stripe.url, webhookSecret: stripe.webhookSecret });
    const policies = await withDomain(async () => {
      const entities = await getDb().legalEntity.findMany({ select: { id: true } });
      const found = new Map<string, PlanPolicyDays>();
      for (const { id } of entities) found.set(id, await getPlanPolicy(id));
      return found;
    });
    return { stripe, now: new Date(), policies, cards: new Map() };
  })();
  return prepared;
}

/**
 * Runs `fn` with the domain's connection pool, closed afterwards (so that the bench's database
 * server is not held open by it, and each run starts with the pool a worker would have at start).
 */
async function withDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    await disconnectDb();
  }
}

async function resetData(ctx: BenchContext, p: Prepared): Promise<PlanJobData> {
  return withClient(ctx.databaseUrl, (c) =>
    resetPlanJobData(c, {
      today: isoDay(p.now),
      target: PLANS,
      bigCustomerId: ctx.dataset.bigCustomerId,
      staffUserId: ctx.dataset.staffUserId,
      policies: p.policies,
      cardsFor: (customers) => saveSandboxCards(p.stripe.stripe, p.cards, customers),
    }),
  );
}

/** Job actions in the batches' transactions (sync and missed-instalment steps). */
const BATCH_ACTIONS = [
  "payment-plan.instalment-paid",
  "payment-plan.activate",
  "payment-plan.complete",
  "payment-plan.instalment-missed",
  "payment-plan.instalment-broken",
  "payment-plan.default",
];

interface Timeline {
  /** Seconds from the run's start to the first batch transaction that wrote. */
  beforeBatches: number;
  /** Each writing batch transaction: from its start to the next one's (the last: to the first charge). */
  batches: number[];
  /** From the first charge's transaction to the run's end. */
  charges: number;
}

/**
 * Where the first run's time went, read afterwards from the database's own timestamps: every
 * audit event of a transaction carries its start (now()), so the batches' writes mark when each
 * batch transaction began and the first charge's audit when the charges began.
 */
async function timeline(c: pg.Client, from: Date, to: Date): Promise<Timeline> {
  const { rows } = await c.query<{ batches: Date[] | null; charges: Date | null }>(
    `WITH ours AS (SELECT DISTINCT customer_id FROM payment_plan WHERE idempotency_key LIKE $1),
     job AS MATERIALIZED (
       SELECT at, action FROM audit_event
        WHERE customer_id IN (SELECT customer_id FROM ours) AND actor_type = 'system' AND actor_id = $2
          AND at BETWEEN $3 AND $4
     ), charges AS (SELECT min(at) AS at FROM job WHERE action = 'payment-plan.charge')
     SELECT (SELECT array_agg(DISTINCT at ORDER BY at) FROM job
              WHERE action = ANY($5::text[]) AND at < coalesce((SELECT at FROM charges), 'infinity')) AS batches,
            (SELECT at FROM charges) AS charges`,
    [`${PLAN_KEY_PREFIX}%`, JOB_ACTOR, from, to, BATCH_ACTIONS],
  );
  const starts = (rows[0]?.batches ?? []).map((d) => d.getTime());
  const chargesFrom = rows[0]?.charges?.getTime() ?? to.getTime();
  const ends = [...starts.slice(1), chargesFrom];
  return {
    beforeBatches: ((starts[0] ?? chargesFrom) - from.getTime()) / 1000,
    batches: starts.map((s, i) => ((ends[i] ?? s) - s) / 1000),
    charges: (to.getTime() - chargesFrom) / 1000,
  };
}

async function ledgerViolations(customerIds: string[]): Promise<string[]> {
  const found = await findLedgerViolations(getDb(), customerIds);
  return found.map((v) => `${v.rule} ${v.itemId}: ${v.detail}`);
}

const portalUrl = (ctx: BenchContext) => ctx.apps.portal.baseUrl;

const describeResult = (r: PlanRunResult) =>
  `${fmt(r.instalments)} instalments changed, ${fmt(r.activated)} activated, ${fmt(r.completed)} completed, ` +
  `${fmt(r.reminded)} reminded, ${fmt(r.broken)} broken, ${fmt(r.defaulted)} defaulted, ${fmt(r.expired)} expired; ` +
  `${fmt(r.charged)} charged (${fmt(r.succeeded)} succeeded, ${fmt(r.failed)} failed, ${fmt(r.deferred)} deferred)`;

function timelineNote(t: Timeline, plans: number, charged: number): string {
  const sorted = [...t.batches].sort((a, b) => a - b);
  const total = t.batches.reduce((sum, b) => sum + b, 0);
  const batches = sorted.length
    ? `${sorted.length} batch transactions that wrote (of ${Math.ceil(plans / PLAN_BATCH)} batches of ${PLAN_BATCH} plans; ` +
      `one without a write counts with the one before it) in ${total.toFixed(1)} s: median ${median(sorted).toFixed(2)} s, ` +
      `slowest ${sorted.at(-1)!.toFixed(2)} s (the last one includes finding the autopay plans due)`
    : "no batch transaction wrote";
  return (
    `where the first run's time went (from the database's timestamps): ${t.beforeBatches.toFixed(2)} s until the first ` +
    `batch transaction began (expiring offers, the first batch's query); ${batches}; ${fmt(charged)} autopay charges ${t.charges.toFixed(1)} s` +
    (charged ? ` (${((t.charges * 1000) / charged).toFixed(0)} ms each)` : "")
  );
}

export const planJob: BenchCase = {
  name: `plan job (${fmt(PLANS)} plans)`,
  description:
    `The daily payment plan job (runPaymentPlans, in the bench process) over ${fmt(PLANS)} ACTIVE plans of the data set's accounts (fewer where the scale holds fewer: the notes say how many), recreated before every run: most with nothing to do, ~5% an instalment newly past grace (reminder e-mails), ~2% reminded long enough ago (broken-plan tasks, a third of them defaulting), ~1% whose invoices were paid (completed), ~2% autopay with an instalment due today charged to a card saved on the Stripe sandbox. ` +
    `Timed: the first run (the table's latency and plans/s); then a second run on the same day, which fails the case if it charges, changes an instalment or plan, or queues an e-mail; and the ledger check over the plans' accounts.`,
  target: { maxSeconds: TARGET_SECONDS },
  work: `${fmt(PLANS)} active plans`,
  usesStripe: true,
  async warmup(ctx) {
    const p = await prepare(ctx);
    const data = await resetData(ctx, p);
    if (data.plans === 0) throw new Error("The data set has no open invoices to put under a plan.");
    // A small run: the plans of a few accounts, each kind of work once or so.
    await withDomain(() =>
      runPaymentPlans({
        now: p.now,
        customerIds: data.customerIds.slice(0, WARMUP_ACCOUNTS),
        portalUrl: portalUrl(ctx),
      }),
    );
  },
  async run(ctx): Promise<Measurement> {
    const p = await prepare(ctx);
    let t = performance.now();
    const data = await resetData(ctx, p);
    const resetSeconds = seconds(t);
    const run = await withClient(ctx.databaseUrl, (c) =>
      withDomain(async () => {
        const clock = async () =>
          (await c.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]!.now;
        const start = await planJobState(c);
        const meter = startCpuMeter([], new URL(ctx.databaseUrl).pathname.slice(1));
        const from = await clock();
        t = performance.now();
        const first = await runPaymentPlans({ now: p.now, portalUrl: portalUrl(ctx) });
        const firstSeconds = seconds(t);
        const to = await clock();
        const cpu = meter.stop();

        const before = await planJobState(c);
        t = performance.now();
        const second = await runPaymentPlans({ now: p.now, portalUrl: portalUrl(ctx) });
        const secondSeconds = seconds(t);
        const after = await planJobState(c);
        return {
          first,
          firstSeconds,
          second,
          secondSeconds,
          cpu,
          start,
          before,
          after,
          timeline: await timeline(c, from, to),
          violations: await ledgerViolations(data.chargedCustomerIds),
        };
      }),
    );
    const { first, firstSeconds, second, secondSeconds, cpu, start, before, after, violations } = run;
    const problems = secondRunProblems(second, before, after);
    if (violations.length) problems.push(`ledger: ${violations.length} violations (first: ${violations[0]})`);
    lastRun = {
      timeline: run.timeline,
      data,
      resetSeconds,
      first,
      firstSeconds,
      second,
      secondSeconds,
      queued: before.outbox - start.outbox,
      tasks: before.tasks - start.tasks,
      expected: expectedFirstRun(data.counts),
      cpu,
      violations,
    };
    const ms = firstSeconds * 1000;
    return {
      rps: data.plans / firstSeconds,
      p50: ms,
      p95: ms,
      p99: ms,
      requests: data.plans,
      seconds: firstSeconds,
      // Per plan: the bench process runs the job (and the sandbox), PostgreSQL its queries.
      cpu:
        cpu && data.plans
          ? { app: (cpu.bench ?? 0) / data.plans, postgres: (cpu.postgres ?? 0) / data.plans }
          : undefined,
      problems,
    };
  },
  async notes() {
    if (!lastRun) return [];
    const { data, first, second, cpu } = lastRun;
    const slices = PLAN_SLICES.filter((s) => data.counts[s] > 0)
      .map((s) => `${s} ${fmt(data.counts[s])}`)
      .join(", ");
    const differences = firstRunDifferences(first, lastRun.expected);
    return [
      data.plans < PLANS
        ? `this scale holds ${fmt(data.plans)} plans, not ${fmt(PLANS)} (${fmt(data.openAvailable)} plans' worth of open invoices, ` +
          `${fmt(data.paidAvailable)} accounts with a paid invoice): the ${TARGET_SECONDS} s target is for ${fmt(PLANS)} plans (--scale large)`
        : `${fmt(data.plans)} plans, as the issue asks`,
      `data (recreated before each run in ${lastRun.resetSeconds.toFixed(1)} s, not measured): ${fmt(data.plans)} ACTIVE plans ` +
        `of ${fmt(data.customerIds.length)} accounts over ${fmt(data.openInvoices)} open invoices and ${fmt(data.paidInvoices)} paid ones, ` +
        `${fmt(data.instalments)} instalments, ${fmt(data.customerIds.length)} payers, ${fmt(data.cards)} cards saved on the sandbox; slices: ${slices}`,
      `first run (of the last repeat): ${lastRun.firstSeconds.toFixed(2)} s (${fmt(data.plans / lastRun.firstSeconds)} plans/s): ${describeResult(first)}; ` +
        `${fmt(lastRun.queued)} e-mails queued, ${fmt(lastRun.tasks)} collector tasks raised`,
      differences.length
        ? `first run differs from what the data was shaped for: ${differences.join("; ")}`
        : "first run's reminders, broken plans, defaults, completions and charges: as many as the data was shaped for",
      `second run (same day): ${lastRun.secondSeconds.toFixed(2)} s: ${describeResult(second)}`,
      ...(cpu
        ? [
            `first run's CPU: bench process (the job, Prisma, the Stripe sandbox) ${((cpu.bench ?? 0) / 1000).toFixed(1)} s, ` +
              `PostgreSQL ${((cpu.postgres ?? 0) / 1000).toFixed(1)} s, in ${lastRun.firstSeconds.toFixed(1)} s wall time ` +
              `on ${availableParallelism()} cores`,
          ]
        : []),
      timelineNote(lastRun.timeline, data.plans, first.charged),
      `ledger check (findLedgerViolations) over the ${fmt(data.chargedCustomerIds.length)} accounts whose autopay instalments ` +
        `were charged (the job moves money for no others; the reset took the previous run's charges back out for them): ` +
        (lastRun.violations.length ? `${lastRun.violations.length} violations` : "no violations"),
    ];
  },
};
