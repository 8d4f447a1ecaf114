import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import type { StaffRole } from "@settle/domain/db/generated/enums";
import { createLegalEntity, createStaffUser } from "@settle/domain/seed/factories";
import type { FormAnswer } from "@settle/web/forms.server";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { action, loader } from "./dispute-matrix.tsx";

const call = backofficeCaller();

function args<T>(url: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
  return call<T>(url, init);
}

function post(session: string, fields: Record<string, string>) {
  return { form: fields, cookie: session };
}

/** The status and body of an action's answer: Conform's reply and what it did. */
async function answer(promise: Promise<unknown>) {
  const { status, data } = await outcome<FormAnswer<{ intent: string; message: string }>>(promise);
  if (!data) throw new Error(`expected a form answer, got status ${status}`);
  return { status, body: data };
}

async function session(roles: StaffRole[], locale?: string) {
  const user = await createStaffUser(getDb(), {
    email: `matrix-route-${randomUUID().slice(0, 8)}@settle.example`,
    roles,
    passwordHash: "not-used",
  });
  if (locale) await getDb().staffUser.update({ where: { id: user.id }, data: { locale } });
  return staffSessionCookie(user.id);
}

let manager: string;
let analyst: string;
let entityId: string;
let departmentId: string;

beforeAll(async () => {
  manager = await session(["AR_MANAGER"]);
  analyst = await session(["DISPUTE_ANALYST"]);
  entityId = (await createLegalEntity(getDb(), { name: "Matrix Route Entity" })).id;
  departmentId = (
    await getDb().department.create({ data: { code: `TAX-${randomUUID().slice(0, 6)}`, name: "Tax desk" } })
  ).id;
});

const rule = (extra: Record<string, string> = {}) => ({
  intent: "rule-save",
  reason: "TAX",
  legalEntityId: entityId,
  currency: "",
  minAmount: "",
  maxAmount: "",
  departmentId,
  ownerId: "",
  deadlineDays: "7",
  ...extra,
});

describe("dispute matrix", () => {
  it("is a page for AR managers and admins: other roles get 403 on opening it and on every change", async () => {
    expect((await outcome(loader(args("/settings/dispute-matrix", { cookie: analyst })))).status).toBe(403);
    const rulesBefore = await getDb().disputeRule.count();
    const attempts: Record<string, string>[] = [
      rule(),
      { intent: "holiday-set", legalEntityId: entityId, date: "2026-12-24", name: "Christmas Eve" },
      { intent: "threshold-set", currency: "USD", amount: "5.00" },
    ];
    for (const fields of attempts) {
      const { status, body } = await answer(action(args("/x", post(analyst, fields))));
      expect(status).toBe(403);
      expect(body.done).toBeNull();
      expect(body.reply.error?.[""]).toEqual(["Your role does not allow this."]);
    }
    expect(await getDb().disputeRule.count()).toBe(rulesBefore);
    expect(await getDb().holiday.count({ where: { legalEntityId: entityId } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { entityType: "dispute_rule" } })).toBe(0);
  });

  it("an AR manager adds, edits and deactivates a rule; each change is audited", async () => {
    const added = await answer(action(args("/x", post(manager, rule()))));
    expect(added.body.done).toEqual({
      intent: "rule-save",
      message: "Rule added. New disputes use it at once.",
    });
    const page = await loader(args("/settings/dispute-matrix", { cookie: manager }));
    const saved = page.rules.find((r) => r.reason === "TAX" && r.legalEntity?.id === entityId)!;
    expect(saved).toMatchObject({ deadlineDays: 7, department: { id: departmentId } });

    const editing = await loader(args(`/settings/dispute-matrix?edit=${saved.id}`, { cookie: manager }));
    expect(editing.editing?.id).toBe(saved.id);
    const edited = await answer(
      action(
        args(
          "/x",
          post(manager, rule({ ruleId: saved.id, currency: "USD", minAmount: "1000.00", deadlineDays: "3" })),
        ),
      ),
    );
    expect(edited.body.done?.message).toBe("Rule saved. New disputes use it at once.");
    const row = await getDb().disputeRule.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ minAmount: 1_000_00n, deadlineDays: 3 });

    const off = await answer(
      action(args("/x", post(manager, { intent: "rule-deactivate", ruleId: saved.id }))),
    );
    expect(off.body.done?.message).toBe("Rule deactivated. Disputes it routed keep their owner.");
    const after = await loader(args("/settings/dispute-matrix", { cookie: manager }));
    expect(after.rules.some((r) => r.id === saved.id)).toBe(false);
    const all = await loader(args("/settings/dispute-matrix?inactive=1", { cookie: manager }));
    expect(all.rules.find((r) => r.id === saved.id)?.active).toBe(false);
    const actions = await getDb().auditEvent.findMany({
      where: { entityType: "dispute_rule", entityId: saved.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "dispute-rule.create",
      "dispute-rule.update",
      "dispute-rule.deactivate",
    ]);
  });

  it("validates rules and keeps what was typed", async () => {
    const before = await getDb().disputeRule.count();
    const nowhere = await answer(action(args("/x", post(manager, rule({ departmentId: "" })))));
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.reply.error).toEqual({ departmentId: ["Route to a department, a person, or both."] });
    expect(nowhere.body.reply.initialValue).toMatchObject({ deadlineDays: "7" });
    const band = await answer(action(args("/x", post(manager, rule({ minAmount: "50.00" })))));
    expect(band.body.reply.error).toEqual({ currency: ["An amount band needs its currency."] });
    const days = await answer(action(args("/x", post(manager, rule({ deadlineDays: "0" })))));
    expect(days.status).toBe(400);
    expect(days.body.reply.error).toEqual({ deadlineDays: ["At least one business day."] });
    const order = await answer(
      action(args("/x", post(manager, rule({ currency: "USD", minAmount: "500", maxAmount: "100" })))),
    );
    expect(order.body.reply.error).toEqual({ maxAmount: ["The maximum must be above the minimum."] });
    const unknown = await answer(action(args("/x", post(manager, rule({ intent: "rule-delete-all" })))));
    expect(unknown.status).toBe(400);
    expect(unknown.body.reply.error?.[""]).toEqual([
      "This form does not do that. Reload the page and try again.",
    ]);
    expect(await getDb().disputeRule.count()).toBe(before);
  });

  it("holidays per legal entity and year, and approval amounts per currency", async () => {
    const set = await answer(
      action(
        args(
          "/x",
          post(manager, {
            intent: "holiday-set",
            legalEntityId: entityId,
            date: "2027-01-01",
            name: "New Year",
          }),
        ),
      ),
    );
    expect(set.body.done?.message).toBe("Holiday saved. Deadlines set from now on skip it.");
    const page = await loader(
      args(`/settings/dispute-matrix?entity=${entityId}&year=2027`, { cookie: manager }),
    );
    expect(page.holidays.entity?.id).toBe(entityId);
    expect(page.holidays.rows.map((h) => h.name)).toEqual(["New Year"]);
    const bad = await answer(
      action(
        args(
          "/x",
          post(manager, { intent: "holiday-set", legalEntityId: entityId, date: "2027-02-30", name: "" }),
        ),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.reply.error).toEqual({ date: ["Use YYYY-MM-DD."] });
    await answer(
      action(
        args("/x", post(manager, { intent: "holiday-remove", legalEntityId: entityId, date: "2027-01-01" })),
      ),
    );
    expect(await getDb().holiday.count({ where: { legalEntityId: entityId } })).toBe(0);

    const threshold = await answer(
      action(args("/x", post(manager, { intent: "threshold-set", currency: "chf", amount: "750.00" }))),
    );
    expect(threshold.body.done?.message).toBe("CHF approval amount saved.");
    const wrong = await answer(
      action(args("/x", post(manager, { intent: "threshold-set", currency: "CHF", amount: "lots" }))),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.reply.error).toEqual({ amount: ["Enter an amount in CHF, like 1,000.00."] });
    expect(wrong.body.reply.initialValue).toMatchObject({ amount: "lots" });
    const after = await loader(args("/settings/dispute-matrix", { cookie: manager }));
    expect(after.thresholds.find((t) => t.currency === "CHF")?.amount).toBe(750_00n);
  });
});

describe("departments on the matrix page", () => {
  it("an AR manager adds a department with its names in other languages; staff see theirs", async () => {
    const code = `LOG-${randomUUID().slice(0, 6).toUpperCase()}`;
    const department = {
      intent: "department-save",
      code,
      name: "Logistics",
      email: "",
      nameEs: "Logística",
      namePtBR: "Logística e transporte",
      nameAr: "الخدمات اللوجستية",
    };
    expect((await answer(action(args("/x", post(analyst, department))))).status).toBe(403);
    const added = await answer(action(args("/x", post(manager, department))));
    expect(added.status).toBe(200);
    expect(added.body.done?.message).toBe("Department added. Rules can route disputes to it now.");

    const portuguese = await session(["AR_MANAGER"], "pt-BR");
    const matrix = await loader(args("/settings/dispute-matrix", { cookie: portuguese }));
    const row = matrix.departments.find((d) => d.code === code);
    expect(row).toMatchObject({
      name: "Logística e transporte",
      storedName: "Logistics",
      translations: { es: "Logística", "pt-BR": "Logística e transporte", ar: "الخدمات اللوجستية" },
    });
    const english = await loader(args(`/settings/dispute-matrix?department=${row!.id}`, { cookie: manager }));
    expect(english.departments.find((d) => d.code === code)?.name).toBe("Logistics");
    expect(english.editingDepartment?.id).toBe(row!.id);

    const renamed = await answer(
      action(args("/x", post(manager, { ...department, departmentId: row!.id, namePtBR: "" }))),
    );
    expect(renamed.body.done?.message).toBe("Department saved. Pages and e-mails use its names at once.");
    const after = await loader(args("/settings/dispute-matrix", { cookie: portuguese }));
    expect(after.departments.find((d) => d.code === code)?.name).toBe("Logistics");
  });

  it("refuses a code already taken and a missing name on their fields, in the page's language", async () => {
    const taken = `FIN-${randomUUID().slice(0, 6).toUpperCase()}`;
    const first = { intent: "department-save", code: taken, name: "Finance" };
    expect((await answer(action(args("/x", post(manager, first))))).status).toBe(200);
    const again = await answer(
      action(args("/x", post(manager, { intent: "department-save", code: taken, name: "Tax again" }))),
    );
    expect(again.status).toBe(409);
    expect(again.body.reply.error).toEqual({
      code: [`A department with the code ${taken} exists already. Choose another code.`],
    });
    const nameless = await answer(
      action(args("/x", post(manager, { intent: "department-save", code: "NEW-1", name: " " }))),
    );
    expect(nameless.status).toBe(400);
    expect(nameless.body.reply.error).toEqual({ name: ["Enter a name."] });
  });
});
