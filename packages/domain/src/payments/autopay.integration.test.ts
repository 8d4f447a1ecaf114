import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { listOpenAccountFlags } from "../customers/list-account-flags.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { acceptOffer } from "../plans/plan-fixtures.test-support.ts";
import { proposePaymentPlan } from "../plans/propose-payment-plan.ts";
import { STEP_UP, sendStepUpCode, verifyStepUpCode } from "../portal/step-up.ts";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "../seed/factories.ts";
import { getPaymentMethods } from "./get-payment-methods.ts";
import { completeCardSetup } from "./record-saved-card.ts";
import { removeSavedCard } from "./remove-saved-card.ts";
import { AUTOPAY_RETRY_DAYS, runAutopay } from "./run-autopay.ts";
import { disableAutopay, enableAutopay } from "./set-autopay.ts";
import { startCardSetup } from "./start-card-setup.ts";
import { useStripeSandbox } from "./stripe-test-setup.test-support.ts";

const SECRET = "whsec_autopay_tests";
const stripeSandbox = useStripeSandbox({ secret: SECRET, webhooks: "processed", isolateTests: true });

const PORTAL_URL = new URL("http://127.0.0.1:9/");
const DAY = 86_400_000;
let entityId: string;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Autopay Test Co." })).id;
});

const today = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

interface Account {
  customerId: string;
  payer: PortalActor;
  sessionId: string;
  /** Due ten days ago, and due in five days. */
  due: { id: string; amount: bigint };
  later: { id: string; amount: bigint };
}

async function account(role: "PAYER" | "ADMIN" | "VIEWER" = "PAYER", locale = "en"): Promise<Account> {
  const db = getDb();
  const customer = await createCustomer(db, { legalEntityId: entityId });
  const due = await createInvoiceForCustomer(db, customer.id, {
    documentDate: new Date(today().getTime() - 40 * DAY),
    dueDate: new Date(today().getTime() - 10 * DAY),
  });
  const later = await createInvoiceForCustomer(db, customer.id, {
    documentDate: today(),
    dueDate: new Date(today().getTime() + 5 * DAY),
  });
  const user = await createPortalUser(db, {
    email: `autopay-${randomUUID().slice(0, 8)}@customer.example`,
    locale,
    memberships: [{ customerId: customer.id, role }],
  });
  return {
    customerId: customer.id,
    payer: { kind: "portal", userId: user.id, memberships: [{ customerId: customer.id, role }] },
    sessionId: `session-${randomUUID()}`,
    due: { id: due.id, amount: due.amount },
    later: { id: later.id, amount: later.amount },
  };
}

/** Reads the step-up code from the outbox, as the user would from their inbox. */
async function stepUp(a: Account) {
  await sendStepUpCode(a.sessionId, a.payer);
  const user = await getDb().portalUser.findUniqueOrThrow({ where: { id: a.payer.userId } });
  const mail = await getDb().outboxEmail.findFirstOrThrow({
    where: { toAddress: user.email, category: "portal.step-up-code" },
    orderBy: { createdAt: "desc" },
  });
  const code = /\b(\d{6})\b/.exec(mail.textBody)![1]!;
  await verifyStepUpCode({ code }, a.sessionId, a.payer);
}

async function saveCard(a: Account, card = "4242424242424242", authenticate?: "complete") {
  const { checkoutUrl } = await startCardSetup(
    { customerId: a.customerId, idempotencyKey: randomUUID() },
    a.payer,
    {
      portalUrl: PORTAL_URL,
      sessionId: a.sessionId,
    },
  );
  const sessionId = checkoutUrl.split("/").pop()!;
  const paid = await stripeSandbox.control.payCheckout(sessionId, {
    card,
    ...(authenticate ? { authenticate } : {}),
  });
  expect(paid.outcome).toBe("completed");
  const saved = await completeCardSetup(a.customerId, sessionId, a.payer);
  expect(saved).not.toBeNull();
  return saved!;
}

async function reason(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return String(error.details?.reason ?? error.code);
  }
}

async function openAmount(id: string) {
  return (await getDb().openItem.findUniqueOrThrow({ where: { id } })).openAmount;
}

async function intentCreates(): Promise<number> {
  return (await stripeSandbox.control.requests({ method: "POST", path: "/v1/payment_intents" })).length;
}

describe("autopay", () => {
  it("charges due invoices once even when the job runs twice, and concurrently", async () => {
    const a = await account();
    await stepUp(a);
    const card = await saveCard(a);
    // The webhook may have saved the same card first: still one row.
    expect(await getDb().savedCard.count({ where: { customerId: a.customerId } })).toBe(1);
    await enableAutopay(
      { customerId: a.customerId, cardId: card.id, currency: "USD", timing: "ON_DUE_DATE" },
      a.payer,
      { sessionId: a.sessionId },
    );
    const creates = await intentCreates();
    const now = new Date();
    const [first, second] = await Promise.all([
      runAutopay({ now, customerIds: [a.customerId] }),
      runAutopay({ now, customerIds: [a.customerId] }),
    ]);
    const third = await runAutopay({ now: new Date(now.getTime() + 3_600_000), customerIds: [a.customerId] });
    expect(first.charged + second.charged + third.charged).toBe(1);
    expect(first.succeeded + second.succeeded).toBe(1);
    expect(await intentCreates()).toBe(creates + 1);

    const payments = await getDb().openItem.findMany({
      where: { customerId: a.customerId, kind: "PAYMENT" },
      include: { creditsApplied: true },
    });
    expect(payments).toHaveLength(1);
    expect(payments[0]!.amount).toBe(a.due.amount);
    expect(payments[0]!.creditsApplied.map((x) => x.debitItemId)).toEqual([a.due.id]);
    expect(await openAmount(a.due.id)).toBe(0n);
    expect(await openAmount(a.later.id)).toBe(a.later.amount); // Not due yet.
    const charges = await getDb().autopayCharge.findMany({ where: { customerId: a.customerId } });
    expect(charges.map((c) => [c.status, c.attempt])).toEqual([["SUCCEEDED", 1]]);
    const attempt = await getDb().paymentAttempt.findUniqueOrThrow({
      where: { id: charges[0]!.paymentAttemptId },
    });
    expect(attempt).toMatchObject({ source: "AUTOPAY", status: "SUCCEEDED", createdById: a.payer.userId });

    // The webhooks for the PaymentIntent arrive too, and change nothing.
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(await getDb().openItem.count({ where: { customerId: a.customerId, kind: "PAYMENT" } })).toBe(1);

    // The next day, with "5 days before", the later invoice is charged by a new run.
    await enableAutopay(
      { customerId: a.customerId, cardId: card.id, currency: "USD", timing: "DAYS_BEFORE", daysBefore: 5 },
      a.payer,
      { sessionId: a.sessionId },
    );
    const tomorrow = new Date(now.getTime() + DAY);
    await Promise.all([
      runAutopay({ now: tomorrow, customerIds: [a.customerId] }),
      runAutopay({ now: tomorrow, customerIds: [a.customerId] }),
    ]);
    expect(await openAmount(a.later.id)).toBe(0n);
    expect(await getDb().openItem.count({ where: { customerId: a.customerId, kind: "PAYMENT" } })).toBe(2);
    expect(await findLedgerViolations()).toEqual([]);
  });

  it("leaves invoices of an accepted payment plan to the plan", async () => {
    const a = await account();
    await stepUp(a);
    const card = await saveCard(a);
    const offer = await proposePaymentPlan(
      {
        customerId: a.customerId,
        invoiceIds: [a.due.id],
        instalments: 2,
        frequency: "MONTHLY",
        firstDate: isoDate(new Date(today().getTime() + 7 * DAY)),
        expiresOn: isoDate(new Date(today().getTime() + 7 * DAY)),
        idempotencyKey: randomUUID(),
      },
      { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] },
    );
    await acceptOffer(a.customerId, offer, { payer: a.payer });
    await enableAutopay(
      { customerId: a.customerId, cardId: card.id, currency: "USD", timing: "DAYS_BEFORE", daysBefore: 5 },
      a.payer,
      { sessionId: a.sessionId },
    );
    const run = await runAutopay({ customerIds: [a.customerId] });
    expect(run.charged).toBe(1);
    // Only the invoice due in five days: the overdue one is in the plan.
    expect(await openAmount(a.due.id)).toBe(a.due.amount);
    expect(await openAmount(a.later.id)).toBe(0n);
  });

  it("asks Stripe again about a charge whose answer was lost, and charges once", async () => {
    const a = await account();
    await stepUp(a);
    const card = await saveCard(a);
    await enableAutopay(
      { customerId: a.customerId, cardId: card.id, currency: "USD", timing: "ON_DUE_DATE" },
      a.payer,
      { sessionId: a.sessionId },
    );
    const creates = await intentCreates();
    // Stripe charges the card, then the answer is lost (a crash, a timeout).
    await stripeSandbox.control.failNext({
      method: "POST",
      path: "/v1/payment_intents",
      when: "after",
      status: 500,
    });
    const now = new Date();
    expect(await runAutopay({ now, customerIds: [a.customerId] })).toMatchObject({ charged: 1, deferred: 1 });
    // Still in flight a minute later; asked about again after 15 minutes.
    expect(
      (await runAutopay({ now: new Date(now.getTime() + 60_000), customerIds: [a.customerId] })).charged,
    ).toBe(0);
    const later = await runAutopay({
      now: new Date(now.getTime() + 16 * 60_000),
      customerIds: [a.customerId],
    });
    expect(later).toMatchObject({ charged: 1, succeeded: 1 });
    expect(await intentCreates()).toBe(creates + 1);
    expect(await getDb().openItem.count({ where: { customerId: a.customerId, kind: "PAYMENT" } })).toBe(1);
    expect(await openAmount(a.due.id)).toBe(0n);
    expect(await findLedgerViolations()).toEqual([]);
  });

  it("retries a declined card on the schedule, e-mails the payers each time, then flags the account", async () => {
    const a = await account("ADMIN", "es");
    await stepUp(a);
    const card = await saveCard(a, "4000000000000341");
    await enableAutopay(
      { customerId: a.customerId, cardId: card.id, currency: "USD", timing: "ON_DUE_DATE" },
      a.payer,
      { sessionId: a.sessionId },
    );
    const start = new Date(today().getTime() + 10 * 3_600_000);
    const run = (at: Date) => runAutopay({ now: at, customerIds: [a.customerId] });

    expect((await run(start)).failed).toBe(1);
    expect((await run(new Date(start.getTime() + 3_600_000))).charged).toBe(0); // Not yet.
    for (const day of AUTOPAY_RETRY_DAYS) {
      const at = new Date(today().getTime() + day * DAY + 60_000);
      const twice = await Promise.all([run(at), run(at)]);
      expect(twice[0].failed + twice[1].failed).toBe(1);
    }
    const charges = await getDb().autopayCharge.findMany({
      where: { customerId: a.customerId },
      orderBy: { attempt: "asc" },
    });
    expect(charges.map((c) => [c.attempt, c.status, c.failureCode])).toEqual([
      [1, "FAILED", "generic_decline"],
      [2, "FAILED", "generic_decline"],
      [3, "FAILED", "generic_decline"],
      [4, "FAILED", "generic_decline"],
    ]);
    expect(charges.map((c) => c.nextRetryAt?.toISOString().slice(0, 10) ?? null)).toEqual([
      ...AUTOPAY_RETRY_DAYS.map((d) => new Date(today().getTime() + d * DAY).toISOString().slice(0, 10)),
      null,
    ]);
    const flags = await getDb().accountFlag.findMany({ where: { customerId: a.customerId } });
    expect(flags.map((f) => [f.kind, f.resolvedAt])).toEqual([["AUTOPAY_FAILED", null]]);
    // The collector sees it on the account page; the customer does not.
    const collector = { kind: "staff" as const, userId: randomUUID(), roles: ["COLLECTOR" as const] };
    const shown = await listOpenAccountFlags(a.customerId, collector);
    expect(shown.map((f) => f.kind)).toEqual(["AUTOPAY_FAILED"]);
    expect(shown[0]!.note).toContain("4 times");
    expect(await reason(listOpenAccountFlags(a.customerId, a.payer))).toBe("FORBIDDEN");
    const setting = await getDb().autopaySetting.findUniqueOrThrow({ where: { customerId: a.customerId } });
    expect(setting).toMatchObject({ enabled: false, disabledReason: "charge-failed" });
    const user = await getDb().portalUser.findUniqueOrThrow({ where: { id: a.payer.userId } });
    const mails = await getDb().outboxEmail.findMany({
      where: { toAddress: user.email, category: "portal.autopay-failed" },
    });
    expect(mails).toHaveLength(4);
    expect(mails.every((m) => m.subject.startsWith("El pago automático"))).toBe(true);
    // Nothing more after the last try.
    expect((await run(new Date(today().getTime() + 9 * DAY))).charged).toBe(0);
    expect(await openAmount(a.due.id)).toBe(a.due.amount);
    expect(await findLedgerViolations()).toEqual([]);
  });

  it("treats authentication_required as a failure to retry", async () => {
    const a = await account();
    await stepUp(a);
    const card = await saveCard(a, "4000002760003184", "complete");
    await enableAutopay(
      { customerId: a.customerId, cardId: card.id, currency: "USD", timing: "ON_DUE_DATE" },
      a.payer,
      { sessionId: a.sessionId },
    );
    expect((await runAutopay({ customerIds: [a.customerId] })).failed).toBe(1);
    const charge = await getDb().autopayCharge.findFirstOrThrow({ where: { customerId: a.customerId } });
    expect(charge.failureCode).toBe("authentication_required");
    expect(charge.nextRetryAt).not.toBeNull();
  });

  it("turns autopay off when its card is removed, and detaches the card at Stripe", async () => {
    const a = await account();
    await stepUp(a);
    const card = await saveCard(a);
    await enableAutopay(
      { customerId: a.customerId, cardId: card.id, currency: "USD", timing: "ON_DUE_DATE" },
      a.payer,
      { sessionId: a.sessionId },
    );
    const removed = await removeSavedCard({ customerId: a.customerId, cardId: card.id }, a.payer, {
      sessionId: a.sessionId,
    });
    expect(removed).toEqual({ removed: true, autopayTurnedOff: true });
    const view = await getPaymentMethods(a.customerId, a.payer);
    expect(view.cards).toEqual([]);
    expect(view.autopay).toMatchObject({ enabled: false, disabledReason: "card-removed" });
    const row = await getDb().savedCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(
      await stripeSandbox.control.requests({
        method: "POST",
        path: `/v1/payment_methods/${row.paymentMethodId}/detach`,
      }),
    ).toHaveLength(1);
    expect((await runAutopay({ customerIds: [a.customerId] })).charged).toBe(0);
    // Removing it again is a no-op.
    expect(
      await removeSavedCard({ customerId: a.customerId, cardId: card.id }, a.payer, {
        sessionId: a.sessionId,
      }),
    ).toEqual({ removed: false, autopayTurnedOff: false });
  });

  it("asks for a fresh e-mailed code before changing payment methods; the code and the grant expire", async () => {
    const a = await account();
    const setup = () =>
      startCardSetup({ customerId: a.customerId, idempotencyKey: randomUUID() }, a.payer, {
        portalUrl: PORTAL_URL,
        sessionId: a.sessionId,
      });
    expect(await reason(setup())).toBe("step-up-required");

    await sendStepUpCode(a.sessionId, a.payer);
    expect(await reason(verifyStepUpCode({ code: "000000x" }, a.sessionId, a.payer))).toBe("wrong-code");
    // A code from a later clock is expired.
    const user = await getDb().portalUser.findUniqueOrThrow({ where: { id: a.payer.userId } });
    const mail = await getDb().outboxEmail.findFirstOrThrow({
      where: { toAddress: user.email, category: "portal.step-up-code" },
    });
    const code = /\b(\d{6})\b/.exec(mail.textBody)![1]!;
    const late = new Date(Date.now() + (STEP_UP.codeTtlSeconds + 1) * 1000);
    expect(await reason(verifyStepUpCode({ code }, a.sessionId, a.payer, late))).toBe("wrong-code");
    // Another session cannot use it.
    expect(await reason(verifyStepUpCode({ code }, "another-session", a.payer))).toBe("wrong-code");
    await verifyStepUpCode({ code }, a.sessionId, a.payer);
    // Once only.
    expect(await reason(verifyStepUpCode({ code }, a.sessionId, a.payer))).toBe("wrong-code");
    expect(await reason(setup())).toBe("ok");

    // The grant lasts ten minutes.
    const { requireStepUp } = await import("../portal/step-up.ts");
    const after = new Date(Date.now() + (STEP_UP.grantSeconds + 5) * 1000);
    expect(await reason(requireStepUp(a.sessionId, a.payer, after))).toBe("step-up-required");
  });

  it("rate-limits step-up codes like sign-in codes", async () => {
    const a = await account();
    for (let i = 0; i < STEP_UP.requestsPerUser.limit; i++) await sendStepUpCode(a.sessionId, a.payer);
    expect(await reason(sendStepUpCode(a.sessionId, a.payer))).toBe("rate-limited");
  });

  it("refuses viewers (FORBIDDEN) and other accounts (NOT_FOUND)", async () => {
    const viewer = await account("VIEWER");
    const other = await account();
    const asViewer = [
      getPaymentMethods(viewer.customerId, viewer.payer),
      startCardSetup({ customerId: viewer.customerId, idempotencyKey: randomUUID() }, viewer.payer, {
        portalUrl: PORTAL_URL,
        sessionId: viewer.sessionId,
      }),
      enableAutopay(
        { customerId: viewer.customerId, cardId: randomUUID(), currency: "USD", timing: "ON_DUE_DATE" },
        viewer.payer,
        { sessionId: viewer.sessionId },
      ),
      disableAutopay(viewer.customerId, viewer.payer),
      removeSavedCard({ customerId: viewer.customerId, cardId: randomUUID() }, viewer.payer, {
        sessionId: viewer.sessionId,
      }),
    ];
    for (const call of asViewer) expect(await reason(call)).toBe("payers-only");
    const codes = async (run: Promise<unknown>) => {
      try {
        await run;
        return "ok";
      } catch (error) {
        return (error as DomainError).code;
      }
    };
    expect(await codes(getPaymentMethods(other.customerId, viewer.payer))).toBe("NOT_FOUND");
    expect(await codes(disableAutopay(other.customerId, viewer.payer))).toBe("NOT_FOUND");
    // A card of another account is not found even for its own payer's session.
    await stepUp(other);
    const card = await saveCard(other);
    const mine = await account();
    await stepUp(mine);
    expect(
      await codes(
        removeSavedCard({ customerId: mine.customerId, cardId: card.id }, mine.payer, {
          sessionId: mine.sessionId,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await reason(
        enableAutopay(
          { customerId: mine.customerId, cardId: card.id, currency: "USD", timing: "ON_DUE_DATE" },
          mine.payer,
          { sessionId: mine.sessionId },
        ),
      ),
    ).toBe("unknown-card");
  });
});
