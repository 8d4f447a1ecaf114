import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { disputeCreditAwaitingApproval } from "../disputes/dispute-fixtures.test-support.ts";
import { approveRefund } from "../payments/decide-refund.ts";
import { requestRefund } from "../payments/request-refund.ts";
import {
  createPayingCustomer,
  payByCard,
  useStripeSandbox,
} from "../payments/stripe-test-setup.test-support.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createLegalEntity } from "../seed/factories.ts";
import { countApprovals } from "./count-approvals.ts";
import { listApprovals } from "./list-approvals.ts";

const stripeSandbox = useStripeSandbox({ secret: "whsec_approvals_tests", webhooks: "processed" });
let cash: StaffActor;
let analyst: StaffActor;
let manager: StaffActor;
let collector: StaffActor;

beforeAll(async () => {
  cash = await createStaffActor(["CASH_APPLIER"], "Cal Cash");
  analyst = await createStaffActor(["DISPUTE_ANALYST"], "Ada Analyst");
  manager = await createStaffActor(["AR_MANAGER"], "Max Manager");
  collector = await createStaffActor(["COLLECTOR"], "Cole Collector");
  // Above 5.00 USD a refund, and above 250.00 USD a dispute credit, needs a second staff member.
  await getDb().refundApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 500n } });
  await getDb().disputeApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 250_00n } });
});

describe("the approvals queue", () => {
  it("holds refunds and dispute credits waiting for a second staff member, oldest first, until approved", async () => {
    const customer = await createPayingCustomer({ invoices: 1 });
    const attempt = await payByCard(stripeSandbox, customer);
    const refund = await requestRefund(
      { attemptId: attempt.id, amount: "10.00", reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    expect(refund.status).toBe("PENDING_APPROVAL");

    const entity = await createLegalEntity(getDb(), { name: "Approvals Test Entity" });
    const disputed = await disputeCreditAwaitingApproval(entity.id, analyst);

    const queue = await listApprovals(manager);
    expect(queue.can).toEqual({ approveRefunds: true, approveDisputeCredits: true });
    expect(queue.items.map((i) => [i.kind, i.amount, i.requestedBy, i.mine])).toEqual([
      ["refund", 1000n, "Cal Cash", false],
      ["dispute-credit", 500_00n, "Ada Analyst", false],
    ]);
    expect(queue.items[0]).toMatchObject({ attemptId: attempt.id, href: `/card-payments/${attempt.id}` });
    expect(queue.items[1]).toMatchObject({ subject: `${disputed.label} · ${disputed.invoiceNumber}` });
    expect(await countApprovals(manager)).toBe(2);

    // The requester sees their own request as theirs; roles that approve nothing count nothing.
    expect((await listApprovals(cash)).items.find((i) => i.kind === "refund")?.mine).toBe(true);
    expect((await listApprovals(collector)).can).toEqual({
      approveRefunds: false,
      approveDisputeCredits: false,
    });
    expect(await countApprovals(cash)).toBeNull();
    expect(await countApprovals(collector)).toBeNull();

    await approveRefund({ attemptId: attempt.id, refundId: refund.id }, manager);
    expect((await listApprovals(manager)).items.map((i) => i.kind)).toEqual(["dispute-credit"]);
    expect(await countApprovals(manager)).toBe(1);
  });
});
