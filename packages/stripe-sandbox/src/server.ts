import { createHash } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import type Stripe from "stripe";
import { type ApiContext, matchRoute } from "./api.ts";
import { expireCheckoutSession } from "./checkout.ts";
import { handleControl } from "./controls.ts";
import { openDispute } from "./disputes.ts";
import { apiError, StripeApiError, type StripeErrorBody } from "./errors.ts";
import { applyExpand, render } from "./expand.ts";
import { type FormObject, parseForm } from "./form.ts";
import { handleHosted } from "./hosted.ts";
import { newId, randomTail } from "./ids.ts";
import { Params } from "./params.ts";
import { settleRefund } from "./refunds.ts";
import { API_VERSION, type RetryPolicy, Sandbox, type Task, type WebhookEndpointConfig } from "./sandbox.ts";
import { Store } from "./store.ts";
import { DEFAULT_RETRY, type Delivery, WebhookDispatcher } from "./webhooks.ts";

export interface WebhookEndpointOption {
  url: string;
  /** `whsec_…`; generated when omitted (read it back with the controls). */
  secret?: string;
  /** Event types to send; all when omitted. */
  events?: string[];
}

export interface StripeSandboxOptions {
  /** Default 12111; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state lives; default `.data/stripe-sandbox` at the repository root; null keeps it in memory. */
  dataDir?: string | null;
  /** Base URL for hosted pages when the sandbox is reached through another address. */
  publicUrl?: string;
  webhooks?: WebhookEndpointOption[];
  retry?: Partial<RetryPolicy>;
  /** How long a webhook endpoint may take to answer; default 10 s. */
  deliveryTimeoutMs?: number;
  /** Delay before a pending refund settles on its own; null: only controls settle refunds. Default 1 s. */
  refundSettleMs?: number | null;
  /** Delay before a "dispute" test card's chargeback opens; default 0 (right after the payment). */
  disputeDelayMs?: number;
  /** Shown on the hosted pages and in statement descriptors. */
  merchantName?: string;
  /** Accept only this secret key; by default any `sk_test_…` key. */
  apiKey?: string;
  /** How long a "timeout" fault holds a request before dropping the connection; default 30 s. */
  hangMs?: number;
  /** Log lines (startup, failed deliveries, internal errors); default console.log, false for quiet. */
  log?: ((line: string) => void) | false;
}

export interface RunningStripeSandbox {
  /** e.g. `http://127.0.0.1:12111` */
  url: string;
  host: string;
  port: number;
  dataDir: string | null;
  /** The webhook endpoints in use, with their signing secrets. */
  webhookEndpoints(): WebhookEndpointConfig[];
  /** Options for `new Stripe(key, …)` that point the SDK here. */
  stripeConfig(): { host: string; port: number; protocol: "http" };
  close(): Promise<void>;
}

/** A fault injected through the controls: fail or hang the next matching API call(s). */
export interface Fault {
  id: string;
  method: string | null;
  /** Exact path, or a glob with `*` (e.g. `/v1/payment_intents*`). */
  path: string | null;
  remaining: number;
  mode: "error" | "timeout";
  /** before: nothing happens; after: the effect is recorded (and its idempotent result stored) but the answer is lost. */
  when: "before" | "after";
  status: number;
  error: StripeErrorBody;
  hangMs: number;
}

export interface RequestLogEntry {
  id: string;
  at: number;
  method: string;
  path: string;
  status: number | null;
  idempotencyKey: string | null;
  replayed: boolean;
  fault: string | null;
}

export const DEFAULT_PORT = 12111;
const MAX_BODY = 1024 * 1024;
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export function defaultDataDir(): string {
  return path.resolve(import.meta.dirname, "../../..", ".data", "stripe-sandbox");
}

function endpointId(url: string): string {
  return `we_${createHash("sha256").update(url).digest("base64url").replace(/[-_]/g, "").slice(0, 24)}`;
}

export function newWebhookSecret(): string {
  return `whsec_${randomTail(32)}`;
}

interface IdempotencyRecord {
  key: string;
  method: string;
  path: string;
  hash: string;
  status: number;
  body: unknown;
  requestId: string;
  createdAt: number;
}

/** The sandbox's running parts, shared with the control endpoints. */
export interface Runtime {
  sb: Sandbox;
  store: Store;
  dispatcher: WebhookDispatcher;
  faults: Fault[];
  requests: RequestLogEntry[];
  options: { hangMs: number };
  /** Runs a state change as one commit, then wakes the dispatcher and the task timer. */
  transaction<T>(fn: () => T): T;
  runTasksSoon(): void;
}

export async function startStripeSandbox(options: StripeSandboxOptions = {}): Promise<RunningStripeSandbox> {
  const log = options.log === false ? () => {} : (options.log ?? ((line: string) => console.log(line)));
  const host = options.host ?? "127.0.0.1";
  const dataDir = options.dataDir === undefined ? defaultDataDir() : options.dataDir;
  const store = new Store(dataDir);
  const sb = new Sandbox(store, options.merchantName ?? "Settle (sandbox)");
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const dispatcher = new WebhookDispatcher(sb, store, {
    retry,
    timeoutMs: options.deliveryTimeoutMs ?? 10_000,
    log,
  });
  sb.hooks = {
    onEvent: (event) => dispatcher.enqueue(event),
    onTask: () => runtime.runTasksSoon(),
  };

  sb.updateSettings((s) => {
    if (options.webhooks) {
      s.endpoints = s.endpoints.filter((e) => !e.fromOptions);
      for (const w of options.webhooks) {
        const id = endpointId(w.url);
        s.endpoints = s.endpoints.filter((e) => e.id !== id);
        s.endpoints.push({
          id,
          url: w.url,
          secret: w.secret ?? newWebhookSecret(),
          events: w.events ?? ["*"],
          fromOptions: true,
        });
      }
    }
    if (options.refundSettleMs !== undefined) s.refundSettleMs = options.refundSettleMs;
    if (options.disputeDelayMs !== undefined) s.disputeDelayMs = options.disputeDelayMs;
  });
  store.commit();

  let taskTimer: NodeJS.Timeout | null = null;
  let closing = false;
  const runtime: Runtime = {
    sb,
    store,
    dispatcher,
    faults: [],
    requests: [],
    options: { hangMs: options.hangMs ?? 30_000 },
    transaction<T>(fn: () => T): T {
      try {
        return fn();
      } finally {
        sb.request = null;
        store.commit();
        dispatcher.wake();
      }
    },
    runTasksSoon() {
      if (closing) return;
      if (taskTimer) clearTimeout(taskTimer);
      taskTimer = setTimeout(runTasks, 0);
    },
  };

  function runTasks() {
    taskTimer = null;
    if (closing) return;
    const now = sb.nowMs();
    let next = Number.POSITIVE_INFINITY;
    for (const task of sb.tasks().sort((a, b) => a.at - b.at)) {
      if (task.at > now) {
        next = Math.min(next, task.at);
        continue;
      }
      try {
        runtime.transaction(() => runTask(task));
      } catch (error) {
        log(`stripe-sandbox: task ${task.kind} ${task.target} failed: ${(error as Error).message}`);
        runtime.transaction(() => sb.removeTask(task.id));
      }
    }
    if (Number.isFinite(next)) {
      // Clamp: setTimeout overflows past ~24.8 days.
      taskTimer = setTimeout(runTasks, Math.min(Math.max(0, next - sb.nowMs()), 2 ** 31 - 1));
    }
  }

  function runTask(task: Task) {
    sb.removeTask(task.id);
    const target = sb.find<{ object: string; status?: string }>(task.target);
    if (!target) return;
    if (task.kind === "settle_refund" && target.status === "pending")
      settleRefund(sb, target as Stripe.Refund);
    if (task.kind === "open_dispute") openDispute(sb, task.target);
    if (task.kind === "expire_session" && target.status === "open") {
      expireCheckoutSession(sb, target as Stripe.Checkout.Session);
    }
  }

  const hanging = new Set<Socket>();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`stripe-sandbox: internal error: ${(error as Error).stack ?? error}`);
      if (!res.headersSent)
        sendJson(res, 500, { error: apiError("Internal error in the Stripe sandbox.").body });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, { error: { type: "invalid_request_error", message: "Request body too large." } });
      return;
    }
    if (url.pathname.startsWith("/v1/")) return handleApi(req, res, url, body);
    if (url.pathname === "/_sandbox" || url.pathname.startsWith("/_sandbox/")) {
      let json: unknown = {};
      if (body) {
        try {
          json = JSON.parse(body);
        } catch {
          sendJson(res, 400, { error: { message: "Control requests take a JSON body." } });
          return;
        }
      }
      const result = await handleControl(runtime, req.method ?? "GET", url, json);
      sendJson(res, result.status, result.body);
      return;
    }
    if (url.pathname === "/" && req.method === "GET") {
      sendJson(res, 200, {
        name: "Settle Stripe sandbox",
        api_version: API_VERSION,
        docs: "packages/stripe-sandbox/README.md",
      });
      return;
    }
    const handled = runtime.transaction(() =>
      handleHosted(
        sb,
        { method: req.method ?? "GET", path: url.pathname, body: new URLSearchParams(body) },
        res,
      ),
    );
    if (!handled) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found");
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const method = (req.method ?? "GET").toUpperCase();
    const requestId = `req_${randomTail(14)}`;
    const idempotencyKey = header(req, "idempotency-key");
    const entry: RequestLogEntry = {
      id: requestId,
      at: Date.now(),
      method,
      path: url.pathname,
      status: null,
      idempotencyKey,
      replayed: false,
      fault: null,
    };
    runtime.requests.push(entry);
    if (runtime.requests.length > 2000) runtime.requests.splice(0, runtime.requests.length - 1000);
    const headers: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": header(req, "stripe-version") ?? API_VERSION,
    };
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    const respond = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      entry.status = status;
      sendJson(res, status, payload, { ...headers, ...extra });
    };
    const fail = (error: StripeApiError) => {
      respond(error.status, { error: { ...error.body, request_log_url: undefined } });
    };

    const authError = checkAuth(header(req, "authorization"), options.apiKey);
    if (authError) {
      respond(401, { error: authError }, { "WWW-Authenticate": 'Basic realm="Stripe"' });
      return;
    }

    let form: FormObject;
    try {
      form = parseForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : body);
    } catch (error) {
      if (error instanceof StripeApiError) return fail(error);
      throw error;
    }

    const fault = takeFault(method, url.pathname);
    if (fault) entry.fault = fault.id;
    if (fault?.when === "before") {
      if (fault.mode === "error") return respond(fault.status, { error: fault.error });
      return hang(req, res, fault.hangMs);
    }

    const matched = matchRoute(method, url.pathname);
    if (!matched || matched === "method") {
      return fail(
        new StripeApiError(404, {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${method}: ${url.pathname}). The Settle Stripe sandbox implements only the endpoints Settle uses; see packages/stripe-sandbox/README.md.`,
        }),
      );
    }

    // Idempotency: POSTs only, as Stripe does.
    let hash = "";
    if (idempotencyKey && method === "POST") {
      if (idempotencyKey.length > 255) {
        return fail(
          new StripeApiError(400, {
            type: "invalid_request_error",
            message: "Idempotency keys must be at most 255 characters long.",
          }),
        );
      }
      hash = createHash("sha256").update(canonical(body)).digest("hex");
      const record = store.get<IdempotencyRecord>("idempotency", idempotencyKey);
      if (record && Date.now() - record.createdAt < IDEMPOTENCY_TTL_MS) {
        if (record.method !== method || record.path !== url.pathname || record.hash !== hash) {
          return respond(
            400,
            {
              error: {
                type: "idempotency_error",
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
              },
            },
            { "Stripe-Should-Retry": "false" },
          );
        }
        entry.replayed = true;
        respond(record.status, record.body, {
          "Idempotent-Replayed": "true",
          "Original-Request": record.requestId,
        });
        return;
      }
      if (inProgress.has(idempotencyKey)) {
        return respond(409, {
          error: {
            type: "idempotency_error",
            message:
              "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): " +
              `${idempotencyKey}. Please try again later.`,
          },
        });
      }
    }

    const p = new Params(form);
    let status = 200;
    let payload: unknown;
    let store_ = false;
    if (idempotencyKey) inProgress.add(idempotencyKey);
    try {
      runtime.transaction(() => {
        sb.request = { id: requestId, idempotencyKey };
        try {
          const ctx: ApiContext = {
            sb,
            p,
            args: matched.args,
            eventDelivered: (id) => dispatcher.delivered(id),
          };
          const expand = p.strings("expand");
          const result = matched.route.handler(ctx);
          payload = applyExpand(sb, renderObject(result), expand, (id) => dispatcher.pendingFor(id));
          store_ = true;
        } catch (error) {
          if (!(error instanceof StripeApiError)) throw error;
          status = error.status;
          payload = { error: error.body };
          store_ = error.storeIdempotent;
        }
        if (idempotencyKey && method === "POST" && store_) {
          const record: IdempotencyRecord = {
            key: idempotencyKey,
            method,
            path: url.pathname,
            hash,
            status,
            body: payload,
            requestId,
            createdAt: Date.now(),
          };
          store.put("idempotency", idempotencyKey, record);
        }
      });
    } finally {
      if (idempotencyKey) inProgress.delete(idempotencyKey);
    }

    if (fault?.when === "after") {
      if (fault.mode === "error") return respond(fault.status, { error: fault.error });
      return hang(req, res, fault.hangMs);
    }
    respond(status, payload);
  }

  const inProgress = new Set<string>();

  function renderObject(result: unknown): unknown {
    if (result && typeof result === "object" && (result as { object?: string }).object === "list") {
      const list = result as { data: unknown[] };
      return { ...list, data: list.data.map((o) => renderOne(o)) };
    }
    return renderOne(result);
  }

  function renderOne(o: unknown): unknown {
    const copy = render(o, (id) => dispatcher.pendingFor(id)) as Record<string, unknown>;
    // Hosted-page URLs follow the server's current address (port 0 changes across restarts).
    if (copy?.object === "checkout.session" && copy.status === "open")
      copy.url = `${sb.baseUrl}/c/pay/${copy.id}`;
    return copy;
  }

  function takeFault(method: string, pathname: string): Fault | undefined {
    const fault = runtime.faults.find(
      (f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || globMatch(f.path, pathname)),
    );
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) runtime.faults.splice(runtime.faults.indexOf(fault), 1);
    return fault;
  }

  /** Holds the request without answering until the client gives up or `ms` pass, then drops it. */
  function hang(req: IncomingMessage, res: ServerResponse, ms: number) {
    const socket = req.socket;
    hanging.add(socket);
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.once("close", () => {
      clearTimeout(timer);
      hanging.delete(socket);
    });
    res.on("error", () => {});
  }

  function prune() {
    const cutoff = Date.now() - IDEMPOTENCY_TTL_MS;
    runtime.transaction(() => {
      for (const r of [...store.values<IdempotencyRecord>("idempotency")]) {
        if (r.createdAt < cutoff) store.delete("idempotency", r.key);
      }
    });
  }
  prune();
  const pruneTimer = setInterval(prune, 3600_000);
  pruneTimer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  sb.baseUrl = (options.publicUrl ?? url).replace(/\/$/, "");
  dispatcher.start();
  runtime.runTasksSoon();

  return {
    url,
    host,
    port,
    dataDir,
    webhookEndpoints: () => structuredClone(sb.settings.endpoints),
    stripeConfig: () => ({ host: host === "0.0.0.0" ? "127.0.0.1" : host, port, protocol: "http" }),
    async close() {
      if (closing) return;
      closing = true;
      if (taskTimer) clearTimeout(taskTimer);
      clearInterval(pruneTimer);
      for (const socket of hanging) socket.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await dispatcher.stop();
      await closed;
      store.close();
    },
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

function checkAuth(authorization: string | null, expected: string | undefined): StripeErrorBody | null {
  let key: string | null = null;
  if (authorization?.startsWith("Bearer ")) key = authorization.slice(7).trim();
  else if (authorization?.startsWith("Basic ")) {
    key = Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":")[0] ?? null;
  }
  if (!key) {
    return {
      type: "invalid_request_error",
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    };
  }
  const masked = `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
  if (key.startsWith("pk_")) {
    return {
      type: "invalid_request_error",
      message: "This API call cannot be made with a publishable API key. Please use a secret API key.",
    };
  }
  if (!/^(sk|rk)_test_[A-Za-z0-9_]+$/.test(key) || (expected && key !== expected)) {
    return { type: "invalid_request_error", message: `Invalid API Key provided: ${masked}` };
  }
  return null;
}

function canonical(body: string): string {
  return [...new URLSearchParams(body)]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join("&");
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
  return re.test(value);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-cache, no-store",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export type { Delivery, WebhookEndpointConfig };
export { endpointId, newId };
