import type { SubmissionResult } from "@conform-to/react";
import { formatMoney } from "@settle/domain/money/money";
import type { PaymentPlanOffer, RunningPlan } from "@settle/domain/plans/get-payment-plan";
import { MoneyFormatProvider } from "@settle/ui/money-text";
import { PageLocaleProvider } from "@settle/ui/page-locale";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { i18nFor } from "~/i18n/instance";
import { PayInstalmentForm, RunningPlanSummary, RunningSchedule } from "./running-plan";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const running: RunningPlan = {
  instalments: 4,
  paidInstalments: 2,
  total: 400_00n,
  paid: 250_00n,
  next: { sequence: 2, dueDate: day("2027-07-15"), amount: 50_00n, status: "MISSED" },
  dueNow: 150_00n,
  overdue: true,
  ahead: false,
  payBy: "AUTOPAY",
  card: "Visa •••• 4242",
  activatedAt: day("2027-05-15"),
  endedAt: null,
  endReason: null,
};

function planOf(
  can: { pay: boolean; payer?: boolean },
  status: PaymentPlanOffer["status"] = "ACTIVE",
): PaymentPlanOffer {
  const row = (
    sequence: number,
    date: string,
    paidAmount: bigint,
    state: PaymentPlanOffer["schedule"][number]["state"],
  ) => ({
    sequence,
    dueDate: day(date),
    amount: 100_00n,
    downPayment: sequence === 0,
    paidAmount,
    status:
      state === "paid" ? ("PAID" as const) : state === "missed" ? ("MISSED" as const) : ("DUE" as const),
    state,
  });
  return {
    id: "6f1d2a7e-8f0b-4c1a-9d2e-3b4c5d6e7f80",
    customerId: "0b8e7c6d-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    label: "PP-1001",
    status,
    currency: "USD",
    invoices: [],
    schedule: [
      row(0, "2027-05-15", 100_00n, "paid"),
      row(1, "2027-06-15", 100_00n, "paid"),
      row(2, "2027-07-15", 50_00n, "missed"),
      row(3, "2027-08-15", 0n, "overdue"),
    ],
    covered: 400_00n,
    fee: 0n,
    downPayment: 100_00n,
    total: 400_00n,
    frequency: "MONTHLY",
    expiresOn: day("2027-05-10"),
    expired: false,
    termsHash: "hash",
    answer: null,
    hasSavedCard: true,
    running,
    can: { answer: false, payer: can.pay, ...can },
  };
}

function render(offer: PaymentPlanOffer, locale: "en" | "ar" = "en", reply?: SubmissionResult<string[]>) {
  const router = createMemoryRouter(
    [
      {
        path: "/",
        element: (
          <>
            <RunningPlanSummary offer={offer} running={offer.running!} />
            <PayInstalmentForm offer={offer} running={offer.running!} idempotencyKey="key-1" reply={reply} />
            <RunningSchedule offer={offer} />
          </>
        ),
      },
    ],
    { initialEntries: ["/"] },
  );
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor(locale)}>
      <PageLocaleProvider locale={locale}>
        <MoneyFormatProvider format={formatMoney}>
          <RouterProvider router={router} />
        </MoneyFormatProvider>
      </PageLocaleProvider>
    </I18nextProvider>,
  );
}

describe("a running plan on its portal page", () => {
  it("shows the payments made, paid of total as an accessible progress bar, the next payment and the card", () => {
    const html = render(planOf({ pay: true }));
    expect(html).toContain("2 of 4 paid");
    expect(html).toMatch(
      /role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="62" aria-valuetext="\$250\.00 of \$400\.00 paid" aria-label="Progress of PP-1001"/,
    );
    expect(html).toContain("Automatically with Visa •••• 4242");
    expect(html).toContain("$50.00");
  });

  it("offers a payer to pay what is due with the page's key, and tells a viewer who can pay", () => {
    const payer = render(planOf({ pay: true }));
    expect(payer).toContain("$150.00 is due now, including payments that are overdue.");
    expect(payer).toContain('name="intent" value="pay"');
    expect(payer).toContain('name="idempotencyKey" value="key-1"');
    expect(payer).toContain("Pay $150.00 by card");
    const viewer = render(planOf({ pay: false }));
    expect(viewer).not.toContain('name="intent"');
    expect(viewer).toContain("Only the account&#x27;s payers and administrators can pay.");
    // A payer while card payments are off: nothing to press, and no word about roles.
    const cardsOff = render(planOf({ pay: false, payer: true }));
    expect(cardsOff).not.toContain("Pay now");
    expect(cardsOff).not.toContain("payers and administrators");
  });

  it("lists each payment with what is paid of it and its state, and has no Pay now once the plan ended", () => {
    const ended = planOf({ pay: false }, "COMPLETED");
    ended.running = { ...running, endedAt: day("2027-08-20") };
    const html = render(ended);
    for (const state of ["Paid", "Missed", "Overdue"]) expect(html).toContain(`>${state}<`);
    expect(html).toContain("Completed on Aug 20, 2027.");
    expect(html).not.toContain("Pay now");
    // Pressed as the plan was paid off: why nothing was charged still shows.
    const refused = render(ended, "en", {
      status: "error",
      error: { "": ["Nothing is due on PP-1001 right now."] },
    });
    expect(refused).toContain("The payment was not started");
    expect(refused).toContain("Nothing is due on PP-1001 right now.");
  });

  it("speaks Arabic", () => {
    const html = render(planOf({ pay: true }), "ar");
    expect(html).toContain(i18nFor("ar").t("payment-plans:running.title"));
    expect(html).not.toContain("Pay now");
  });
});
