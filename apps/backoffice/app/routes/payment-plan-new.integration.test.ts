import { randomUUID } from "node:crypto";
import { addDays, isoDate } from "@settle/domain/base/dates";
import { getDb } from "@settle/domain/db/client";
import { createCustomer, createInvoiceForCustomer } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { loader as accountLoader } from "./customer-account.tsx";
import { loader as agreementPdf } from "./payment-plan-agreement-pdf.ts";
import { action, loader } from "./payment-plan-new.tsx";

let customerId: string;
let invoiceIds: string[];
let foreignInvoiceId: string;
const call = backofficeCaller(() => ({ customerId }));
const day = (days: number) => isoDate(addDays(new Date(), days));

type Answer = { reply: { error?: Record<string, string[] | null> }; done: unknown };

const terms = (extra: Record<string, string> = {}): [string, string][] => [
  ["customerId", customerId],
  ...invoiceIds.map((id): [string, string] => ["invoiceIds", id]),
  ["downPayment", ""],
  ["instalments", "3"],
  ["frequency", "MONTHLY"],
  ["firstDate", day(30)],
  ["expiresOn", day(7)],
  ["idempotencyKey", `payment-plan-${randomUUID()}`],
  ...Object.entries(extra),
];
/** The terms with some fields replaced (a later value of the same name would be a second value). */
const replaced = (changes: Record<string, string>) =>
  terms().map(([k, v]): [string, string] => [k, changes[k] ?? v]);

beforeAll(async () => {
  const db = getDb();
  customerId = (await createCustomer(db, { name: "Route Plan Ltd" })).id;
  invoiceIds = [
    (await createInvoiceForCustomer(db, customerId)).id,
    (await createInvoiceForCustomer(db, customerId)).id,
  ];
  const other = await createCustomer(db, { name: "Someone Else Ltd" });
  foreignInvoiceId = (await createInvoiceForCustomer(db, other.id)).id;
});

describe("proposing a payment plan from the back office", () => {
  it("lets a collector offer a plan and shows it on the account page with its toast", async () => {
    const cookie = await signedInStaff(["COLLECTOR"]);
    const page = await outcome<{ proposal: { invoices: { id: string }[]; currency: string } }>(
      loader(call(`/customers/${customerId}/payment-plans/new`, { cookie })),
    );
    expect(page.status).toBe(200);
    expect(page.data?.proposal.invoices.map((i) => i.id).sort()).toEqual([...invoiceIds].sort());

    const posted = await outcome(
      action(call(`/customers/${customerId}/payment-plans/new`, { cookie, form: terms() })),
    );
    expect(posted.status).toBe(302);
    const plan = await getDb().paymentPlan.findFirstOrThrow({ where: { customerId } });
    expect(plan.status).toBe("PROPOSED");
    expect(posted.location).toBe(`/customers/${customerId}?proposed=${plan.id}#payment-plans`);

    const account = await outcome<{
      plans: { plans: { id: string; status: string }[]; can: { propose: boolean } };
      proposed: string;
    }>(accountLoader(call(`/customers/${customerId}?proposed=${plan.id}`, { cookie })));
    expect(account.data?.plans.plans.map((p) => [p.id, p.status])).toEqual([[plan.id, "PROPOSED"]]);
    expect(account.data?.plans.can.propose).toBe(true);
    expect(account.data?.proposed).toBe(plan.id);

    // The agreement as the customer gets it, for staff too; an unknown plan is a 404.
    const pdfUrl = (planId: string) => `/customers/${customerId}/payment-plans/${planId}/agreement.pdf`;
    const pdf = await outcome(agreementPdf(call(pdfUrl(plan.id), { cookie, params: { planId: plan.id } })));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const unknown = randomUUID();
    expect(
      (await outcome(agreementPdf(call(pdfUrl(unknown), { cookie, params: { planId: unknown } })))).status,
    ).toBe(404);
  });

  it("answers a wrong field with 400 on that field, in words", async () => {
    const cookie = await signedInStaff(["AR_MANAGER"]);
    const url = `/customers/${customerId}/payment-plans/new`;
    const past = await outcome<Answer>(action(call(url, { cookie, form: replaced({ firstDate: day(-1) }) })));
    expect(past.status).toBe(400);
    expect(past.data?.reply.error?.firstDate).toEqual(["The first payment cannot be in the past."]);
    const count = await outcome<Answer>(action(call(url, { cookie, form: replaced({ instalments: "0" }) })));
    expect(count.status).toBe(400);
    expect(count.data?.reply.error?.instalments).toEqual(["Enter a number of instalments from 1 to 60."]);
  });

  it("is not for a cash applier, and another customer's invoice is not found", async () => {
    const url = `/customers/${customerId}/payment-plans/new`;
    const applier = await signedInStaff(["CASH_APPLIER"]);
    expect((await outcome(loader(call(url, { cookie: applier })))).status).toBe(403);
    expect((await outcome(action(call(url, { cookie: applier, form: terms() })))).status).toBe(403);

    const collector = await signedInStaff(["COLLECTOR"]);
    const foreign = terms().filter(([k]) => k !== "invoiceIds");
    foreign.push(["invoiceIds", foreignInvoiceId]);
    expect((await outcome(action(call(url, { cookie: collector, form: foreign })))).status).toBe(404);
    expect(
      (await outcome(loader(call(url, { cookie: collector, params: { customerId: randomUUID() } })))).status,
    ).toBe(404);
  });
});
