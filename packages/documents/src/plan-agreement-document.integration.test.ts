import { randomUUID } from "node:crypto";
import type { PortalActor, StaffActor } from "@settle/domain/actor";
import { getDb } from "@settle/domain/db/client";
import { formatMoney } from "@settle/domain/money/money";
import { getPlanAgreement } from "@settle/domain/plans/plan-agreement";
import { proposePaymentPlan } from "@settle/domain/plans/propose-payment-plan";
import { respondToPaymentPlan } from "@settle/domain/plans/respond-to-payment-plan";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { describe, expect, it } from "vitest";
import { renderPlanAgreementPdf } from "./pdf/render-plan-agreement-pdf.ts";
import { planAgreementDocument } from "./plan-agreement-document.ts";
import { collect, pdfText } from "./test-support.ts";

const squash = (text: string) => text.replace(/[\u00A0\u202F\s]+/g, " ");
const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const now = new Date("2027-06-01T10:00:00Z");

async function portalMember(customerId: string, role: "PAYER" | "VIEWER"): Promise<PortalActor> {
  const user = await createPortalUser(getDb(), {
    email: `agreement-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId, role }],
  });
  return { kind: "portal", userId: user.id, memberships: [{ customerId, role }] };
}

describe("a payment plan's agreement PDF", () => {
  it("contains the accepted schedule, who accepted it and the terms' version; another account cannot read it", async () => {
    const customer = await createCustomer(getDb(), { name: "Agreement Test Ltd" });
    const invoices = [
      await createInvoiceForCustomer(getDb(), customer.id),
      await createInvoiceForCustomer(getDb(), customer.id),
    ];
    const plan = await proposePaymentPlan(
      {
        customerId: customer.id,
        invoiceIds: invoices.map((i) => i.id),
        downPayment: "50.00",
        instalments: 3,
        frequency: "MONTHLY",
        firstDate: "2027-06-15",
        expiresOn: "2027-06-10",
        idempotencyKey: `plan-${randomUUID()}`,
      },
      collector,
      { now },
    );
    const payer = await portalMember(customer.id, "PAYER");
    await respondToPaymentPlan(
      {
        answer: "accept",
        customerId: customer.id,
        planId: plan.id,
        name: "Pat Payable",
        confirm: "yes",
        termsHash: plan.termsHash,
        payBy: "PORTAL",
      },
      payer,
      { now },
    );
    // A viewer of the account reads it too (the agreement is the account's, for both sides).
    const viewer = await portalMember(customer.id, "VIEWER");
    const agreement = await getPlanAgreement({ customerId: customer.id, planId: plan.id }, viewer);
    const { out, bytes } = collect();
    await renderPlanAgreementPdf(planAgreementDocument(agreement), out, { locale: "en" });
    const text = squash(pdfText(bytes()));
    expect(text).toContain(plan.label);
    for (const invoice of invoices) expect(text).toContain(invoice.number);
    for (const payment of plan.schedule) {
      expect(text).toContain(squash(formatMoney(payment.amount, "USD", "en")).replace("$", ""));
    }
    expect(text).toContain("Accepted by Pat Payable on 06/01/2027");
    expect(text).toContain("Payments from the portal");
    expect(text).toContain(plan.termsHash);

    const stranger = await portalMember(
      (await createCustomer(getDb(), { name: "Stranger Ltd" })).id,
      "PAYER",
    );
    await expect(
      getPlanAgreement({ customerId: customer.id, planId: plan.id }, stranger),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getPlanAgreement({ customerId: customer.id, planId: "not-a-plan" }, collector),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
