import { describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createStaffUser } from "../seed/factories.ts";
import { setStaffLocale } from "./set-staff-locale.ts";

const actorFor = (userId: string): StaffActor => ({ kind: "staff", userId, roles: ["COLLECTOR"] });

describe("setStaffLocale", () => {
  it("saves the staff user's own language, audited, and clears it again", async () => {
    const user = await createStaffUser(getDb(), { email: "lang@staff-test.example", roles: ["COLLECTOR"] });
    const other = await createStaffUser(getDb(), { email: "other@staff-test.example", roles: ["COLLECTOR"] });
    expect(await setStaffLocale(actorFor(user.id), { locale: "ar" })).toEqual({
      locale: "ar",
      changed: true,
    });
    expect(await setStaffLocale(actorFor(user.id), { locale: "ar" })).toEqual({
      locale: "ar",
      changed: false,
    });
    const rows = await getDb().staffUser.findMany({ select: { id: true, locale: true } });
    expect(rows.find((r) => r.id === user.id)?.locale).toBe("ar");
    expect(rows.find((r) => r.id === other.id)?.locale).toBeNull();

    expect(await setStaffLocale(actorFor(user.id), {})).toEqual({ locale: null, changed: true });
    const audit = await getDb().auditEvent.findMany({
      where: { entityType: "staff_user", entityId: user.id, action: "staff.locale_change" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [user.id, { locale: null }, { locale: "ar" }],
      [user.id, { locale: "ar" }, { locale: null }],
    ]);
  });

  it("refuses a language the catalogue does not have", async () => {
    const user = await createStaffUser(getDb(), {
      email: "klingon@staff-test.example",
      roles: ["COLLECTOR"],
    });
    await expect(setStaffLocale(actorFor(user.id), { locale: "tlh" as "en" })).rejects.toThrow();
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.locale).toBeNull();
  });

  it("is for staff only, and NOT_FOUND for a deactivated user", async () => {
    const portal = await setStaffLocale(
      { kind: "portal", userId: "x", memberships: [] },
      { locale: "es" },
    ).catch((e: unknown) => e);
    expect((portal as DomainError).code).toBe("FORBIDDEN");
    const gone = await createStaffUser(getDb(), {
      email: "gone@staff-test.example",
      roles: ["COLLECTOR"],
      active: false,
    });
    const error = await setStaffLocale(actorFor(gone.id), { locale: "es" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });
});
