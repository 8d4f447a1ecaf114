import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { createStaffUser } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { describe, expect, it } from "vitest";
import { backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { action } from "./refund-approval.tsx";

const call = backofficeCaller();

type Answer = { reply: { error?: Record<string, string[] | null> }; done: { message: string } | null };

async function manager(locale: string) {
  const user = await createStaffUser(getDb(), {
    email: `refund-approval-${randomUUID().slice(0, 8)}@settle.example`,
    roles: ["AR_MANAGER"],
    passwordHash: "not-used",
  });
  await getDb().staffUser.update({ where: { id: user.id }, data: { locale } });
  return staffSessionCookie(user.id);
}

describe("refund approval in the staff user's language", () => {
  it("words field errors, refusals and the outcome in Spanish", async () => {
    const cookie = await manager("es");
    const invalid = await outcome<Answer>(
      action(call("/", { cookie, form: { currency: "dollars", amount: "" } })),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.data?.reply.error?.currency).toEqual([
      "Introduzca un código de moneda de tres letras, por ejemplo USD.",
    ]);
    expect(invalid.data?.reply.error?.amount).toEqual(["Introduzca un importe."]);

    const refused = await outcome<Answer>(
      action(call("/", { cookie, form: { currency: "eur", amount: "12,5.0" } })),
    );
    expect(refused.data?.reply.error?.amount).toEqual([
      "Introduzca un importe en EUR, por ejemplo 1.000,00.",
    ]);
    // The English way is another way to read it here: refused, with the Spanish form.
    const english = await outcome<Answer>(
      action(call("/", { cookie, form: { currency: "eur", amount: "2500.50" } })),
    );
    expect(english.data?.reply.error?.amount).toEqual([
      "Introduzca un importe en EUR, por ejemplo 1.000,00.",
    ]);

    const saved = await outcome<Answer>(
      action(call("/", { cookie, form: { currency: "eur", amount: "2.500,50" } })),
    );
    expect(saved.data?.done?.message).toBe(
      "Guardado: los reembolsos en EUR que superen el importe ahora necesitan aprobación.",
    );
    // Typed the Spanish way, stored exactly.
    expect((await getDb().refundApprovalThreshold.findUnique({ where: { currency: "EUR" } }))?.amount).toBe(
      250_050n,
    );
  });
});
