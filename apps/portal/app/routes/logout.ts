import { endSession } from "@settle/domain/auth/end-session";
import { redirect } from "react-router";
import { verifyCsrf } from "~/csrf.server";
import { clearedSessionCookie, readSessionToken } from "~/session.server";
import type { Route } from "./+types/logout";

/** Signing out is a POST (a link could be triggered by another site). */
export async function action({ request }: Route.ActionArgs) {
  verifyCsrf(request, await request.formData());
  const token = readSessionToken(request);
  if (token) await endSession(token);
  throw redirect("/login?signedOut=1", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export function loader() {
  throw redirect("/");
}
