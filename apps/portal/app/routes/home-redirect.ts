import { redirect } from "react-router";
import { getPortalSession, homePathFor } from "~/session.server";
import type { Route } from "./+types/home-redirect";

/** "/" goes to the active account's home, the account chooser, or sign-in. */
export async function loader({ request }: Route.LoaderArgs) {
  const session = await getPortalSession(request);
  throw redirect(session ? homePathFor(session) : "/login");
}
