import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { StaffRole } from "../db/generated/enums.ts";
import { planOverInvoices } from "../plans/plan-fixtures.test-support.ts";
import { createCustomer, createStaffUser } from "../seed/factories.ts";
import { completeCollectorTask } from "./complete-collector-task.ts";
import { listCollectorTasks } from "./list-collector-tasks.ts";
import { collectorTaskKey, raiseCollectorTask } from "./raise-collector-task.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function staff(roles: StaffRole[]): Promise<StaffActor> {
  const user = await createStaffUser(getDb(), {
    email: `${roles.join("-").toLowerCase()}-${randomUUID().slice(0, 8)}@settle.example`,
    roles,
    passwordHash: "not-used",
  });
  return { kind: "staff", userId: user.id, roles };
}

let alice: StaffActor;
let bob: StaffActor;
let manager: StaffActor;
let applier: StaffActor;
let aliceCustomer: string;
let bobCustomer: string;
let alicePlan: string;
let bobPlan: string;

const raise = (customerId: string, planId: string, kind: "PLAN_DEFAULTED" | "PLAN_REQUEST", dueOn: string) =>
  getDb().$transaction((tx) => raiseCollectorTask(tx, { kind, customerId, planId, dueOn: day(dueOn) }));

beforeAll(async () => {
  const db = getDb();
  [alice, bob, manager, applier] = [
    await staff(["COLLECTOR"]),
    await staff(["COLLECTOR"]),
    await staff(["AR_MANAGER"]),
    await staff(["CASH_APPLIER"]),
  ];
  aliceCustomer = (await createCustomer(db, { name: "Alice's Account Ltd", collectorId: alice.userId })).id;
  bobCustomer = (await createCustomer(db, { name: "Bob's Account Ltd", collectorId: bob.userId })).id;
  alicePlan = (await planOverInvoices(aliceCustomer, { answer: "none" })).plan.id;
  bobPlan = (await planOverInvoices(bobCustomer, { answer: "none" })).plan.id;
});

describe("collector tasks", () => {
  it("raises a task once per key, for the account's collector", async () => {
    const first = await raise(aliceCustomer, alicePlan, "PLAN_REQUEST", "2027-05-03");
    const again = await raise(aliceCustomer, alicePlan, "PLAN_REQUEST", "2027-05-04");
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const rows = await getDb().collectorTask.findMany({ where: { planId: alicePlan } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "PLAN_REQUEST",
      customerId: aliceCustomer,
      assigneeId: alice.userId,
      status: "OPEN",
      dedupeKey: collectorTaskKey({
        kind: "PLAN_REQUEST",
        customerId: aliceCustomer,
        planId: alicePlan,
        dueOn: day("2027-05-03"),
      }),
    });

    // A broken instalment is its own task, once per instalment.
    const instalment = await getDb().paymentPlanInstalment.findFirstOrThrow({ where: { planId: alicePlan } });
    const broken = () =>
      getDb().$transaction((tx) =>
        raiseCollectorTask(tx, {
          kind: "PLAN_BROKEN",
          customerId: aliceCustomer,
          planId: alicePlan,
          instalmentId: instalment.id,
          dueOn: day("2027-06-20"),
        }),
      );
    expect((await broken()).created).toBe(true);
    expect((await broken()).created).toBe(false);
    await expect(raise(randomUUID(), bobPlan, "PLAN_DEFAULTED", "2027-05-03")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists a collector's own tasks only, everyone's for an AR manager, the latest due first", async () => {
    await raise(bobCustomer, bobPlan, "PLAN_DEFAULTED", "2027-07-01");
    const mine = await listCollectorTasks({}, alice);
    expect(mine.scope).toBe("mine");
    expect(mine.rows.map((r) => [r.kind, r.customer.id])).toEqual([
      ["PLAN_BROKEN", aliceCustomer],
      ["PLAN_REQUEST", aliceCustomer],
    ]);
    expect(mine.rows[1]!.plan?.label).toMatch(/^PP-\d+$/);
    expect((await listCollectorTasks({ kind: "PLAN_REQUEST" }, alice)).rows.map((r) => r.kind)).toEqual([
      "PLAN_REQUEST",
    ]);
    // Another account's task is not in a collector's list, even asked for by account.
    expect((await listCollectorTasks({ customerId: bobCustomer }, alice)).rows).toEqual([]);

    const all = await listCollectorTasks({}, manager);
    expect(all.scope).toBe("all");
    const ours = all.rows.filter((r) => [aliceCustomer, bobCustomer].includes(r.customer.id));
    expect(ours.map((r) => [r.kind, r.assignee?.id])).toEqual([
      ["PLAN_DEFAULTED", bob.userId],
      ["PLAN_BROKEN", alice.userId],
      ["PLAN_REQUEST", alice.userId],
    ]);
    expect((await listCollectorTasks({ mine: true }, manager)).rows).toEqual([]);
    // An account without a collector: its task is in the team's queue, a manager's own work.
    const orphan = (await createCustomer(getDb(), { name: "Nobody's Account Ltd" })).id;
    const orphanPlan = (await planOverInvoices(orphan, { answer: "none" })).plan.id;
    await raise(orphan, orphanPlan, "PLAN_REQUEST", "2027-07-02");
    expect((await listCollectorTasks({ mine: true }, manager)).rows.map((r) => r.customer.id)).toEqual([
      orphan,
    ]);
    expect((await listCollectorTasks({}, alice)).rows.some((r) => r.customer.id === orphan)).toBe(false);
    await expect(listCollectorTasks({}, applier)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("completes a task once, for its collector or a manager, audited", async () => {
    const task = await getDb().collectorTask.findFirstOrThrow({
      where: { planId: alicePlan, kind: "PLAN_REQUEST" },
    });
    const done = { intent: "complete-task" as const, taskId: task.id };
    await expect(completeCollectorTask(done, applier)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeCollectorTask(done, bob)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeCollectorTask({ ...done, taskId: randomUUID() }, alice)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(completeCollectorTask({ ...done, taskId: "not-an-id" }, alice)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const first = await completeCollectorTask(done, alice);
    expect(first).toMatchObject({ id: task.id, kind: "PLAN_REQUEST", replayed: false });
    const second = await completeCollectorTask(done, alice);
    expect(second).toMatchObject({ id: task.id, replayed: true, doneAt: first.doneAt });
    const row = await getDb().collectorTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: "DONE", doneById: alice.userId });
    const audits = await getDb().auditEvent.findMany({
      where: { entityId: task.id, action: "collector-task.complete" },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: alice.userId, customerId: aliceCustomer });
    expect((await listCollectorTasks({ status: "OPEN" }, alice)).rows.map((r) => r.kind)).toEqual([
      "PLAN_BROKEN",
    ]);

    // A manager may finish anyone's.
    const bobs = await getDb().collectorTask.findFirstOrThrow({ where: { planId: bobPlan } });
    expect((await completeCollectorTask({ ...done, taskId: bobs.id }, manager)).replayed).toBe(false);
  });
});
