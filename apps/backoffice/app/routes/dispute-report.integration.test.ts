import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { raiseDispute } from "@settle/domain/disputes/raise-dispute";
import { resolveDispute } from "@settle/domain/disputes/resolve-dispute";
import { createCustomer, createInvoiceForCustomer, createStaffUser } from "@settle/domain/seed/factories";
import { routeCaller } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfToken } from "../csrf.server.ts";
import { signInCookie } from "../session.server.ts";
import { loader as report } from "./dispute-report.tsx";
import { loader as csv } from "./dispute-report-csv.ts";
import { loader as xlsx } from "./dispute-report-xlsx.ts";

const BASE = "http://127.0.0.1:3001";
const call = routeCaller({ base: BASE, csrf: csrfToken });
const args = <T>(url: string, cookie: string) => call<T>(url, { cookie });

let cookie: string;
/** A dispute analyst whose language is Brazilian Portuguese. */
let portuguese: string;
let customerName: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  const db = getDb();
  const user = await createStaffUser(db, {
    email: `report-route-${randomUUID().slice(0, 8)}@settle.example`,
    roles: ["DISPUTE_ANALYST"],
    passwordHash: "not-used",
  });
  cookie = (await signInCookie(new Request(BASE), undefined, user.id)).split(";")[0]!;
  const colleague = await createStaffUser(db, {
    email: `report-route-pt-${randomUUID().slice(0, 8)}@settle.example`,
    roles: ["DISPUTE_ANALYST"],
    passwordHash: "not-used",
  });
  await db.staffUser.update({ where: { id: colleague.id }, data: { locale: "pt-BR" } });
  portuguese = (await signInCookie(new Request(BASE), undefined, colleague.id)).split(";")[0]!;
  const actor = { kind: "staff" as const, userId: user.id, roles: ["DISPUTE_ANALYST" as const] };
  const customer = await createCustomer(db, { name: `Repeat, "Quoted" ${randomUUID().slice(0, 4)}` });
  customerName = customer.name;
  // Two damaged-goods disputes of one customer (a repeat issue), one resolved valid.
  for (const cents of [40_00n, 60_00n]) {
    const invoice = await createInvoiceForCustomer(db, customer.id, {
      lines: [{ description: "Crate", quantityMilli: 1000n, unitPrice: cents, taxRateBp: 0 }],
    });
    const raised = await raiseDispute(
      {
        customerId: customer.id,
        invoiceId: invoice.id,
        scope: "WHOLE",
        reason: "DAMAGED_GOODS",
        description: "Crushed.",
        channel: "EMAIL",
        idempotencyKey: randomUUID(),
      },
      actor,
    );
    if (cents === 40_00n) {
      await resolveDispute(
        { disputeId: raised.id, outcome: "VALID", rootCause: "SHIPPING_ERROR", explanation: "Credited." },
        actor,
      );
    }
  }
});

describe("dispute report", () => {
  it("groups by reason with counts, amounts and repeat issues", async () => {
    const page = await report(args(`/reports/disputes?from=${today}&to=${today}`, cookie));
    expect(page.problem).toBeNull();
    const damaged = page.report?.rows.find((r) => r.key === "DAMAGED_GOODS");
    expect(damaged).toMatchObject({
      label: "Damaged goods",
      count: 2,
      valid: 1,
      open: 1,
      disputedAmount: 100_00n,
      creditedAmount: 40_00n,
    });
    expect(damaged?.medianCycleHours).toBe(0);
    expect(page.report?.repeats).toEqual([
      expect.objectContaining({ customerName, reason: "DAMAGED_GOODS", count: 2 }),
    ]);
    // A hand-edited grouping falls back to the default; a reversed period is explained, not a crash.
    expect((await report(args(`/reports/disputes?groupBy=nonsense`, cookie))).input.groupBy).toBe("reason");
    const reversed = await report(args(`/reports/disputes?from=2026-02-01&to=2026-01-01`, cookie));
    expect(reversed.report).toBeNull();
    expect(reversed.problem).toBe("The end date is before the start date.");
    const typo = await report(args(`/reports/disputes?from=2026-02-30&to=2026-03-01`, cookie));
    expect(typo.report).toBeNull();
    expect(typo.problem).toBe("“2026-02-30” is not a date. Use the date picker, or the form YYYY-MM-DD.");
  });

  it("names reasons and refuses a period in the staff user's language", async () => {
    const page = await report(args(`/reports/disputes?from=${today}&to=${today}`, portuguese));
    expect(page.report?.rows.find((r) => r.key === "DAMAGED_GOODS")?.label).toBe("Mercadoria danificada");
    const reversed = await report(args(`/reports/disputes?from=2026-02-01&to=2026-01-01`, portuguese));
    expect(reversed.problem).toBe("A data final é anterior à data inicial.");
    const typo = await report(args(`/reports/disputes?from=2026-02-30&to=2026-03-01`, portuguese));
    expect(typo.problem).toBe("“2026-02-30” não é uma data. Use o seletor de datas ou o formato AAAA-MM-DD.");

    // The export's headers and group names are Portuguese; its values stay codes and plain decimals.
    const query = `from=${today}&to=${today}`;
    const text = (await csv(args(`/reports/disputes.csv?${query}`, portuguese))) as Response;
    expect(text.headers.get("content-disposition")).toContain(`dispute-report-reason-${today}-${today}.csv`);
    const lines = (await text.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Motivo,Código,Moeda,Contestações,Em aberto,Procedentes,Parcialmente procedentes,Improcedentes,Retiradas,Contestado,Creditado,Ciclo médio (horas),Ciclo mediano (horas),Ciclo mais longo (horas)",
    );
    expect(lines).toContain("Mercadoria danificada,DAMAGED_GOODS,USD,2,1,1,0,0,0,100.00,40.00,0,0,0");
  });

  it("exports the same rows as CSV and XLSX downloads", async () => {
    const query = `from=${today}&to=${today}&groupBy=customer`;
    const text = (await csv(args(`/reports/disputes.csv?${query}`, cookie))) as Response;
    expect(text.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(text.headers.get("content-disposition")).toContain(
      `dispute-report-customer-${today}-${today}.csv`,
    );
    const lines = (await text.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Customer,Code,Currency,Disputes,Open,Valid,Partly valid,Invalid,Withdrawn,Disputed,Credited,Average cycle (hours),Median cycle (hours),Longest cycle (hours)",
    );
    const row = lines.find((l) => l.includes("Quoted"));
    // The customer's name is quoted as CSV requires; amounts are exact decimals.
    expect(row).toMatch(/^"Repeat, ""Quoted"" [^"]+",[0-9a-f-]{36},USD,2,1,1,0,0,0,100\.00,40\.00,0,0,0$/);

    const book = (await xlsx(args(`/reports/disputes.xlsx?${query}`, cookie))) as Response;
    expect(book.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const bytes = Buffer.from(await book.arrayBuffer());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
