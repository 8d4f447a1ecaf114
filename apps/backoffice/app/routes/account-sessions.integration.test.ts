import { createStaffActor } from "@settle/domain/seed/actors.test-support";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { action, loader } from "./account-sessions.tsx";

const URL = "/account/sessions";
const call = backofficeCaller();
let userId: string;
let cookie: string;

const signIn = () => staffSessionCookie(userId);

type Answer = { reply: { error?: Record<string, string[]> }; done: { message: string } | null };

beforeAll(async () => {
  userId = (await createStaffActor(["COLLECTOR"])).userId;
  cookie = await signIn();
});

describe("the back office's signed-in devices", () => {
  it("signs one other device out, then the rest, saying what it did", async () => {
    await signIn();
    await signIn();
    const before = await loader(call(URL, { cookie }) as never);
    expect(before.sessions).toHaveLength(3);
    const other = before.sessions.find((s) => !s.current)!;
    const one = await outcome<Answer>(
      action(call(URL, { cookie, form: { intent: "revoke", sessionId: other.id } }) as never),
    );
    expect(one.data?.done).toEqual({ message: "That device is signed out." });
    const rest = await outcome<Answer>(
      action(call(URL, { cookie, form: { intent: "revoke-others" } }) as never),
    );
    expect(rest.data?.done?.message).toMatch(/1 other device/);
    expect((await loader(call(URL, { cookie }) as never)).sessions).toHaveLength(1);
  });

  it("answers an unknown intent with 400 and a session that is not the user's with 404", async () => {
    expect(
      (await outcome(action(call(URL, { cookie, form: { intent: "revoke-all" } }) as never))).status,
    ).toBe(400);
    for (const sessionId of ["nope", "f".repeat(64)]) {
      const missing = await outcome(
        action(call(URL, { cookie, form: { intent: "revoke", sessionId } }) as never),
      );
      expect(missing.status, sessionId).toBe(404);
    }
  });
});
