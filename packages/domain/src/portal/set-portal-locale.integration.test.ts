import { describe, expect, it } from "vitest";
import type { PortalActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createPortalUser } from "../seed/factories.ts";
import { setPortalLocale } from "./set-portal-locale.ts";

const actorFor = (userId: string): PortalActor => ({ kind: "portal", userId, memberships: [] });

describe("setPortalLocale", () => {
  it("saves the user's own language", async () => {
    const user = await createPortalUser(getDb(), { email: "lang@portal-test.example" });
    const other = await createPortalUser(getDb(), { email: "other@portal-test.example" });
    expect(await setPortalLocale({ locale: "pt-BR" }, actorFor(user.id))).toEqual({ locale: "pt-BR" });
    const rows = await getDb().portalUser.findMany({ select: { id: true, locale: true } });
    expect(rows.find((r) => r.id === user.id)?.locale).toBe("pt-BR");
    expect(rows.find((r) => r.id === other.id)?.locale).toBe("en");
  });

  it("refuses a language the portal does not have", async () => {
    const user = await createPortalUser(getDb(), { email: "klingon@portal-test.example" });
    await expect(setPortalLocale({ locale: "tlh" as "en" }, actorFor(user.id))).rejects.toThrow();
    const row = await getDb().portalUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.locale).toBe("en");
  });

  it("answers NOT_FOUND for a deactivated user", async () => {
    const user = await createPortalUser(getDb(), { email: "gone@portal-test.example", active: false });
    const error = await setPortalLocale({ locale: "es" }, actorFor(user.id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });
});
