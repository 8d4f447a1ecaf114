import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { ChargebackStatus, RefundStatus } from "../db/generated/enums.ts";
import { createCustomer, createLegalEntity, createPortalUser, createStaffUser } from "../seed/factories.ts";
import { CARD_PAYMENTS_PAGE_SIZE, listCardPayments } from "./list-card-payments.ts";

// The list reads refunds and chargebacks as stored; the rows are written directly (the flows that
// write them are tested in refunds-chargebacks and refunds-after-the-fact).

const staff: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const TAG = `Listco ${randomUUID().slice(0, 6)}`;
let entityId: string;
let requesterId: string;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Card List Inc." })).id;
  requesterId = (
    await createStaffUser(getDb(), {
      email: `requester-${randomUUID().slice(0, 8)}@settle.example`,
      roles: ["CASH_APPLIER"],
      passwordHash: "not-used",
    })
  ).id;
});

interface PaymentSpec {
  name: string;
  amount?: bigint;
  source?: "PORTAL" | "AUTOPAY";
  status?: "SUCCEEDED" | "FAILED";
  refunds?: { amount: bigint; status: RefundStatus; source?: "SETTLE" | "STRIPE" }[];
  chargebacks?: { status: ChargebackStatus; at: Date }[];
  createdAt?: Date;
}

/** A card payment of a new customer named `${TAG} name`, with the given refunds and chargebacks. */
async function payment(spec: PaymentSpec): Promise<string> {
  const db = getDb();
  const amount = spec.amount ?? 10_000n;
  const customer = await createCustomer(db, { legalEntityId: entityId, name: `${TAG} ${spec.name}` });
  const payer = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  });
  const pi = `pi_list_${randomUUID().replaceAll("-", "")}`;
  const succeeded = (spec.status ?? "SUCCEEDED") === "SUCCEEDED";
  const item = succeeded
    ? await db.openItem.create({
        data: {
          customerId: customer.id,
          legalEntityId: entityId,
          kind: "PAYMENT",
          number: `CARD-${randomUUID().slice(0, 8)}`,
          currency: "USD",
          amount,
          openAmount: amount,
          documentDate: new Date(),
          paymentMethod: "CARD",
          stripePaymentIntentId: pi,
        },
      })
    : null;
  const attempt = await db.paymentAttempt.create({
    data: {
      customerId: customer.id,
      currency: "USD",
      amount,
      idempotencyKey: randomUUID(),
      paymentIntentId: pi,
      status: spec.status ?? "SUCCEEDED",
      source: spec.source ?? "PORTAL",
      paymentItemId: item?.id ?? null,
      createdById: payer.id,
      createdAt: spec.createdAt,
    },
  });
  for (const r of spec.refunds ?? []) {
    const fromStripe = r.source === "STRIPE";
    await db.refund.create({
      data: {
        paymentItemId: item!.id,
        customerId: customer.id,
        currency: "USD",
        amount: r.amount,
        reason: fromStripe ? "OTHER" : "OVERPAYMENT",
        note: fromStripe ? "Refunded in Stripe." : null,
        status: r.status,
        source: r.source ?? "SETTLE",
        requiresApproval: false,
        idempotencyKey: randomUUID(),
        requestedById: fromStripe ? null : requesterId,
      },
    });
  }
  for (const c of spec.chargebacks ?? []) {
    await db.chargeback.create({
      data: {
        stripeDisputeId: `dp_${randomUUID().replaceAll("-", "")}`,
        stripeChargeId: `ch_${randomUUID().replaceAll("-", "")}`,
        paymentItemId: item!.id,
        customerId: customer.id,
        currency: "USD",
        amount,
        stripeReason: "fraudulent",
        stripeStatus: c.status === "OPEN" ? "needs_response" : c.status.toLowerCase(),
        status: c.status,
        openedAt: c.at,
      },
    });
  }
  return attempt.id;
}

const ids = (list: { rows: { id: string }[] }) => list.rows.map((r) => r.id).sort();

describe("the card payments list: refunds, chargebacks and source", () => {
  it("shows each payment's refund state, chargeback state and source, and filters by each", async () => {
    const plain = await payment({ name: "Plain" });
    const partial = await payment({
      name: "Partial",
      refunds: [
        { amount: 2_500n, status: "SUCCEEDED" },
        { amount: 1_000n, status: "SUCCEEDED", source: "STRIPE" },
        { amount: 500n, status: "PENDING_APPROVAL" },
        { amount: 700n, status: "FAILED" },
      ],
    });
    const full = await payment({
      name: "Full",
      source: "AUTOPAY",
      refunds: [
        { amount: 4_000n, status: "SUCCEEDED" },
        { amount: 6_000n, status: "SUCCEEDED", source: "STRIPE" },
      ],
    });
    const pendingOnly = await payment({ name: "Pending", refunds: [{ amount: 300n, status: "PENDING" }] });
    const open = await payment({
      name: "Open",
      source: "AUTOPAY",
      chargebacks: [{ status: "OPEN", at: new Date() }],
    });
    const lost = await payment({ name: "Lost", chargebacks: [{ status: "LOST", at: new Date() }] });
    const won = await payment({ name: "Won", chargebacks: [{ status: "WON", at: new Date() }] });
    const declined = await payment({ name: "Declined", status: "FAILED", source: "AUTOPAY" });

    const all = await listCardPayments({ q: TAG }, staff);
    expect(all.total).toBe(8);
    const row = (id: string) => all.rows.find((r) => r.id === id)!;
    expect(row(plain)).toMatchObject({
      source: "PORTAL",
      refunded: 0n,
      refundState: "none",
      refundPending: 0n,
      chargeback: null,
    });
    // Failed refunds count for nothing; the one waiting for approval is in progress.
    expect(row(partial)).toMatchObject({ refunded: 3_500n, refundState: "partial", refundPending: 500n });
    expect(row(full)).toMatchObject({ source: "AUTOPAY", refunded: 10_000n, refundState: "full" });
    expect(row(pendingOnly)).toMatchObject({ refunded: 0n, refundState: "none", refundPending: 300n });
    expect(row(open).chargeback).toBe("OPEN");
    expect(row(lost).chargeback).toBe("LOST");
    expect(row(won).chargeback).toBe("WON");
    expect(row(declined)).toMatchObject({ status: "FAILED", source: "AUTOPAY", refundState: "none" });

    expect(ids(await listCardPayments({ q: TAG, refund: "any" }, staff))).toEqual([partial, full].sort());
    expect(ids(await listCardPayments({ q: TAG, refund: "partial" }, staff))).toEqual([partial]);
    expect(ids(await listCardPayments({ q: TAG, refund: "full" }, staff))).toEqual([full]);
    expect(ids(await listCardPayments({ q: TAG, chargeback: "any" }, staff))).toEqual(
      [open, lost, won].sort(),
    );
    expect(ids(await listCardPayments({ q: TAG, chargeback: "OPEN" }, staff))).toEqual([open]);
    expect(ids(await listCardPayments({ q: TAG, chargeback: "WON" }, staff))).toEqual([won]);
    expect(ids(await listCardPayments({ q: TAG, chargeback: "LOST" }, staff))).toEqual([lost]);
    expect(ids(await listCardPayments({ q: TAG, source: "AUTOPAY" }, staff))).toEqual(
      [full, open, declined].sort(),
    );
    expect(ids(await listCardPayments({ q: TAG, source: "PORTAL", chargeback: "any" }, staff))).toEqual(
      [lost, won].sort(),
    );

    // The status tabs count within the filters; a status tab narrows further.
    const autopay = await listCardPayments({ q: TAG, source: "AUTOPAY" }, staff);
    expect(autopay.byStatus).toMatchObject({ SUCCEEDED: 2, FAILED: 1, OPEN: 0 });
    expect(autopay).toMatchObject({ source: "AUTOPAY", refund: undefined, chargeback: undefined });
    expect(ids(await listCardPayments({ q: TAG, source: "AUTOPAY", status: "FAILED" }, staff))).toEqual([
      declined,
    ]);

    // Hand-edited values fall back to no filter.
    const odd = await listCardPayments({ q: TAG, refund: "maybe", chargeback: "open", source: "" }, staff);
    expect(odd).toMatchObject({ refund: undefined, chargeback: undefined, source: undefined, total: 8 });
  });

  it("pages through filtered results newest first", async () => {
    const name = `Paged ${randomUUID().slice(0, 6)}`;
    const made: string[] = [];
    const start = Date.now() - 3_600_000;
    for (let i = 0; i < CARD_PAYMENTS_PAGE_SIZE + 2; i++) {
      made.push(
        await payment({
          name,
          source: "AUTOPAY",
          refunds: [{ amount: 100n, status: "SUCCEEDED" }],
          createdAt: new Date(start + i * 1000),
        }),
      );
    }
    await payment({ name, source: "PORTAL", refunds: [{ amount: 100n, status: "SUCCEEDED" }] });
    const first = await listCardPayments(
      { q: `${TAG} ${name}`, source: "AUTOPAY", refund: "partial" },
      staff,
    );
    expect(first).toMatchObject({ total: CARD_PAYMENTS_PAGE_SIZE + 2, pageCount: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([...made].reverse().slice(0, CARD_PAYMENTS_PAGE_SIZE));
    const second = await listCardPayments(
      { q: `${TAG} ${name}`, source: "AUTOPAY", refund: "partial", page: 2 },
      staff,
    );
    expect(second.rows.map((r) => r.id)).toEqual(made.slice(0, 2).reverse());
  });
});
