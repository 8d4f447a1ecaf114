import { formatMoney } from "@settle/domain/money/money";
import type { PaymentPlanOffer } from "@settle/domain/plans/get-payment-plan";
import { MoneyFormatProvider } from "@settle/ui/money-text";
import { PageLocaleProvider } from "@settle/ui/page-locale";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { i18nFor } from "~/i18n/instance";
import { PlanTerms } from "./plan-terms";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function offerIn(status: PaymentPlanOffer["status"]): PaymentPlanOffer {
  return {
    id: "6f1d2a7e-8f0b-4c1a-9d2e-3b4c5d6e7f80",
    customerId: "0b8e7c6d-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    label: "PP-1001",
    status,
    currency: "USD",
    invoices: [],
    schedule: [],
    covered: 300_00n,
    fee: 0n,
    downPayment: 0n,
    total: 300_00n,
    frequency: "MONTHLY",
    expiresOn: day("2027-05-10"),
    expired: false,
    termsHash: "hash",
    answer: null,
    hasSavedCard: false,
    running: null,
    can: { answer: status === "PROPOSED", payer: true, pay: false },
  };
}

function render(offer: PaymentPlanOffer) {
  const router = createMemoryRouter([{ path: "/", element: <PlanTerms offer={offer} /> }], {
    initialEntries: ["/"],
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor("en")}>
      <PageLocaleProvider locale="en">
        <MoneyFormatProvider format={formatMoney}>
          <RouterProvider router={router} />
        </MoneyFormatProvider>
      </PageLocaleProvider>
    </I18nextProvider>,
  );
}

describe("a plan's terms on its portal page", () => {
  it("gives an offer its expiry, and a customer's own request none, saying who answers it", () => {
    const offer = render(offerIn("PROPOSED"));
    expect(offer).toContain("Offer stands until");
    expect(offer).toContain("Open for your answer");
    const requested = render(offerIn("REQUESTED"));
    expect(requested).not.toContain("Offer stands until");
    expect(requested).toContain("Your request is with your collector, who will answer with an offer.");
    const offered = render(offerIn("OFFERED"));
    expect(offered).toContain("Your collector answered this request with an offer");
  });
});
