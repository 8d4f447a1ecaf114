import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getCustomerAccount } from "../customers/get-customer-account.ts";
import { getDb } from "../db/client.ts";
import { addDisputeMessage } from "../disputes/add-dispute-message.ts";
import { customerWithInvoice, key, portalUser, staff } from "../disputes/dispute-fixtures.test-support.ts";
import { getDispute, getPortalDispute } from "../disputes/get-dispute.ts";
import { raiseDispute } from "../disputes/raise-dispute.ts";
import { getPortalHome } from "../portal/get-portal-home.ts";
import { createLegalEntity } from "../seed/factories.ts";
import { withActivityFacts } from "./activity-facts.ts";

let entityId: string;
let analyst: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Activity Facts Entity" })).id;
  analyst = await staff(["DISPUTE_ANALYST"], "Dana Whitfield");
});

async function raisedByStaff() {
  const { customerId, invoiceId, invoiceNumber } = await customerWithInvoice(entityId);
  const raised = await raiseDispute(
    {
      customerId,
      invoiceId,
      scope: "AMOUNT",
      amount: "500.00",
      reason: "PRICING",
      description: "Prices above the contract.",
      channel: "PHONE",
      contactEmail: "clerk@customer.example",
      contactName: "Ana Clerk",
      idempotencyKey: key(),
    },
    analyst,
  );
  return { customerId, invoiceNumber, raised, label: `D-${raised.number}` };
}

describe("the facts of audited changes", () => {
  it("a dispute raise carries its actor, dispute number, invoice numbers and amount (dispute page and account)", async () => {
    const { customerId, invoiceNumber, raised, label } = await raisedByStaff();
    const raise = {
      action: "dispute.raise",
      actor: { kind: "staff", name: "Dana Whitfield" },
      dispute: label,
      invoices: [invoiceNumber],
      amount: { amount: 500_00n, currency: "USD" },
    };

    const dispute = await getDispute({ disputeId: raised.id }, analyst);
    expect(dispute.history[0]?.facts).toEqual(raise);

    const account = await getCustomerAccount({ customerId }, analyst);
    const audits = account.activity.flatMap((a) => (a.type === "audit" ? [a.facts] : []));
    expect(audits).toContainEqual(raise);
  });

  it("the portal sees its own events without staff names, internal notes or proposals", async () => {
    const { customerId, raised, label } = await raisedByStaff();
    const clerk = await portalUser(customerId, "VIEWER");
    const clerkName = (await getDb().portalUser.findUniqueOrThrow({ where: { id: clerk.userId } })).name;
    await addDisputeMessage(
      { disputeId: raised.id, body: "Checking with pricing.", visibility: "INTERNAL" },
      analyst,
    );
    await addDisputeMessage({ disputeId: raised.id, body: "Here is our contract." }, clerk);

    const view = await getPortalDispute({ customerId, disputeId: raised.id }, clerk);
    expect(view.history.map((h) => h.facts)).toEqual([
      expect.objectContaining({
        action: "dispute.raise",
        actor: { kind: "staff", name: null },
        dispute: label,
      }),
      expect.objectContaining({ action: "dispute.message", actor: { kind: "portal", name: clerkName } }),
    ]);
    const home = await getPortalHome({ customerId }, clerk);
    expect(home.activity.map((a) => a.facts.action)).toEqual(["dispute.message", "dispute.raise"]);
    const shown = JSON.stringify([view.history, home.activity], (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(shown).not.toContain("Dana Whitfield");
  });

  it("an action it does not know, or whose subject is gone, is still a change by its actor", async () => {
    const rows = await withActivityFacts(
      [
        {
          action: "customer.mid_note",
          actorType: "staff",
          actorId: analyst.userId,
          entityType: "customer",
          entityId: "nobody",
          customerId: null,
          before: null,
          after: null,
        },
        {
          action: "dispute.raise",
          actorType: "system",
          actorId: "sweep",
          entityType: "dispute",
          entityId: "00000000-0000-4000-8000-000000000000",
          customerId: null,
          before: null,
          after: null,
        },
      ],
      "staff",
    );
    expect(rows.map((r) => r.facts)).toEqual([
      { action: "other", actor: { kind: "staff", name: "Dana Whitfield" } },
      { action: "other", actor: { kind: "system", name: null } },
    ]);
  });
});
