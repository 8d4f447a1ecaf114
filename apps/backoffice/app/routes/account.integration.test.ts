import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { createStaffUser } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "../root.tsx";
import { backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { action, loader } from "./account.tsx";

const call = backofficeCaller();

type Answer = {
  reply: { error?: Record<string, string[] | null> };
  done: { message: string } | null;
};

async function signedIn() {
  const user = await createStaffUser(getDb(), {
    email: `account-${randomUUID().slice(0, 8)}@settle.example`,
    roles: ["COLLECTOR"],
    passwordHash: "not-used",
  });
  return { user, cookie: await staffSessionCookie(user.id) };
}

/** Arguments for a call whose browser asks for these languages. */
function speaking<T extends { request: Request }>(args: T, acceptLanguage?: string): T {
  if (acceptLanguage) args.request.headers.set("accept-language", acceptLanguage);
  return args;
}

const rootLocale = async (cookie: string | undefined, acceptLanguage?: string) =>
  (await outcome<{ locale: string }>(rootLoader(speaking(call("/", { cookie }), acceptLanguage)))).data
    ?.locale;

const save = (cookie: string, form: Record<string, string>) =>
  outcome<Answer>(action(call("/account", { cookie, form })));

describe("the account page's language setting", () => {
  it("saves the staff user's language, which then wins over the browser's", async () => {
    const { user, cookie } = await signedIn();
    expect(await loader(call("/account", { cookie }))).toEqual({ locale: null });
    expect(await rootLocale(cookie, "pt-PT,pt;q=0.9")).toBe("pt-BR");

    const saved = await save(cookie, { intent: "language", locale: "ar" });
    expect(saved.status).toBe(200);
    expect(saved.data?.done?.message).toBe("تم الحفظ: أصبح المكتب الخلفي يخاطبك باللغة \u2068العربية\u2069.");
    expect(await loader(call("/account", { cookie }))).toEqual({ locale: "ar" });
    expect(await rootLocale(cookie, "pt-PT,pt;q=0.9")).toBe("ar");
    expect((await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ar");

    // No choice: back to the browser's language.
    const cleared = await save(cookie, { intent: "language", locale: "" });
    expect(cleared.data?.done?.message).toBe("Saved: the back office follows your browser's language.");
    expect(await rootLocale(cookie, "es-MX")).toBe("es");
  });

  it("answers a language it does not have with an error on the field, in the page's language", async () => {
    const { user, cookie } = await signedIn();
    await getDb().staffUser.update({ where: { id: user.id }, data: { locale: "es" } });
    const answer = await save(cookie, { intent: "language", locale: "tlh" });
    expect(answer.status).toBe(400);
    expect(answer.data?.reply.error?.locale).toEqual(["Elija uno de los idiomas."]);
    expect((await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("es");
  });

  it("refuses an unknown intent with a 400", async () => {
    const { user, cookie } = await signedIn();
    const answer = await save(cookie, { intent: "delete-everything", locale: "es" });
    expect(answer.status).toBe(400);
    expect(answer.data?.reply.error?.[""]).toEqual([
      "This form does not do that. Reload the page and try again.",
    ]);
    expect(answer.data?.done).toBeNull();
    expect((await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } })).locale).toBeNull();
  });

  it("uses the browser's language without a session, English without either", async () => {
    expect(await rootLocale(undefined, "ar-EG,ar;q=0.9,en;q=0.5")).toBe("ar");
    expect(await rootLocale(undefined, "de-DE")).toBe("en");
    expect(await rootLocale(undefined)).toBe("en");
  });
});
