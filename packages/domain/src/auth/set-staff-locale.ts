import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import type { PortalLocale } from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { type SetStaffLocaleInput, SetStaffLocaleSchema } from "./staff-account-forms.ts";

/**
 * Saves the back office language a staff user chose for themselves (null: the browser's).
 * A staff member changes only their own; audited with the language before and after. Saving the
 * same language again changes nothing.
 */
export async function setStaffLocale(
  actor: Actor,
  rawInput: SetStaffLocaleInput,
): Promise<{ locale: PortalLocale | null; changed: boolean }> {
  if (actor.kind !== "staff") throw new DomainError("FORBIDDEN", "Staff only.");
  const locale = SetStaffLocaleSchema.parse(rawInput).locale ?? null;
  return getDb().$transaction(async (tx) => {
    const before = await tx.staffUser.findFirst({
      where: { id: actor.userId, active: true },
      select: { locale: true },
    });
    if (!before) throw new DomainError("NOT_FOUND", "Staff user not found.");
    if (before.locale === locale) return { locale, changed: false };
    await tx.staffUser.update({ where: { id: actor.userId }, data: { locale } });
    await appendAudit(tx, actor, {
      action: "staff.locale_change",
      entityType: "staff_user",
      entityId: actor.userId,
      before: { locale: before.locale },
      after: { locale },
    });
    return { locale, changed: true };
  });
}
