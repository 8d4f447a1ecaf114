import { getDb } from "@settle/domain/db/client";
import { createCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { portalCaller, portalSessionCookie } from "../route-test.test-support";
import { action, loader } from "./account-sessions";

const call = portalCaller();
const URL = "/account/sessions";
let userId: string;
let cookie: string;

const signIn = () => portalSessionCookie(userId);

type Answer = { reply: { error?: Record<string, string[]> }; done: { count: number } | null };

beforeAll(async () => {
  const customerId = (await createCustomer(getDb())).id;
  userId = (
    await createPortalUser(getDb(), {
      email: "devices@portal.example",
      memberships: [{ customerId, role: "VIEWER" }],
    })
  ).id;
  cookie = await signIn();
});

describe("signed-in devices", () => {
  it("signs one other device out, then every other one, saying how many", async () => {
    await signIn();
    await signIn();
    const before = await loader(call(URL, { cookie }) as never);
    expect(before.sessions).toHaveLength(3);
    const other = before.sessions.find((s) => !s.current)!;
    const one = await outcome<Answer>(
      action(call(URL, { cookie, form: { intent: "revoke", sessionId: other.id } }) as never),
    );
    expect(one.data?.done).toEqual({ count: 1 });
    const rest = await outcome<Answer>(
      action(call(URL, { cookie, form: { intent: "revoke-others" } }) as never),
    );
    expect(rest.data?.done).toEqual({ count: 1 });
    expect((await loader(call(URL, { cookie }) as never)).sessions.map((s) => s.current)).toEqual([true]);
  });

  it("answers an unknown intent with 400 and someone else's or a malformed session id with 404", async () => {
    const unknown = await outcome<Answer>(
      action(call(URL, { cookie, form: { intent: "revoke-all" } }) as never),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data?.reply.error?.[""]).toEqual(["Please check what you entered and try again."]);
    for (const sessionId of ["not-a-session", "0".repeat(64)]) {
      const missing = await outcome(
        action(call(URL, { cookie, form: { intent: "revoke", sessionId } }) as never),
      );
      expect(missing.status, sessionId).toBe(404);
    }
  });
});
