import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { StripeSandboxControl } from "./control-client.ts";
import { type RunningStripeSandbox, type StripeSandboxOptions, startStripeSandbox } from "./server.ts";

export const TEST_KEY = "sk_test_sandbox_tests";
export const WEBHOOK_SECRET = "whsec_test_secret_for_sandbox_tests";

export interface TestSandbox {
  sandbox: RunningStripeSandbox;
  stripe: Stripe;
  control: StripeSandboxControl;
  close(): Promise<void>;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "stripe-sandbox-test-"));
}

/** A sandbox on 127.0.0.1, a free port and (unless given) in-memory state, with an SDK pointed at it. */
export async function startTestSandbox(options: StripeSandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startStripeSandbox({
    port: 0,
    host: "127.0.0.1",
    dataDir: null,
    log: false,
    retry: { initialMs: 20, factor: 2, maxDelayMs: 200, maxAttempts: 4 },
    deliveryTimeoutMs: 1000,
    refundSettleMs: null,
    ...options,
  });
  const stripe = testStripe(sandbox);
  return {
    sandbox,
    stripe,
    control: new StripeSandboxControl(sandbox.url),
    close: () => sandbox.close(),
  };
}

export function testStripe(sandbox: RunningStripeSandbox, config: Stripe.StripeConfig = {}): Stripe {
  return new Stripe(TEST_KEY, { ...sandbox.stripeConfig(), maxNetworkRetries: 0, ...config });
}

export interface ReceivedEvent {
  event: Stripe.Event;
  signature: string;
  raw: string;
}

/** A webhook endpoint that verifies signatures with the SDK and records what it receives. */
export class WebhookReceiver {
  readonly events: ReceivedEvent[] = [];
  readonly rejected: string[] = [];
  /** Status to answer with for the next requests (then 200). */
  failures: number[] = [];
  /** Milliseconds to wait before answering the next request(s). */
  delays: number[] = [];
  private server!: http.Server;
  url = "";
  private readonly waiters = new Set<() => void>();

  constructor(private readonly secret = WEBHOOK_SECRET) {}

  async start(): Promise<this> {
    const stripe = new Stripe(TEST_KEY);
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const signature = String(req.headers["stripe-signature"] ?? "");
        const delay = this.delays.shift();
        if (delay) await new Promise((r) => setTimeout(r, delay));
        const status = this.failures.shift();
        if (status) {
          res.writeHead(status).end("failing on purpose");
          return;
        }
        try {
          const event = stripe.webhooks.constructEvent(raw, signature, this.secret);
          this.events.push({ event, signature, raw });
          res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
        } catch (error) {
          this.rejected.push((error as Error).message);
          res.writeHead(400).end("bad signature");
        }
        for (const w of [...this.waiters]) w();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
    return this;
  }

  types(): string[] {
    return this.events.map((e) => e.event.type);
  }

  /** Waits until `predicate` holds for the received events (bounded). */
  async waitFor(predicate: (events: Stripe.Event[]) => boolean, timeoutMs = 5000): Promise<Stripe.Event[]> {
    const list = () => this.events.map((e) => e.event);
    if (predicate(list())) return list();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out waiting for webhooks; received: ${this.types().join(", ")}`));
      }, timeoutMs);
      const check = () => {
        if (predicate(list())) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(list());
        }
      };
      this.waiters.add(check);
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Fetches a hosted page without following redirects. */
export async function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
}

export const PAYER = { email: "ap@example.com", name: "Ada Payer", exp: "12 / 34", cvc: "123" };

export function cardForm(number: string): Record<string, string> {
  return { ...PAYER, number };
}
