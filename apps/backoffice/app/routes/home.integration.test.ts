import { randomUUID } from "node:crypto";
import type { StaffRole } from "@settle/domain/actor";
import { getDb } from "@settle/domain/db/client";
import { planOverInvoices } from "@settle/domain/plans/plan-fixtures.test-support";
import { createCustomer, createStaffUser } from "@settle/domain/seed/factories";
import { raiseCollectorTask } from "@settle/domain/tasks/raise-collector-task";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff, staffSessionCookie } from "../route-test.test-support.ts";
import { action, loader } from "./home.tsx";

const call = backofficeCaller();

type Tasks = {
  tasks: { id: string; kind: string; customer: { id: string }; plan: { label: string } | null }[] | null;
};
type Answer = { reply: { error?: Record<string, string[] | null> }; done: { message: string } | null };

async function staffMember(roles: StaffRole[]) {
  const user = await createStaffUser(getDb(), {
    email: `home-${randomUUID().slice(0, 8)}@settle.example`,
    roles,
    passwordHash: "not-used",
  });
  return { id: user.id, cookie: await staffSessionCookie(user.id) };
}

let collector: { id: string; cookie: string };
let customerId: string;
let taskId: string;

beforeAll(async () => {
  const db = getDb();
  collector = await staffMember(["COLLECTOR"]);
  customerId = (await createCustomer(db, { name: "Home Tasks Ltd", collectorId: collector.id })).id;
  const { plan } = await planOverInvoices(customerId, { answer: "none" });
  taskId = (
    await db.$transaction((tx) =>
      raiseCollectorTask(tx, { kind: "PLAN_REQUEST", customerId, planId: plan.id, dueOn: new Date() }),
    )
  ).id;
});

describe("the back office home page's tasks card", () => {
  it("lists the collector's open tasks and marks one done from its button", async () => {
    const page = await outcome<Tasks>(loader(call("/", { cookie: collector.cookie })));
    expect(page.status).toBe(200);
    expect(page.data?.tasks?.map((r) => [r.id, r.kind, r.customer.id])).toEqual([
      [taskId, "PLAN_REQUEST", customerId],
    ]);
    expect(page.data?.tasks?.[0]?.plan?.label).toMatch(/^PP-\d+$/);

    const form = { intent: "complete-task", taskId };
    const done = await outcome<Answer>(action(call("/", { cookie: collector.cookie, form })));
    expect(done.status).toBe(200);
    expect(done.data?.done?.message).toBe("Task done.");
    expect((await getDb().collectorTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("DONE");
    const after = await outcome<Tasks>(loader(call("/", { cookie: collector.cookie })));
    expect(after.data?.tasks).toEqual([]);
    // A second click changes nothing and still answers "done".
    expect((await outcome<Answer>(action(call("/", { cookie: collector.cookie, form })))).status).toBe(200);
  });

  it("refuses another collector, a form without its CSRF token, and an unknown task", async () => {
    const other = await staffMember(["COLLECTOR"]);
    const form = { intent: "complete-task", taskId };
    const refused = await outcome<Answer>(action(call("/", { cookie: other.cookie, form })));
    expect(refused.status).toBe(403);
    expect(refused.data?.reply.error?.[""]).toEqual([
      "This task is another collector's: only they or an AR manager can mark it done.",
    ]);
    expect(
      (await outcome(action(call("/", { cookie: collector.cookie, form, withoutCsrf: true })))).status,
    ).toBe(403);
    const unknown = { intent: "complete-task", taskId: randomUUID() };
    expect((await outcome(action(call("/", { cookie: collector.cookie, form: unknown })))).status).toBe(404);
    const wrongIntent = { intent: "delete-task", taskId };
    expect((await outcome(action(call("/", { cookie: collector.cookie, form: wrongIntent })))).status).toBe(
      400,
    );
  });

  it("has no tasks card for staff who do not work tasks, and their Done is refused", async () => {
    const applier = await signedInStaff(["CASH_APPLIER"]);
    const page = await outcome<Tasks>(loader(call("/", { cookie: applier })));
    expect(page.status).toBe(200);
    expect(page.data?.tasks).toBeNull();
    const form = { intent: "complete-task", taskId };
    expect((await outcome(action(call("/", { cookie: applier, form })))).status).toBe(403);
  });
});
