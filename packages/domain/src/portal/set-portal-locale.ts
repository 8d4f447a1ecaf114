import { z } from "zod";
import type { PortalActor } from "../actor.ts";
import { PortalLocaleSchema } from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";

export const SetPortalLocaleSchema = z.object({ locale: PortalLocaleSchema });
export type SetPortalLocaleInput = z.input<typeof SetPortalLocaleSchema>;

/**
 * Saves the language a portal user chose, so the portal and its e-mails use it on any device.
 * A user changes only their own preference.
 */
export async function setPortalLocale(
  rawInput: SetPortalLocaleInput,
  actor: PortalActor,
): Promise<{ locale: string }> {
  const input = SetPortalLocaleSchema.parse(rawInput);
  const { count } = await getDb().portalUser.updateMany({
    where: { id: actor.userId, active: true },
    data: { locale: input.locale },
  });
  if (count === 0) throw new DomainError("NOT_FOUND", "Portal user not found.");
  return { locale: input.locale };
}
