import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { createLegalEntity } from "../seed/factories.ts";
import { departmentName } from "./department-names.ts";
import {
  caught,
  customerWithInvoice,
  failure,
  key,
  minimalPdf,
  outboxTo,
  portalUser,
  staff,
} from "./dispute-fixtures.test-support.ts";
import { getDisputeReport } from "./dispute-report.ts";
import { getDispute, getPortalDispute } from "./get-dispute.ts";
import { listDepartments } from "./list-departments.ts";
import { listDisputes } from "./list-disputes.ts";
import { raiseDispute } from "./raise-dispute.ts";
import { saveDepartment } from "./save-department.ts";
import { saveDisputeRule } from "./save-dispute-rule.ts";

let entityId: string;
let manager: StaffActor;
let owner: StaffActor & { email: string };
const code = `PRC-${randomUUID().slice(0, 6).toUpperCase()}`;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Department Names Entity" })).id;
  manager = await staff(["AR_MANAGER"]);
  owner = await staff(["DISPUTE_ANALYST"], "Paula Prado", "pt-BR");
});

describe("department names in several languages", () => {
  it("an AR manager names a department in Spanish, Portuguese and Arabic; others may not; codes are unique", async () => {
    const input = {
      code: code.toLowerCase(),
      name: "Pricing desk",
      email: "Pricing@Supplier.example",
      nameEs: "Mesa de precios",
      namePtBR: "  Mesa de preços ",
      nameAr: "",
    };
    expect(await failure(saveDepartment(input, await staff(["DISPUTE_ANALYST"])))).toBe("FORBIDDEN");
    const { id } = await saveDepartment(input, manager);
    const stored = await getDb().department.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      code,
      name: "Pricing desk",
      email: "pricing@supplier.example",
      nameTranslations: { es: "Mesa de precios", "pt-BR": "Mesa de preços" },
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { entityType: "department", entityId: id },
    });
    expect(audit.action).toBe("department.create");

    const taken = await caught(saveDepartment({ ...input, name: "Another" }, manager));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.details).toMatchObject({ field: "code", reason: "department-code-taken", code });
    expect(await failure(saveDepartment({ ...input, departmentId: randomUUID() }, manager))).toBe(
      "NOT_FOUND",
    );

    const byLanguage = async (locale: string) =>
      (await listDepartments(manager, { locale })).find((d) => d.id === id)?.name;
    expect(await byLanguage("pt-BR")).toBe("Mesa de preços");
    expect(await byLanguage("es")).toBe("Mesa de precios");
    expect(await byLanguage("ar")).toBe("Pricing desk");
    expect(await byLanguage("en")).toBe("Pricing desk");
  });

  it("a dispute routed to it shows the reader's name on the portal, in the back office, the report and e-mails", async () => {
    const department = await getDb().department.findUniqueOrThrow({ where: { code } });
    await saveDepartment(
      {
        departmentId: department.id,
        code: "IGNORED",
        name: "Pricing desk",
        email: "",
        nameEs: "Mesa de precios",
        namePtBR: "Mesa de preços",
        nameAr: "مكتب التسعير",
      },
      manager,
    );
    expect((await getDb().department.findUniqueOrThrow({ where: { id: department.id } })).code).toBe(code);
    await saveDisputeRule(
      {
        reason: "PRICING",
        legalEntityId: entityId,
        departmentId: department.id,
        ownerId: owner.userId,
        deadlineDays: 5,
      },
      manager,
    );
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const payer = await portalUser(customerId, "PAYER", "pt-BR");
    const raised = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "WHOLE",
        reason: "PRICING",
        description: "Preço acima do contrato.",
        attachments: [{ fileName: "contrato.pdf", bytes: minimalPdf() }],
        idempotencyKey: key(),
      },
      payer,
    );

    const portal = (locale?: string) =>
      getPortalDispute({ customerId, disputeId: raised.id }, payer, { locale });
    expect((await portal("pt-BR")).department).toBe("Mesa de preços");
    expect((await portal("ar")).department).toBe("مكتب التسعير");
    expect((await portal("en")).department).toBe("Pricing desk");
    expect((await portal()).department).toBe("Pricing desk");

    const staffView = await getDispute({ disputeId: raised.id }, owner, { locale: "es" });
    expect(staffView.department).toEqual({ id: department.id, name: "Mesa de precios" });
    const queue = await listDisputes({ departmentId: department.id }, owner, { locale: "pt-BR" });
    expect(queue.rows.map((r) => r.department?.name)).toEqual(["Mesa de preços"]);

    const today = new Date().toISOString().slice(0, 10);
    const report = await getDisputeReport({ from: today, to: today, groupBy: "department" }, owner, {
      locale: "ar",
    });
    expect(report.rows.find((r) => r.key === department.id)?.label).toBe("مكتب التسعير");

    // The owner chose Portuguese: the assignment notice names the department in Portuguese.
    const mails = await outboxTo(owner.email);
    expect(mails.map((m) => m.textBody).join("\n")).toContain("Mesa de preços");
    expect(mails.map((m) => m.textBody).join("\n")).not.toContain("Pricing desk");
  });

  it("falls back to the name for a language without a translation, and ignores what is not one", () => {
    const stored = { name: "Logistics", nameTranslations: { es: "Logística", fr: "Logistique", ar: 3 } };
    expect(departmentName(stored, "es")).toBe("Logística");
    expect(departmentName(stored, "ar")).toBe("Logistics");
    expect(departmentName(stored, "fr")).toBe("Logistics");
    expect(departmentName({ name: "Tax", nameTranslations: null }, "pt-BR")).toBe("Tax");
  });
});
