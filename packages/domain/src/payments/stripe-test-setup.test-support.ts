/**
 * For integration tests that pay by card: the Stripe sandbox started for the test file (before
 * its first test, closed after its last), the domain pointed at it, optionally a webhook receiver
 * that stores and processes what the sandbox delivers, and customers who can pay.
 */
import { randomUUID } from "node:crypto";
import { StripeSandboxControl } from "@settle/stripe-sandbox/control-client";
import {
  type RunningStripeSandbox,
  type StripeSandboxOptions,
  startStripeSandbox,
} from "@settle/stripe-sandbox/server";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { PortalActor, PortalRole } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { toDecimalString } from "../money/money.ts";
import { sendStepUpCode, verifyStepUpCode } from "../portal/step-up.ts";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "../seed/factories.ts";
import { completeCardSetup } from "./record-saved-card.ts";
import { startCardPayment } from "./start-card-payment.ts";
import { startCardSetup } from "./start-card-setup.ts";
import { configureStripe } from "./stripe-client.ts";
import { startTestWebhookReceiver, type TestWebhookReceiver } from "./webhook-receiver.test-support.ts";

/** Fast retries, so a test that breaks a delivery sees it retried within a second. */
const QUICK_RETRIES = { initialMs: 20, factor: 2, maxDelayMs: 200, maxAttempts: 6 } as const;

export interface StripeTestSetup {
  readonly server: RunningStripeSandbox;
  readonly control: StripeSandboxControl;
  /** The receiver the sandbox delivers to (only with `webhooks`). */
  readonly receiver: TestWebhookReceiver;
}

export interface StripeTestOptions {
  /** The webhook signing secret the domain checks. */
  secret: string;
  /**
   * Deliver events to a test receiver: "processed" stores and processes each before answering
   * (the portal's route and the worker together), "stored" only stores it (a test that runs the
   * processor itself). Without it the sandbox delivers nothing.
   */
  webhooks?: "processed" | "stored";
  /** Further sandbox options (e.g. `refundSettleMs: null` to settle refunds by hand). */
  sandbox?: Omit<StripeSandboxOptions, "port" | "dataDir" | "log" | "webhooks">;
  /** Before each test: wait for the previous test's deliveries and clear faults and pauses. */
  isolateTests?: boolean;
}

export function useStripeSandbox(options: StripeTestOptions): StripeTestSetup {
  let sandbox: RunningStripeSandbox | undefined;
  let control: StripeSandboxControl | undefined;
  let receiver: TestWebhookReceiver | undefined;

  beforeAll(async () => {
    if (options.webhooks)
      receiver = await startTestWebhookReceiver({ drain: options.webhooks === "processed" });
    sandbox = await startStripeSandbox({
      port: 0,
      dataDir: null,
      log: false,
      ...(receiver
        ? {
            webhooks: [{ url: receiver.url, secret: options.secret }],
            retry: QUICK_RETRIES,
            deliveryTimeoutMs: 5000,
          }
        : {}),
      ...options.sandbox,
    });
    control = new StripeSandboxControl(sandbox.url);
    configureStripe({ sandboxUrl: sandbox.url, webhookSecret: options.secret, maxNetworkRetries: 0 });
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  if (options.isolateTests) {
    beforeEach(async () => {
      await control?.waitForDeliveries(10_000);
      await control?.clearFaults();
      await control?.resumeDeliveries();
    });
  }

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: use it inside a test or hook.`);
    return value;
  };
  return {
    get server() {
      return started(sandbox, "The Stripe sandbox");
    },
    get control() {
      return started(control, "The Stripe sandbox");
    },
    get receiver() {
      return started(receiver, "The webhook receiver");
    },
  };
}

export interface PayingCustomer {
  customerId: string;
  invoices: { id: string; number: string; amount: bigint; currency: string }[];
  /** The portal user, as the use cases see them. */
  payer: PortalActor;
  email: string;
}

/**
 * A customer of the legal entity with open invoices (two by default, or as given) and a portal
 * user with a role on the account (PAYER by default).
 */
export async function createPayingCustomer(
  options: {
    legalEntityId?: string;
    invoices?: number | Parameters<typeof createInvoiceForCustomer>[2][];
    role?: PortalRole;
    locale?: string;
  } = {},
): Promise<PayingCustomer> {
  const db = getDb();
  const customer = await createCustomer(
    db,
    options.legalEntityId ? { legalEntityId: options.legalEntityId } : {},
  );
  const shapes =
    typeof options.invoices === "number"
      ? Array.from({ length: options.invoices }, () => undefined)
      : (options.invoices ?? [undefined, undefined]);
  const invoices = [];
  for (const shape of shapes) {
    const created = await createInvoiceForCustomer(db, customer.id, shape);
    invoices.push({
      id: created.id,
      number: created.number,
      amount: created.amount,
      currency: created.currency,
    });
  }
  const role = options.role ?? "PAYER";
  const email = `payer-${randomUUID().slice(0, 8)}@customer.example`;
  const user = await createPortalUser(db, {
    email,
    ...(options.locale ? { locale: options.locale } : {}),
    memberships: [{ customerId: customer.id, role }],
  });
  return {
    customerId: customer.id,
    invoices,
    payer: { kind: "portal", userId: user.id, memberships: [{ customerId: customer.id, role }] },
    email,
  };
}

/**
 * The payer pays the customer's invoices in full (or the given allocations) on the sandbox's
 * Checkout page with a test card (4242… by default), and the webhooks are delivered; returns the
 * payment attempt as the ledger recorded it.
 */
export async function payByCard(
  setup: StripeTestSetup,
  customer: PayingCustomer,
  options: { card?: string; allocations?: { invoiceId: string; amount: string }[] } = {},
) {
  const db = getDb();
  const started = await startCardPayment(
    {
      customerId: customer.customerId,
      idempotencyKey: randomUUID(),
      allocations:
        options.allocations ??
        customer.invoices.map((i) => ({ invoiceId: i.id, amount: toDecimalString(i.amount, i.currency) })),
    },
    customer.payer,
    { portalUrl: new URL("http://127.0.0.1:9/") },
  );
  await setup.control.payCheckout(started.checkoutUrl!.split("/").pop()!, {
    card: options.card ?? "4242424242424242",
  });
  await setup.control.waitForDeliveries(10_000);
  return db.paymentAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
}

/**
 * The payer saves a test card (4242… by default) as they would on the portal: confirms with the
 * e-mailed code, then enters the card on the sandbox's setup page. Returns the saved card's row.
 */
export async function saveCardFor(
  setup: StripeTestSetup,
  customer: PayingCustomer,
  card = "4242424242424242",
) {
  const db = getDb();
  const sessionId = `session-${randomUUID()}`;
  await sendStepUpCode(sessionId, customer.payer);
  const mail = await db.outboxEmail.findFirstOrThrow({
    where: { toAddress: customer.email, category: "portal.step-up-code" },
    orderBy: { createdAt: "desc" },
  });
  await verifyStepUpCode({ code: /\b(\d{6})\b/.exec(mail.textBody)![1]! }, sessionId, customer.payer);
  const { checkoutUrl } = await startCardSetup(
    { customerId: customer.customerId, idempotencyKey: randomUUID() },
    customer.payer,
    { portalUrl: new URL("http://127.0.0.1:9/"), sessionId },
  );
  const setupSession = checkoutUrl.split("/").pop()!;
  await setup.control.payCheckout(setupSession, { card });
  const saved = await completeCardSetup(customer.customerId, setupSession, customer.payer);
  if (!saved) throw new Error("the card was not saved");
  return db.savedCard.findUniqueOrThrow({ where: { id: saved.id } });
}
