import { getDb } from "@settle/domain/db/client";
import { disputeCreditAwaitingApproval } from "@settle/domain/disputes/dispute-fixtures.test-support";
import { createStaffActor } from "@settle/domain/seed/actors.test-support";
import { createLegalEntity } from "@settle/domain/seed/factories";
import { outcome, routeCaller } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfToken } from "../csrf.server.ts";
import { signInCookie } from "../session.server.ts";
import { action, loader } from "./approvals.tsx";
import { loader as layout } from "./staff-layout.tsx";

const BASE = "http://127.0.0.1:3001";
const call = routeCaller({ base: BASE, csrf: csrfToken });
let disputeId: string;
let managerCookie: string;
let collectorCookie: string;

const cookieOf = async (userId: string) =>
  (await signInCookie(new Request(BASE), undefined, userId)).split(";")[0]!;

type Answer = { reply: { error?: Record<string, string[]> }; done: { message: string } | null };

beforeAll(async () => {
  await getDb().disputeApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 250_00n } });
  const entity = await createLegalEntity(getDb(), { name: "Approvals Route Entity" });
  const analyst = await createStaffActor(["DISPUTE_ANALYST"], "Ada Analyst");
  disputeId = (await disputeCreditAwaitingApproval(entity.id, analyst)).disputeId;
  managerCookie = await cookieOf((await createStaffActor(["AR_MANAGER"], "Max Manager")).userId);
  collectorCookie = await cookieOf((await createStaffActor(["COLLECTOR"], "Cole Collector")).userId);
});

describe("the approvals page", () => {
  it("is in a manager's navigation with what waits for them; a collector's has no queue", async () => {
    expect((await layout(call("/", { cookie: managerCookie }) as never)).approvals).toBe(1);
    expect((await layout(call("/", { cookie: collectorCookie }) as never)).approvals).toBeNull();
    const seen = await loader(call("/approvals", { cookie: collectorCookie }) as never);
    expect(seen.items.map((i) => i.kind)).toEqual(["dispute-credit"]);
    expect(seen.can).toEqual({ approveRefunds: false, approveDisputeCredits: false });
  });

  it("refuses an unknown intent, and a collector's approval; a manager approves where it waits", async () => {
    const unknown = await outcome<Answer>(
      action(call("/approvals", { cookie: managerCookie, form: { intent: "approve-all" } }) as never),
    );
    expect(unknown.status).toBe(400);
    const form = { intent: "approve-dispute-credit", disputeId };
    const refused = await outcome<Answer>(
      action(call("/approvals", { cookie: collectorCookie, form }) as never),
    );
    expect(refused.status).toBe(403);
    expect(refused.data?.reply.error?.[""]).toEqual(["Your role does not allow this."]);
    const approved = await outcome<Answer>(
      action(call("/approvals", { cookie: managerCookie, form }) as never),
    );
    expect(approved.data?.done).toEqual({
      message: "Credit approved: the credit memo is issued and applied.",
    });
    expect((await getDb().dispute.findUniqueOrThrow({ where: { id: disputeId } })).status).toBe(
      "RESOLVED_VALID",
    );
    expect((await loader(call("/approvals", { cookie: managerCookie }) as never)).items).toEqual([]);
    expect((await layout(call("/", { cookie: managerCookie }) as never)).approvals).toBe(0);
  });
});
