import { getDb } from "../db/client.ts";
import { hashToken } from "./session-tokens.ts";

/** Sign-out: revoke the current session. Unknown tokens are ignored. */
export async function endSession(token: string): Promise<void> {
  if (!token) return;
  await getDb().session.updateMany({
    where: { id: hashToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
