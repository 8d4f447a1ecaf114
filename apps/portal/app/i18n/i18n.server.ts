import { createCookie } from "react-router";
import { RemixI18Next } from "remix-i18next/server";
import { env } from "~/env.server";
import {
  DEFAULT_LOCALE,
  type Locale,
  localeFromAcceptLanguage,
  negotiateLocale,
  SUPPORTED_LOCALES,
  toLocale,
} from "~/lib/locale";
import { getPortalSession } from "~/session.server";

/** The language picked with the switcher; it wins over everything else. */
export const localeCookie = createCookie("settle_portal_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.secureCookies,
  maxAge: 365 * 86_400,
});

async function savedLocale(request: Request): Promise<string | null> {
  try {
    return (await getPortalSession(request))?.user.locale ?? null;
  } catch {
    // Without the database the page fails anyway; its error page should still speak the
    // visitor's language, so detection goes on with the browser's.
    return null;
  }
}

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    // The cookie first; then the signed-in user's saved language and the browser's, in that
    // order, with every Accept-Language tag considered (the library's header detection only
    // looks at the first one).
    order: ["cookie", "custom"],
    findLocale: async (request) =>
      negotiateLocale({
        saved: await savedLocale(request),
        acceptLanguage: request.headers.get("accept-language"),
      }),
  },
});

/** The language of this request's pages. */
export async function getLocale(request: Request): Promise<Locale> {
  return toLocale(await detector.getLocale(request)) ?? DEFAULT_LOCALE;
}

/** What the sign-in e-mail needs: an explicit choice, if any, and the browser's language. */
export async function localeHints(request: Request): Promise<{ chosen?: Locale; browser?: Locale }> {
  const chosen = toLocale(await localeCookie.parse(request.headers.get("cookie")));
  const browser = localeFromAcceptLanguage(request.headers.get("accept-language"));
  return { chosen: chosen ?? undefined, browser: browser ?? undefined };
}
