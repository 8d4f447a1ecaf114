import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { createLegalEntity } from "../seed/factories.ts";
import { deactivateDisputeRule } from "./deactivate-dispute-rule.ts";
import {
  customerWithInvoice,
  failure,
  key,
  outboxTo,
  portalUser,
  staff,
} from "./dispute-fixtures.test-support.ts";
import { escalateOverdueDisputes } from "./escalate-overdue-disputes.ts";
import { getDispute } from "./get-dispute.ts";
import { listDisputeRules } from "./list-dispute-rules.ts";
import { listDisputes } from "./list-disputes.ts";
import { raiseDispute } from "./raise-dispute.ts";
import { reassignDispute } from "./reassign-dispute.ts";
import { resolveDispute } from "./resolve-dispute.ts";
import { saveDisputeRule } from "./save-dispute-rule.ts";
import { setDisputeThreshold } from "./set-dispute-threshold.ts";
import { setHoliday } from "./set-holiday.ts";

let manager: StaffActor & { email: string };
let owner: StaffActor & { email: string };
let entityA: string;
let entityB: string;
let logistics: string;

const iso = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  const db = getDb();
  manager = await staff(["AR_MANAGER"], "Ana Manager");
  owner = await staff(["DISPUTE_ANALYST"], "Otto Owner");
  entityA = (await createLegalEntity(db, { name: "Entity A" })).id;
  entityB = (await createLegalEntity(db, { name: "Entity B" })).id;
  logistics = (
    await db.department.create({
      data: { code: "LOG", name: "Logistics", email: "logistics@supplier.example" },
    })
  ).id;
  // Entity A closes on Christmas Eve, Christmas and the Monday after; entity B works through.
  for (const date of ["2026-12-24", "2026-12-25", "2026-12-28"]) {
    await setHoliday({ legalEntityId: entityA, date, name: "Holiday" }, manager);
  }
  await saveDisputeRule({ reason: "DAMAGED_GOODS", departmentId: logistics, deadlineDays: 3 }, manager);
  await saveDisputeRule(
    {
      reason: "DAMAGED_GOODS",
      legalEntityId: entityA,
      ownerId: owner.userId,
      departmentId: logistics,
      deadlineDays: 3,
    },
    manager,
  );
});

async function raise(entity: string, now: string) {
  const { customerId, invoiceId } = await customerWithInvoice(entity);
  const user = await portalUser(customerId);
  const raised = await raiseDispute(
    {
      customerId,
      invoiceId,
      scope: "LINES",
      lines: [{ lineNo: 2 }],
      reason: "DAMAGED_GOODS",
      description: "Crushed pallet.",
      idempotencyKey: key(),
    },
    user,
    { now: new Date(now) },
  );
  return { ...raised, customerId, user };
}

describe("routing and deadlines", () => {
  it("the deadline counts the legal entity's business days: weekends and its own holidays skipped", async () => {
    // Tuesday 22 December, three business days.
    const a = await raise(entityA, "2026-12-22T15:00:00Z");
    const b = await raise(entityB, "2026-12-22T15:00:00Z");
    // A: Wed 23, (Thu 24, Fri 25 holidays, weekend, Mon 28 holiday) Tue 29, Wed 30.
    expect(iso(a.deadline)).toBe("2026-12-30");
    // B: Wed 23, Thu 24, Fri 25.
    expect(iso(b.deadline)).toBe("2026-12-25");
    // Raised on a Saturday: Monday is day one.
    const weekend = await raise(entityB, "2026-11-21T09:00:00Z");
    expect(iso(weekend.deadline)).toBe("2026-11-25");
  });

  it("the most specific rule assigns: entity A's rule names the owner, elsewhere the department", async () => {
    const a = await raise(entityA, "2026-11-02T10:00:00Z");
    const b = await raise(entityB, "2026-11-02T10:00:00Z");
    expect(a).toMatchObject({ ownerId: owner.userId, departmentId: logistics });
    expect(b).toMatchObject({ ownerId: null, departmentId: logistics });
    const mails = await outboxTo(owner.email);
    expect(mails.some((m) => m.subject.startsWith(`Dispute ${a.label} assigned`))).toBe(true);
    const rules = await listDisputeRules(manager);
    expect(rules.filter((r) => r.reason === "DAMAGED_GOODS").map((r) => r.specificity)).toEqual([4, 0]);
    expect(await failure(saveDisputeRule({ reason: "TAX", deadlineDays: 2 }, manager))).toBe("VALIDATION");
    expect(
      await failure(saveDisputeRule({ reason: "TAX", departmentId: logistics, deadlineDays: 2 }, owner)),
    ).toBe("FORBIDDEN");
  });

  it("without a matching rule nobody owns it and the default deadline applies; staff reassign", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityB);
    const user = await portalUser(customerId);
    const raised = await raiseDispute(
      { customerId, invoiceId, scope: "WHOLE", reason: "TAX", description: "VAT", idempotencyKey: key() },
      user,
      { now: new Date("2026-11-02T10:00:00Z") },
    );
    expect(raised).toMatchObject({ ownerId: null, departmentId: null });
    expect(iso(raised.deadline)).toBe("2026-11-16");
    const reassigned = await reassignDispute(
      {
        disputeId: raised.id,
        ownerId: owner.userId,
        departmentId: null,
        note: "Tax is with Otto this month.",
      },
      manager,
    );
    expect(reassigned).toMatchObject({ ownerId: owner.userId, changed: true });
    const view = await getDispute({ disputeId: raised.id }, manager);
    expect(view.owner?.id).toBe(owner.userId);
    expect(view.messages.at(-1)).toMatchObject({ visibility: "INTERNAL" });
    expect((await listDisputes({ ownerId: owner.userId, customerId }, manager)).total).toBe(1);
    expect(
      await failure(reassignDispute({ disputeId: raised.id, ownerId: null, departmentId: null }, manager)),
    ).toBe("VALIDATION");
  });

  it("a deactivated rule no longer routes", async () => {
    const rule = await saveDisputeRule(
      { reason: "ALREADY_PAID", departmentId: logistics, deadlineDays: 1 },
      manager,
    );
    await deactivateDisputeRule(rule.id, manager);
    const { customerId, invoiceId } = await customerWithInvoice(entityB);
    const raised = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "WHOLE",
        reason: "ALREADY_PAID",
        description: "Paid.",
        idempotencyKey: key(),
      },
      await portalUser(customerId),
    );
    expect(raised.departmentId).toBeNull();
  });
});

describe("staff notices in the recipient's language", () => {
  it("a Portuguese-speaking owner and AR manager are written in Portuguese, English colleagues in English", async () => {
    const portuguese = await staff(["DISPUTE_ANALYST"], "Paula Dona", "pt-BR");
    const gerente = await staff(["AR_MANAGER"], "Gil Gerente", "pt-BR");
    const { customerId, invoiceId } = await customerWithInvoice(entityB);
    const raised = await raiseDispute(
      { customerId, invoiceId, scope: "WHOLE", reason: "TAX", description: "VAT", idempotencyKey: key() },
      await portalUser(customerId),
    );
    await reassignDispute(
      { disputeId: raised.id, ownerId: portuguese.userId, departmentId: null, note: "Yours." },
      manager,
    );
    const assigned = (await outboxTo(portuguese.email)).find((m) => m.category === "dispute.staff-assigned");
    expect(assigned?.subject).toMatch(new RegExp(`^Contestação ${raised.label} atribuída: `));
    expect(assigned?.textBody).toContain("foi atribuída a Paula Dona");

    // Her proposal (600.00, above a 250.00 approval amount) waits for an AR manager: each is
    // written in their own language.
    await setDisputeThreshold({ currency: "USD", amount: "250.00" }, manager);
    try {
      const proposed = await resolveDispute(
        { disputeId: raised.id, outcome: "VALID", rootCause: "TAX_SETUP", explanation: "Wrong rate." },
        portuguese,
      );
      expect(proposed.status).toBe("PENDING_APPROVAL");
    } finally {
      await setDisputeThreshold({ currency: "USD", amount: "1000.00" }, manager);
    }
    const approval = (m: { category: string }) => m.category === "dispute.staff-approval-needed";
    const inPortuguese = (await outboxTo(gerente.email)).find(approval);
    expect(inPortuguese?.subject).toBe(`Aprovação necessária: crédito da contestação ${raised.label}`);
    expect(inPortuguese?.textBody).toContain("Proposta: procedente, crédito de US$");
    const inEnglish = (await outboxTo(manager.email)).find(approval);
    expect(inEnglish?.subject).toBe(`Approval needed: dispute ${raised.label} credit`);
    expect(inEnglish?.textBody).toContain("Proposed: valid, credit of $");
  });
});

describe("escalation", () => {
  it("marks a breached dispute once, however often and concurrently it runs, and tells owner and managers once", async () => {
    const breached = await raise(entityA, "2026-11-02T10:00:00Z"); // deadline Thu 5 Nov
    const onTime = await raise(entityA, "2026-11-04T10:00:00Z"); // deadline Mon 9 Nov
    expect(iso(breached.deadline)).toBe("2026-11-05");

    // On the deadline day nothing is late yet.
    expect((await escalateOverdueDisputes({ now: new Date("2026-11-05T20:00:00Z") })).escalated).toBe(0);

    const friday = new Date("2026-11-06T08:00:00Z");
    const runs = await Promise.all([1, 2, 3, 4].map(() => escalateOverdueDisputes({ now: friday })));
    const again = await escalateOverdueDisputes({ now: friday });
    const total = runs.reduce((s, r) => s + r.escalated, 0) + again.escalated;
    const marked = await getDb().dispute.findMany({
      where: { id: { in: [breached.id, onTime.id] } },
      select: { id: true, escalatedAt: true },
    });
    expect(marked.find((d) => d.id === breached.id)?.escalatedAt).toBeInstanceOf(Date);
    expect(marked.find((d) => d.id === onTime.id)?.escalatedAt).toBeNull();
    // Other disputes of this file raised earlier may escalate too; ours exactly once.
    const events = await getDb().auditEvent.count({
      where: { entityType: "dispute", entityId: breached.id, action: "dispute.escalate" },
    });
    expect(events).toBe(1);
    // The runs together marked each breached dispute of this file once (the earlier run marked none).
    expect(total).toBe(await getDb().dispute.count({ where: { escalatedAt: { not: null } } }));

    const subject = `Deadline missed: dispute ${breached.label} (`;
    const ownerMails = (await outboxTo(owner.email)).filter((m) => m.subject.startsWith(subject));
    const managerMails = (await outboxTo(manager.email)).filter((m) => m.subject.startsWith(subject));
    const departmentMails = (await outboxTo("logistics@supplier.example")).filter((m) =>
      m.subject.startsWith(subject),
    );
    expect([ownerMails.length, managerMails.length, departmentMails.length]).toEqual([1, 1, 1]);

    const view = await getDispute({ disputeId: breached.id }, manager, { now: friday });
    expect(view).toMatchObject({ overdue: true });
    expect(view.escalatedAt).toBeInstanceOf(Date);
    expect(
      (await listDisputes({ overdue: true, customerId: breached.customerId }, manager, { now: friday }))
        .total,
    ).toBe(1);
  });

  it("a resolved dispute is never escalated", async () => {
    const late = await raise(entityB, "2026-10-01T10:00:00Z");
    await resolveDispute(
      {
        disputeId: late.id,
        outcome: "INVALID",
        rootCause: "CUSTOMER_ERROR",
        explanation: "Delivered intact; see POD.",
      },
      owner,
    );
    await escalateOverdueDisputes({ now: new Date("2026-11-30T08:00:00Z") });
    const row = await getDb().dispute.findUniqueOrThrow({
      where: { id: late.id },
      select: { escalatedAt: true },
    });
    expect(row.escalatedAt).toBeNull();
  });
});
