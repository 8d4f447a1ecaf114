import { getDb } from "@settle/domain/db/client";
import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { planOverInvoices } from "@settle/domain/plans/plan-fixtures.test-support";
import { createCustomer, createInvoiceForCustomer } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import type { PageInPlan } from "../components/invoices/in-plan-mark";
import type { PageInvoiceList } from "../components/invoices/invoice-list-for-page";
import type { PageStatement } from "../components/statement/statement-for-page";
import { portalCaller, signedInMember } from "../route-test.test-support";
import { loader as invoiceLoader } from "./invoice-detail";
import { loader as invoicesLoader } from "./invoices";
import { loader as statementLoader } from "./statement";
import { loader as statementCsv } from "./statement-csv";

let customerId: string;
let cookie: string;
let plan: { id: string; label: string };
let coveredId: string;
let looseId: string;
const call = portalCaller(() => ({ customerId }));

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Plan Marks Route Ltd" })).id;
  cookie = (await signedInMember(customerId, "VIEWER")).cookie;
  const accepted = await planOverInvoices(customerId);
  plan = accepted.plan;
  coveredId = accepted.invoices[0]!.id;
  looseId = (await createInvoiceForCustomer(getDb(), customerId)).id;
});

const marked = (): PageInPlan => ({
  planId: plan.id,
  label: plan.label,
  next: expect.objectContaining({ currency: "USD", missed: false }),
});

describe("in plan marks in the portal", () => {
  it("the invoice list marks the covered invoice, and filters by in plan", async () => {
    const page = await outcome<{ list: PageInvoiceList }>(
      invoicesLoader(call(`/accounts/${customerId}/invoices`, { cookie })),
    );
    const rows = new Map(page.data!.list.rows.map((r) => [r.id, r]));
    expect(rows.get(coveredId)?.inPlan).toEqual(marked());
    expect(rows.get(looseId)?.inPlan).toBeNull();

    const filtered = await outcome<{ list: PageInvoiceList }>(
      invoicesLoader(call(`/accounts/${customerId}/invoices?status=in_plan`, { cookie })),
    );
    expect(filtered.data!.list.rows.map((r) => r.id)).toEqual([coveredId]);
  });

  it("the invoice page carries the plan of a covered invoice only", async () => {
    const covered = await outcome<{ invoice: InvoiceDetail }>(
      invoiceLoader(
        call(`/accounts/${customerId}/invoices/${coveredId}`, { cookie, params: { invoiceId: coveredId } }),
      ),
    );
    expect(covered.data!.invoice.inPlan?.plan).toMatchObject({ id: plan.id, label: plan.label });
    const loose = await outcome<{ invoice: InvoiceDetail }>(
      invoiceLoader(
        call(`/accounts/${customerId}/invoices/${looseId}`, { cookie, params: { invoiceId: looseId } }),
      ),
    );
    expect(loose.data!.invoice.inPlan).toBeNull();
  });

  it("the statement marks the covered line, totals what plans cover, and its CSV names the plan", async () => {
    const page = await outcome<{ statement: PageStatement }>(
      statementLoader(call(`/accounts/${customerId}/statement?view=open`, { cookie })),
    );
    const lines = new Map(page.data!.statement.lines.rows.map((r) => [r.id, r]));
    expect(lines.get(coveredId)?.inPlan).toEqual(marked());
    expect(lines.get(looseId)?.inPlan).toBeNull();
    const covered = await getDb().openItem.findUniqueOrThrow({ where: { id: coveredId } });
    expect(page.data!.statement.aging.inPlan).toBe(covered.openAmount);

    const csv = await outcome(
      statementCsv(call(`/accounts/${customerId}/statement.csv?view=open`, { cookie })),
    );
    const rows = (await csv.response!.text()).trim().split(/\r?\n/);
    const header = rows[0]!.split(",");
    const column = header.indexOf("Payment plan");
    expect(column).toBeGreaterThan(-1);
    const cellOf = (number: string) => rows.find((r) => r.includes(number))?.split(",")[column];
    expect(cellOf(covered.number)).toBe(plan.label);
    const loose = await getDb().openItem.findUniqueOrThrow({ where: { id: looseId } });
    expect(cellOf(loose.number)).toBe("");
  });
});
