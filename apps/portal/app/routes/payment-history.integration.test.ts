import { pdfText } from "@settle/documents/test-support";
import { getDb } from "@settle/domain/db/client";
import type { PaymentList } from "@settle/domain/payments/list-payments";
import {
  createPayingCustomer,
  type PayingCustomer,
  payByCard,
  useStripeSandbox as sandboxForThisFile,
} from "@settle/domain/payments/stripe-test-setup.test-support";
import { createCreditForCustomer, createLegalEntity, createPortalUser } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "../i18n/i18n.server";
import { portalCaller, portalSessionCookie } from "../route-test.test-support";
import { loader as paymentHistory } from "./payment-history";
import { loader as receiptPdf } from "./payment-receipt-pdf";

// (Not a React hook: it starts the sandbox for this file's tests.)
const stripeSandbox = sandboxForThisFile({ secret: "whsec_portal_payment_history", webhooks: "processed" });

let account: PayingCustomer;
let stranger: PayingCustomer;
let cardPaymentId: string;
let chequeId: string;
let cookie: string;
let strangerCookie: string;
const call = portalCaller(() => ({ customerId: account.customerId }));

beforeAll(async () => {
  const entityId = (await createLegalEntity(getDb(), { name: "Contoso Receipts Inc." })).id;
  account = await createPayingCustomer({ legalEntityId: entityId, invoices: 1 });
  stranger = await createPayingCustomer({ legalEntityId: entityId, invoices: 1 });
  cardPaymentId = (await payByCard(stripeSandbox, account)).paymentItemId!;
  chequeId = (
    await createCreditForCustomer(getDb(), account.customerId, { amount: 5000n, paymentMethod: "CHECK" })
  ).id;
  // A viewer of the account reads the tab and the receipts (the payer made the payment).
  const viewer = await createPortalUser(getDb(), {
    email: `viewer-${account.customerId.slice(0, 8)}@customer.example`,
    memberships: [{ customerId: account.customerId, role: "VIEWER" }],
  });
  cookie = await portalSessionCookie(viewer.id);
  strangerCookie = await portalSessionCookie(stranger.payer.userId);
});

async function receipt(paymentId: string, options: { cookie?: string; customerId?: string } = {}) {
  return outcome(
    receiptPdf(
      call(`/accounts/${options.customerId ?? account.customerId}/payments/${paymentId}/receipt`, {
        cookie: options.cookie ?? cookie,
        params: { paymentId, ...(options.customerId ? { customerId: options.customerId } : {}) },
      }),
    ),
  );
}

describe("the Payments tab", () => {
  it("lists the account's payments for any member, the card as 'Visa •••• 4242'", async () => {
    const page = await outcome<{ list: PaymentList }>(
      paymentHistory(call(`/accounts/${account.customerId}/payments`, { cookie })),
    );
    expect(page.status).toBe(200);
    const ids = page.data!.list.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([cardPaymentId, chequeId]));
    const card = page.data!.list.rows.find((r) => r.id === cardPaymentId)!;
    expect(card.method).toEqual({ kind: "CARD", brand: "visa", last4: "4242" });
    expect(card.hasReceipt).toBe(true);
  });

  it("says which filter is wrong with a 400, and shows another account to nobody", async () => {
    const wrong = await outcome<{ problem: { messageKey: string } }>(
      paymentHistory(call(`/accounts/${account.customerId}/payments?type=gifts`, { cookie })),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data?.problem.messageKey).toBe("payment-history:problems.unknownType");
    const foreign = await outcome(
      paymentHistory(call(`/accounts/${account.customerId}/payments`, { cookie: strangerCookie })),
    );
    expect(foreign.status).toBe(404);
  });
});

describe("the receipt PDF", () => {
  it("names the card as the payer knows it and is named after the receipt number", async () => {
    const answer = await receipt(cardPaymentId);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    const item = await getDb().openItem.findUniqueOrThrow({ where: { id: cardPaymentId } });
    expect(answer.headers.get("content-disposition")).toContain(`receipt-${item.number}.pdf`);
  });

  it("is in the reader's language, with the card in its own words", async () => {
    const language = (await localeCookie.serialize("es")).split(";")[0]!;
    const response = await receiptPdf(
      call(`/accounts/${account.customerId}/payments/${cardPaymentId}/receipt`, {
        cookie: `${cookie}; ${language}`,
        params: { paymentId: cardPaymentId },
      }),
    );
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("Recibo de pago");
    expect(text).toContain("Visa •••• 4242");
    const cheque = await receiptPdf(
      call(`/accounts/${account.customerId}/payments/${chequeId}/receipt`, {
        cookie: `${cookie}; ${language}`,
        params: { paymentId: chequeId },
      }),
    );
    expect(pdfText(Buffer.from(await cheque.arrayBuffer()))).toContain("Cheque");
  });

  it("is a 404 for another account's payment, an invoice and a malformed id", async () => {
    expect((await receipt(cardPaymentId, { cookie: strangerCookie })).status).toBe(404);
    expect(
      (await receipt(cardPaymentId, { cookie: strangerCookie, customerId: stranger.customerId })).status,
    ).toBe(404);
    expect((await receipt(account.invoices[0]!.id)).status).toBe(404);
    expect((await receipt("not-a-payment")).status).toBe(404);
  });
});
