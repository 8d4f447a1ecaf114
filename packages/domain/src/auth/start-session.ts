import { randomBytes } from "node:crypto";
import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import type { SessionApp } from "../db/generated/enums.ts";
import { hashToken, SESSION_TTL_DAYS } from "./session-tokens.ts";

export interface StartSessionInput {
  app: SessionApp;
  userId: string;
  userAgent?: string | null;
  ipAddress?: string | null;
}

export async function startSession(input: StartSessionInput): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_DAYS[input.app] * 86_400_000);
  const session = await getDb().$transaction(async (tx) => {
    const created = await tx.session.create({
      data: {
        id: hashToken(token),
        app: input.app,
        staffUserId: input.app === "BACKOFFICE" ? input.userId : null,
        portalUserId: input.app === "PORTAL" ? input.userId : null,
        csrfSecret: randomBytes(24).toString("base64url"),
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        ipAddress: input.ipAddress ?? null,
        expiresAt,
      },
    });
    const actor: Actor =
      input.app === "BACKOFFICE"
        ? { kind: "staff", userId: input.userId, roles: [] }
        : { kind: "portal", userId: input.userId, memberships: [] };
    await appendAudit(tx, actor, {
      action: "session.start",
      entityType: input.app === "BACKOFFICE" ? "staff_user" : "portal_user",
      entityId: input.userId,
      after: { sessionId: created.id.slice(0, 12), ip: input.ipAddress, userAgent: created.userAgent },
    });
    return created;
  });
  return { token, expiresAt: session.expiresAt };
}
