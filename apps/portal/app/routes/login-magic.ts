import { pageUrl } from "@settle/web/request.server";
import { redirect } from "react-router";
import { clientAddressOf } from "~/session.server";
import { startPortalSession, VERIFY_PATH, verifySignInCode } from "~/sign-in.server";
import type { Route } from "./+types/login-magic";

/**
 * The e-mailed sign-in link. It works in the browser that asked for the code (the code's cookie
 * is there); anywhere else the visitor is told to use that browser or get a new code.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!pageUrl(request).searchParams.get("t")) throw redirect(VERIFY_PATH);
  const ip = clientAddressOf(request, context);
  const result = await verifySignInCode(request, ip);
  switch (result.outcome) {
    case "signed-in":
      throw await startPortalSession(request, ip, result.user, result.headers);
    case "wrong-code":
      throw redirect(`${VERIFY_PATH}?problem=invalid-link`);
    case "new-code-needed":
      throw redirect(
        result.reason === "no-pending-code"
          ? "/login?problem=other-browser"
          : `${VERIFY_PATH}?problem=${result.reason}`,
        { headers: result.headers },
      );
    case "rate-limited":
      throw redirect(`${VERIFY_PATH}?problem=rate-limited`);
  }
}
