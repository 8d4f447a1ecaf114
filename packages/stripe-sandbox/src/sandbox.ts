import Stripe from "stripe";
import { resourceMissing } from "./errors.ts";
import { newId } from "./ids.ts";
import type { Store } from "./store.ts";

/** The API version of the installed `stripe` SDK; events carry it, as Stripe's do. */
export const API_VERSION: string = Stripe.API_VERSION;

export interface StripeObject {
  id: string;
  object: string;
  created?: number;
  [key: string]: unknown;
}

export interface WebhookEndpointConfig {
  id: string;
  url: string;
  secret: string;
  /** Event types to send; `["*"]` for all. */
  events: string[];
  /** Given at start (options/env) rather than added through the controls. */
  fromOptions?: boolean;
}

export interface RetryPolicy {
  /** Delay before the first retry. */
  initialMs: number;
  factor: number;
  maxDelayMs: number;
  /** Attempts in total, the first included; then the delivery is marked failed. */
  maxAttempts: number;
}

/** Test-control state; persisted like everything else so a restart keeps it. */
export interface Settings {
  clockOffsetSeconds: number;
  endpoints: WebhookEndpointConfig[];
  paused: boolean;
  duplicateNext: number;
  holdNext: number;
  delayNext: { count: number; ms: number };
  /** null: refunds stay pending until a control settles them. */
  refundSettleMs: number | null;
  failNextRefunds: number;
  disputeDelayMs: number;
  deliverySeq: number;
}

export const DEFAULT_SETTINGS: Settings = {
  clockOffsetSeconds: 0,
  endpoints: [],
  paused: false,
  duplicateNext: 0,
  holdNext: 0,
  delayNext: { count: 0, ms: 0 },
  refundSettleMs: 1000,
  failNextRefunds: 0,
  disputeDelayMs: 0,
  deliverySeq: 0,
};

/** Work the sandbox does later on its own: settle a refund, open a dispute, expire a session. */
export interface Task {
  id: string;
  kind: "settle_refund" | "open_dispute" | "expire_session";
  target: string;
  /** Sandbox-clock milliseconds. */
  at: number;
}

export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

export interface SandboxHooks {
  /** Called for each new event, inside the same commit. */
  onEvent(event: Stripe.Event): void;
  /** Called when a task is added, so the scheduler can wake earlier. */
  onTask(task: Task): void;
}

/**
 * The sandbox's state and the primitives every resource uses: the clock, object lookup, saving,
 * events. Resource modules hold the Stripe behaviour; this class knows nothing of payments.
 */
export class Sandbox {
  request: RequestInfo | null = null;
  hooks: SandboxHooks = { onEvent: () => {}, onTask: () => {} };
  /** Public base URL (hosted pages, `url` fields), known once the server listens. */
  baseUrl = "http://127.0.0.1";

  constructor(
    readonly store: Store,
    readonly merchantName: string,
  ) {
    if (!store.get("settings", "settings"))
      store.put("settings", "settings", structuredClone(DEFAULT_SETTINGS));
  }

  get settings(): Settings {
    return this.store.get<Settings>("settings", "settings")!;
  }

  updateSettings(change: (s: Settings) => void): Settings {
    const s = this.settings;
    change(s);
    this.store.put("settings", "settings", s);
    return s;
  }

  /** Sandbox time in milliseconds (real time plus any advance through the clock control). */
  nowMs(): number {
    return Date.now() + this.settings.clockOffsetSeconds * 1000;
  }

  /** Unix seconds, as in every Stripe timestamp. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  find<T = StripeObject>(id: string): T | undefined {
    return this.store.get<T>("objects", id);
  }

  /** The object with this id and type, or Stripe's 404 `No such …`. */
  get<T>(type: string, id: string, param = "id"): T {
    const o = this.store.get<StripeObject>("objects", id);
    if (!o || o.object !== type) throw resourceMissing(type, id, param);
    return o as unknown as T;
  }

  save<T extends { id: string }>(o: T): T {
    this.store.put("objects", o.id, o);
    return o;
  }

  meta<T>(id: string): T | undefined {
    return this.store.get<T>("meta", id);
  }

  setMeta<T>(id: string, value: T): void {
    this.store.put("meta", id, value);
  }

  /** Records an event with a snapshot of the object, and hands it to webhook delivery. */
  emit(type: Stripe.Event.Type, object: { id: string }, previous?: Record<string, unknown>): Stripe.Event {
    const event = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: this.now(),
      data: {
        object: structuredClone(object),
        ...(previous ? { previous_attributes: structuredClone(previous) } : {}),
      },
      livemode: false,
      pending_webhooks: 0,
      request: this.request
        ? { id: this.request.id, idempotency_key: this.request.idempotencyKey }
        : { id: null, idempotency_key: null },
      type,
    } as unknown as Stripe.Event;
    this.save(event);
    this.hooks.onEvent(event);
    return event;
  }

  /** Emits `<prefix>.updated`-style changes: applies `change`, reporting the old values. */
  update<T extends object>(o: T, change: Partial<T>): Record<string, unknown> {
    const previous: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(change)) {
      const old = (o as Record<string, unknown>)[k];
      if (JSON.stringify(old) !== JSON.stringify(v))
        previous[k] = old === undefined ? null : structuredClone(old);
      (o as Record<string, unknown>)[k] = v;
    }
    return previous;
  }

  addTask(kind: Task["kind"], target: string, at: number): Task {
    const task: Task = { id: newId("task"), kind, target, at };
    this.store.put("tasks", task.id, task);
    this.hooks.onTask(task);
    return task;
  }

  tasks(): Task[] {
    return [...this.store.values<Task>("tasks")];
  }

  removeTask(id: string): void {
    this.store.delete("tasks", id);
  }
}
