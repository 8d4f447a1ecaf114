import { describe, expect, it } from "vitest";
import { PORTAL_LOCALES } from "../base/portal-locales.ts";
import { type CustomerDisputeEvent, customerDisputeEmail, staffDisputeEmail } from "./dispute-emails.ts";

const EVENTS: CustomerDisputeEvent[] = [
  "OPEN",
  "UNDER_REVIEW",
  "RESOLVED",
  "RESOLVED_INVALID",
  "WITHDRAWN",
  "REPLY",
];

const base = {
  to: "ap@customer.example",
  name: "Dana",
  disputeLabel: "D-42",
  invoiceNumber: "INV-9",
  currency: "USD",
  disputedAmount: 300_00n,
  deadline: new Date("2026-12-30T00:00:00Z"),
  creditAmount: 120_50n,
  creditMemoNumber: "CM-D-42",
  invoiceOpenAmount: 479_50n,
  text: "<b>Line 2</b> was short.",
};

describe("customerDisputeEmail", () => {
  it("words every event in every portal language, naming the dispute and the invoice", () => {
    for (const locale of PORTAL_LOCALES) {
      for (const event of EVENTS) {
        const mail = customerDisputeEmail({ ...base, event, locale });
        expect(mail.subject, `${locale} ${event}`).toContain("D-42");
        expect(mail.subject).toContain("INV-9");
        expect(mail.text).not.toMatch(/undefined|NaN|\{\{/);
        expect(mail.category).toBe(`dispute.${event.toLowerCase().replace(/_/g, "-")}`);
      }
    }
  });

  it("says partly accepted with both amounts, and keeps the customer's text as typed", () => {
    const partial = customerDisputeEmail({ ...base, event: "RESOLVED", locale: "en" });
    expect(partial.text).toContain("partly accepted: of $300.00 disputed, credit memo CM-D-42 of $120.50");
    expect(partial.text).toContain("open amount is now $479.50");
    const full = customerDisputeEmail({ ...base, creditAmount: 300_00n, event: "RESOLVED", locale: "en" });
    expect(full.text).toContain("was accepted: credit memo CM-D-42 of $300.00");
    const reply = customerDisputeEmail({ ...base, event: "REPLY", locale: "es" });
    expect(reply.text).toContain("<b>Line 2</b> was short.");
    expect(customerDisputeEmail({ ...base, event: "OPEN", locale: "pt-BR" }).text).toContain(
      "30 de dezembro de 2026",
    );
    // An unknown language falls back to English.
    expect(customerDisputeEmail({ ...base, event: "WITHDRAWN", locale: "fr" }).subject).toBe(
      "Dispute D-42 for invoice INV-9 was withdrawn",
    );
  });
});

describe("staffDisputeEmail", () => {
  it("names the dispute, customer, amount and deadline", () => {
    const mail = staffDisputeEmail({
      event: "ESCALATED",
      to: "owner@supplier.example",
      disputeLabel: "D-42",
      customerName: "Initech",
      accountNumber: "C-1",
      invoiceNumber: "INV-9",
      currency: "USD",
      amount: 300_00n,
      deadline: new Date("2026-12-30T00:00:00Z"),
      ownerName: "Otto",
      departmentName: "Pricing",
    });
    expect(mail.subject).toBe("Deadline missed: dispute D-42 (Initech)");
    expect(mail.text).toContain("passed its deadline of 2026-12-30");
    expect(mail.text).toContain("Owner: Otto, Pricing.");
  });
});
