import { describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { createPortalUser } from "../seed/factories.ts";
import { sendSignInCode } from "./send-sign-in-code.ts";

const magicLink = "https://portal.example.com/login/magic?t=abc.def";
let ip = 0;

async function mailFor(
  email: string,
  choices: { chosenLocale?: "en" | "es" | "pt-BR" | "ar"; browserLocale?: "en" | "es" | "pt-BR" | "ar" } = {},
) {
  await sendSignInCode({ email, code: "482913", magicLink, ...choices }, { ip: `10.9.0.${++ip}` });
  return getDb().outboxEmail.findFirstOrThrow({
    where: { toAddress: email },
    orderBy: { createdAt: "desc" },
  });
}

describe("the sign-in e-mail's language", () => {
  it("follows the user's saved language", async () => {
    await createPortalUser(getDb(), { email: "ana@lang-test.example", name: "Ana Lima", locale: "pt-BR" });
    const mail = await mailFor("ana@lang-test.example", { browserLocale: "es" });
    expect(mail.subject).toBe("Seu código de acesso: 482913");
    expect(mail.textBody).toContain("Olá, Ana Lima,");
    expect(mail.textBody).toContain("expiram em 10 minutos");
    expect(mail.htmlBody).toContain('<html lang="pt-BR" dir="ltr">');
  });

  it("prefers a language picked on the sign-in page", async () => {
    await createPortalUser(getDb(), { email: "omar@lang-test.example", name: "Omar", locale: "en" });
    const mail = await mailFor("omar@lang-test.example", { chosenLocale: "ar" });
    expect(mail.subject).toContain("482913");
    expect(mail.textBody).toContain("استخدم هذا الرمز");
    expect(mail.textBody).toContain("خلال \u2068\u206810\u2069 دقائق\u2069");
    expect(mail.htmlBody).toContain('<html lang="ar" dir="rtl">');
    expect(mail.textBody).toContain(magicLink);
  });

  it("falls back to the browser's language, then English, when the saved one is not offered", async () => {
    await createPortalUser(getDb(), { email: "jan@lang-test.example", name: "Jan", locale: "de" });
    expect((await mailFor("jan@lang-test.example", { browserLocale: "es" })).subject).toBe(
      "Su código de acceso: 482913",
    );
    expect((await mailFor("jan@lang-test.example")).subject).toBe("Your sign-in code: 482913");
  });
});
