import { createHmac } from "node:crypto";
import type Stripe from "stripe";
import { newId } from "./ids.ts";
import type { RetryPolicy, Sandbox, WebhookEndpointConfig } from "./sandbox.ts";
import type { Store } from "./store.ts";

export interface DeliveryAttempt {
  /** Real time (ms) the attempt started. */
  at: number;
  durationMs: number;
  status: number | null;
  error: string | null;
  /** The first bytes of the endpoint's answer, for debugging a failing handler. */
  responseBody: string | null;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  status: "pending" | "held" | "succeeded" | "failed";
  attempts: DeliveryAttempt[];
  /** Real time (ms) the next attempt is due. */
  nextAttemptAt: number | null;
  /** Among due deliveries of one endpoint, the lowest goes first. */
  order: number;
  createdAt: number;
  /** True for the extra copy sent by the duplicate control. */
  duplicate: boolean;
  /** True when sent again through the redeliver control. */
  redelivery: boolean;
}

/** `t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">`, verifiable by `stripe.webhooks.constructEvent`. */
export function signPayload(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

export const DEFAULT_RETRY: RetryPolicy = {
  initialMs: 5_000,
  factor: 2,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 12,
};

export function retryDelay(policy: RetryPolicy, attemptsSoFar: number): number {
  return Math.min(policy.initialMs * policy.factor ** Math.max(0, attemptsSoFar - 1), policy.maxDelayMs);
}

/**
 * Signed webhook delivery with retries. Deliveries live in the store, so a restart resumes them.
 * Each endpoint receives one request at a time, due deliveries in `order`; a failed attempt is
 * retried with exponential backoff until `maxAttempts`, then marked failed.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private abort = new AbortController();
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly sb: Sandbox,
    private readonly store: Store,
    private readonly opts: { retry: RetryPolicy; timeoutMs: number; log: (line: string) => void },
  ) {}

  endpoints(): WebhookEndpointConfig[] {
    return this.sb.settings.endpoints;
  }

  deliveries(): Delivery[] {
    return [...this.store.values<Delivery>("deliveries")];
  }

  pendingFor(eventId: string): number {
    let n = 0;
    for (const d of this.store.values<Delivery>("deliveries")) {
      if (d.eventId === eventId && (d.status === "pending" || d.status === "held")) n++;
    }
    return n;
  }

  delivered(eventId: string): boolean {
    return (
      this.pendingFor(eventId) === 0 &&
      !this.deliveries().some((d) => d.eventId === eventId && d.status === "failed")
    );
  }

  /** Called for each new event: one delivery per subscribed endpoint (two under the duplicate control). */
  enqueue(event: Stripe.Event): void {
    const settings = this.sb.settings;
    const endpoints = settings.endpoints.filter(
      (e) => e.events.includes("*") || e.events.includes(event.type),
    );
    if (endpoints.length === 0) return;
    const copies = settings.duplicateNext > 0 ? 2 : 1;
    const hold = settings.holdNext > 0;
    const delay = settings.delayNext.count > 0 ? settings.delayNext.ms : 0;
    this.sb.updateSettings((s) => {
      if (s.duplicateNext > 0) s.duplicateNext--;
      if (s.holdNext > 0) s.holdNext--;
      if (s.delayNext.count > 0) s.delayNext.count--;
    });
    for (const endpoint of endpoints) {
      for (let copy = 0; copy < copies; copy++)
        this.create(event, endpoint, { hold, delay, duplicate: copy > 0 });
    }
  }

  private create(
    event: Pick<Stripe.Event, "id" | "type">,
    endpoint: WebhookEndpointConfig,
    opts: { hold?: boolean; delay?: number; duplicate?: boolean; redelivery?: boolean },
  ): Delivery {
    const now = Date.now();
    const delivery: Delivery = {
      id: newId("whdel"),
      eventId: event.id,
      eventType: event.type,
      endpointId: endpoint.id,
      url: endpoint.url,
      status: opts.hold ? "held" : "pending",
      attempts: [],
      nextAttemptAt: opts.hold ? null : now + (opts.delay ?? 0),
      order: this.nextOrder(),
      createdAt: now,
      duplicate: opts.duplicate ?? false,
      redelivery: opts.redelivery ?? false,
    };
    this.store.put("deliveries", delivery.id, delivery);
    return delivery;
  }

  private nextOrder(): number {
    return this.sb.updateSettings((s) => {
      s.deliverySeq++;
    }).deliverySeq;
  }

  redeliver(event: Stripe.Event, endpointId?: string): Delivery[] {
    const endpoints = this.endpoints().filter((e) => !endpointId || e.id === endpointId);
    return endpoints.map((e) => this.create(event, e, { redelivery: true }));
  }

  /** Releases held deliveries in the given order (they are sent one by one per endpoint). */
  release(order: "fifo" | "reverse" | "shuffle", seed?: number): Delivery[] {
    const held = this.deliveries()
      .filter((d) => d.status === "held")
      .sort((a, b) => a.order - b.order);
    if (order === "reverse") held.reverse();
    if (order === "shuffle") shuffle(held, seed ?? Date.now());
    const now = Date.now();
    for (const d of held) {
      d.status = "pending";
      d.nextAttemptAt = now;
      d.order = this.nextOrder();
      this.store.put("deliveries", d.id, d);
    }
    this.sb.updateSettings((s) => {
      s.holdNext = 0;
    });
    return held;
  }

  start(): void {
    this.stopped = false;
    this.abort = new AbortController();
    // A retry schedule given at this start applies to deliveries already waiting for a retry.
    for (const d of this.store.values<Delivery>("deliveries")) {
      const last = d.attempts.at(-1);
      if (d.status !== "pending" || !last || d.nextAttemptAt === null) continue;
      const due = last.at + retryDelay(this.opts.retry, d.attempts.length);
      if (due < d.nextAttemptAt) {
        d.nextAttemptAt = due;
        this.store.put("deliveries", d.id, d);
      }
    }
    this.store.commit();
    this.wake();
  }

  /** Stops sending; waits for requests in flight (bounded by the delivery timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Resolves once nothing is pending (held deliveries do not count), or after `timeoutMs`. */
  waitIdle(timeoutMs: number): Promise<boolean> {
    if (this.idle()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(t);
        this.waiters.delete(check);
        resolve(ok);
      };
      const check = () => {
        if (this.idle()) done(true);
      };
      const t = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(check);
    });
  }

  private idle(): boolean {
    if (this.busy.size > 0) return false;
    for (const d of this.store.values<Delivery>("deliveries")) if (d.status === "pending") return false;
    return true;
  }

  /** Sends whatever is due and sets a timer for the next due delivery. */
  wake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const check of [...this.waiters]) check();
    if (this.sb.settings.paused) return;
    const now = Date.now();
    const due = new Map<string, Delivery>();
    let next = Number.POSITIVE_INFINITY;
    for (const d of this.store.values<Delivery>("deliveries")) {
      if (d.status !== "pending" || d.nextAttemptAt === null) continue;
      if (this.busy.has(d.endpointId)) continue;
      if (d.nextAttemptAt > now) {
        next = Math.min(next, d.nextAttemptAt);
        continue;
      }
      const current = due.get(d.endpointId);
      if (!current || d.order < current.order) due.set(d.endpointId, d);
    }
    for (const d of due.values()) this.send(d);
    if (Number.isFinite(next)) this.timer = setTimeout(() => this.wake(), Math.max(0, next - now));
  }

  private send(d: Delivery): void {
    const endpoint = this.endpoints().find((e) => e.id === d.endpointId);
    const event = this.sb.find<Stripe.Event>(d.eventId);
    if (!endpoint || !event) {
      d.status = "failed";
      d.nextAttemptAt = null;
      this.store.put("deliveries", d.id, d);
      this.store.commit();
      return;
    }
    this.busy.add(d.endpointId);
    const p = this.attempt(d, endpoint, event).finally(() => {
      this.busy.delete(d.endpointId);
      this.inFlight.delete(p);
      this.wake();
    });
    this.inFlight.add(p);
  }

  private async attempt(d: Delivery, endpoint: WebhookEndpointConfig, event: Stripe.Event): Promise<void> {
    const payload = JSON.stringify(
      { ...event, pending_webhooks: Math.max(1, this.pendingFor(event.id)) },
      null,
      2,
    );
    const started = Date.now();
    const attempt: DeliveryAttempt = {
      at: started,
      durationMs: 0,
      status: null,
      error: null,
      responseBody: null,
    };
    try {
      const res = await fetch(endpoint.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": signPayload(payload, endpoint.secret),
        },
        body: payload,
        signal: AbortSignal.any([AbortSignal.timeout(this.opts.timeoutMs), this.abort.signal]),
        redirect: "manual",
      });
      attempt.status = res.status;
      attempt.responseBody = (await res.text().catch(() => "")).slice(0, 1000);
    } catch (error) {
      const e = error as Error;
      attempt.error =
        e.name === "TimeoutError"
          ? `timed out after ${this.opts.timeoutMs} ms`
          : String(e.cause ?? e.message);
    }
    attempt.durationMs = Date.now() - started;
    // Stopping (close) interrupts the attempt: it is not counted and runs again after a restart.
    if (this.stopped) return;
    // The delivery may have been reset meanwhile; then there is nothing to record.
    const current = this.store.get<Delivery>("deliveries", d.id);
    if (!current) return;
    current.attempts.push(attempt);
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    if (ok) {
      current.status = "succeeded";
      current.nextAttemptAt = null;
    } else if (current.attempts.length >= this.opts.retry.maxAttempts) {
      current.status = "failed";
      current.nextAttemptAt = null;
      this.opts.log(`webhook ${current.eventType} (${current.eventId}) to ${current.url} failed for good`);
    } else {
      current.nextAttemptAt = Date.now() + retryDelay(this.opts.retry, current.attempts.length);
    }
    this.store.put("deliveries", current.id, current);
    this.store.commit();
  }
}

/** Deterministic shuffle (mulberry32), so a test can reproduce an order by its seed. */
function shuffle<T>(items: T[], seed: number): void {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
