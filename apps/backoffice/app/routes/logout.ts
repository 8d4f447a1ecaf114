import { endSession } from "@settle/domain/auth/end-session";
import { data, redirect } from "react-router";
import { requireCsrf } from "../csrf.server.ts";
import { clearSessionCookie, readSessionToken } from "../session.server.ts";
import type { Route } from "./+types/logout";

/** Signing out is a POST (with CSRF), so a link or an image on another site cannot do it. */
export function loader() {
  throw data({ message: "Sign out with the button." }, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: Route.ActionArgs) {
  requireCsrf(request, await request.formData());
  const token = readSessionToken(request);
  if (token) await endSession(token);
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
}
