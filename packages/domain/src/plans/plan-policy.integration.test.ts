import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createLegalEntity } from "../seed/factories.ts";
import { getPlanPolicy, listPlanPolicies, updatePlanPolicy } from "./plan-policy.ts";
import type { UpdatePlanPolicyInput } from "./plan-policy-forms.ts";

const manager: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["AR_MANAGER"] };
const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };

let eur: string;
let jpy: string;
let kwd: string;

const form = (extra: Partial<UpdatePlanPolicyInput> = {}): UpdatePlanPolicyInput => ({
  legalEntityId: eur,
  feeBps: 150,
  graceDays: 3,
  reminderDays: 5,
  missesToDefault: 3,
  selfServiceEnabled: true,
  selfServiceMaxTotal: "10,000.00",
  selfServiceMaxInstalments: 4,
  selfServiceMinDownBps: 2000,
  selfServiceRiskClasses: ["LOW"],
  ...extra,
});

async function refusal(run: Promise<unknown>): Promise<{ code: string; field: unknown }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.details?.field };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  const db = getDb();
  eur = (await createLegalEntity(db, { currency: "EUR", country: "DE" })).id;
  jpy = (await createLegalEntity(db, { currency: "JPY", country: "JP" })).id;
  kwd = (await createLegalEntity(db, { currency: "KWD", country: "KW" })).id;
});

describe("a legal entity's payment plan policy", () => {
  it("is the defaults until saved, the limit 1,000,000.00 in the entity currency's own minor units", async () => {
    expect(await getPlanPolicy(eur)).toEqual({
      legalEntityId: eur,
      currency: "EUR",
      feeBps: 0,
      graceDays: 5,
      reminderDays: 7,
      missesToDefault: 2,
      selfServiceEnabled: true,
      selfServiceMaxTotal: 1_000_000_00n,
      selfServiceMaxInstalments: 6,
      selfServiceMinDownBps: 1000,
      selfServiceRiskClasses: ["LOW", "MEDIUM"],
      updatedAt: null,
    });
    expect((await getPlanPolicy(jpy)).selfServiceMaxTotal).toBe(1_000_000n);
    expect((await getPlanPolicy(kwd)).selfServiceMaxTotal).toBe(1_000_000_000n);
    expect((await refusal(getPlanPolicy(randomUUID()))).code).toBe("NOT_FOUND");
  });

  it("is saved by an AR manager, audited before and after; the same policy again changes nothing", async () => {
    const saved = await updatePlanPolicy(form(), manager);
    expect(saved.changed).toBe(true);
    expect(await getPlanPolicy(eur)).toMatchObject({
      feeBps: 150,
      graceDays: 3,
      reminderDays: 5,
      missesToDefault: 3,
      selfServiceMaxTotal: 10_000_00n,
      selfServiceMaxInstalments: 4,
      selfServiceMinDownBps: 2000,
      selfServiceRiskClasses: ["LOW"],
    });
    const audit = await getDb().auditEvent.findMany({
      where: { entityType: "payment_plan_policy", entityId: eur },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "payment-plan-policy.update",
      actorId: manager.userId,
      before: { feeBps: 0, selfServiceMaxTotal: "1000000.00", stored: false },
      after: { feeBps: 150, selfServiceMaxTotal: "10000.00", selfServiceRiskClasses: ["LOW"] },
    });

    expect((await updatePlanPolicy(form(), manager)).changed).toBe(false);
    const off = await updatePlanPolicy(
      form({ selfServiceEnabled: false, selfServiceMaxTotal: "10.000,00" }),
      manager,
      { locale: "de" },
    );
    expect(off.changed).toBe(true);
    expect(off.policy).toMatchObject({ selfServiceEnabled: false, selfServiceMaxTotal: 10_000_00n });
    const audits = await getDb().auditEvent.findMany({
      where: { entityType: "payment_plan_policy", entityId: eur },
      orderBy: { id: "asc" },
    });
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({
      before: { selfServiceEnabled: true, stored: true },
      after: { selfServiceEnabled: false },
    });
  });

  it("is read and changed by AR managers and admins only", async () => {
    expect((await refusal(updatePlanPolicy(form({ legalEntityId: jpy }), collector))).code).toBe("FORBIDDEN");
    expect((await refusal(listPlanPolicies(collector))).code).toBe("FORBIDDEN");
    const admin: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["ADMIN"] };
    const listed = await listPlanPolicies(admin);
    expect(listed.entities.find((e) => e.id === kwd)?.policy.currency).toBe("KWD");
    expect((await getPlanPolicy(jpy)).updatedAt).toBeNull();
  });

  it("keeps every number within its bounds, and the limit to the currency's decimals", async () => {
    const cases: [Partial<UpdatePlanPolicyInput>, string][] = [
      [{ feeBps: -1 }, "feeBps"],
      [{ feeBps: 2001 }, "feeBps"],
      [{ graceDays: 61 }, "graceDays"],
      [{ reminderDays: 0 }, "reminderDays"],
      [{ missesToDefault: 0 }, "missesToDefault"],
      [{ missesToDefault: 13 }, "missesToDefault"],
      [{ selfServiceMaxInstalments: 0 }, "selfServiceMaxInstalments"],
      [{ selfServiceMaxInstalments: 61 }, "selfServiceMaxInstalments"],
      [{ selfServiceMinDownBps: 9001 }, "selfServiceMinDownBps"],
      [{ selfServiceMinDownBps: 1.5 }, "selfServiceMinDownBps"],
      [{ selfServiceRiskClasses: ["SHAKY" as "LOW"] }, "selfServiceRiskClasses"],
      [{ selfServiceMaxTotal: "-5.00" }, "selfServiceMaxTotal"],
      [{ legalEntityId: jpy, selfServiceMaxTotal: "1000.5" }, "selfServiceMaxTotal"],
    ];
    for (const [extra, field] of cases) {
      expect(await refusal(updatePlanPolicy(form(extra), manager)), field).toEqual({
        code: "VALIDATION",
        field,
      });
    }
    expect((await refusal(updatePlanPolicy(form({ legalEntityId: "nope" }), manager))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(updatePlanPolicy(form({ legalEntityId: randomUUID() }), manager))).code).toBe(
      "NOT_FOUND",
    );
    // The bounds themselves are allowed.
    const edge = await updatePlanPolicy(
      form({
        legalEntityId: jpy,
        feeBps: 2000,
        graceDays: 0,
        selfServiceMinDownBps: 9000,
        selfServiceMaxInstalments: 60,
        selfServiceMaxTotal: "500000",
        selfServiceRiskClasses: [],
      }),
      manager,
    );
    expect(edge.policy).toMatchObject({
      feeBps: 2000,
      selfServiceMaxTotal: 500_000n,
      selfServiceRiskClasses: [],
    });
  });
});
