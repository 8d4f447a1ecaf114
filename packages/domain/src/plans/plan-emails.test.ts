import { describe, expect, it } from "vitest";
import { PORTAL_LOCALES } from "../base/portal-locales.ts";
import {
  paymentPlanPath,
  planCompletedEmail,
  planDefaultedEmail,
  planOfferEmail,
  planReminderEmail,
} from "./plan-emails.ts";

const link = `https://portal.example.com${paymentPlanPath("c-1", "p-1")}`;
const base = {
  name: "Ana <Admin>",
  plan: "PP-1001",
  account: "Acme & Sons",
  accountNumber: "C-1",
  currency: "EUR",
  link,
};
const SUBJECTS = {
  en: "PP-1001: a payment plan is waiting for your answer",
  es: "PP-1001: un plan de pagos espera su respuesta",
  "pt-BR": "PP-1001: um plano de pagamento aguarda sua resposta",
  ar: "\u2068PP-1001\u2069: خطة سداد بانتظار ردّك",
};

describe("payment plan e-mails", () => {
  for (const locale of PORTAL_LOCALES) {
    it(`are written in ${locale}, each with the plan's page`, () => {
      const v = { ...base, locale };
      const offer = planOfferEmail({
        ...v,
        total: 120_000n,
        downPayment: 20_000n,
        instalments: 4,
        firstDate: new Date("2027-04-01T00:00:00Z"),
        expiresOn: new Date("2027-03-20T00:00:00Z"),
      });
      expect(offer.subject).toBe(SUBJECTS[locale]);
      const mails = [
        offer,
        planReminderEmail({ ...v, amount: 25_000n, dueDate: new Date("2027-05-01T00:00:00Z") }),
        planDefaultedEmail(v),
        planCompletedEmail(v),
      ];
      for (const mail of mails) {
        expect(mail.subject).toContain("PP-1001");
        expect(mail.text).toContain(link);
        expect(mail.html).toContain(`href="${link}"`);
        expect(mail.html).toContain(`dir="${locale === "ar" ? "rtl" : "ltr"}"`);
        // Values are escaped in the HTML, as given in the text.
        expect(mail.html).not.toContain("<Admin>");
        expect(mail.text).toContain("Ana <Admin>");
      }
      expect(new Set(mails.map((m) => m.subject)).size).toBe(4);
    });
  }

  it("gives the offer's facts and leaves the down payment out when there is none", () => {
    const offer = (downPayment: bigint) =>
      planOfferEmail({
        ...base,
        locale: "en",
        total: 120_000n,
        downPayment,
        instalments: 4,
        firstDate: new Date("2027-04-01T00:00:00Z"),
        expiresOn: new Date("2027-03-20T00:00:00Z"),
      });
    const withDown = offer(20_000n).text;
    expect(withDown).toContain(
      "Total: €1,200.00\nDown payment: €200.00\nInstalments: 4\nFirst payment: April 1, 2027",
    );
    expect(withDown).toContain("The offer stands until March 20, 2027.");
    expect(offer(0n).text).not.toContain("Down payment");
    expect(offer(0n).html).toContain("Total: €1,200.00<br>Instalments: 4");
  });

  it("names what is still due in the reminder", () => {
    const mail = planReminderEmail({
      ...base,
      locale: "en",
      amount: 25_000n,
      dueDate: new Date("2027-05-01T00:00:00Z"),
    });
    expect(mail.subject).toBe("PP-1001: a payment of €250.00 is overdue");
    expect(mail.text).toContain(
      "The payment of €250.00 due on May 1, 2027 under payment plan PP-1001 for account Acme & Sons",
    );
  });
});
