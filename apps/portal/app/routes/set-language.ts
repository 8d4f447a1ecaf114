import { SetPortalLocaleSchema, setPortalLocale } from "@settle/domain/portal/set-portal-locale";
import { load } from "@settle/web/domain-errors.server";
import { field, safeRedirect } from "@settle/web/request.server";
import { data, redirect } from "react-router";
import { verifyCsrf } from "~/csrf.server";
import { localeCookie } from "~/i18n/i18n.server";
import { getPortalSession } from "~/session.server";
import type { Route } from "./+types/set-language";

/**
 * The language switcher's form: remembers the choice in a cookie (it wins over the browser's
 * language and works before sign-in), saves it on the signed-in user for their other devices
 * and e-mails, and goes back to the page it came from.
 */
export async function action({ request }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const parsed = SetPortalLocaleSchema.safeParse({ locale: field(formData, "locale") });
  if (!parsed.success) throw data({ messageKey: "errors:language" }, { status: 400 });
  const session = await getPortalSession(request);
  if (session) await load(() => setPortalLocale(parsed.data, session.actor));
  throw redirect(safeRedirect(field(formData, "redirectTo"), "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export function loader() {
  throw redirect("/");
}
