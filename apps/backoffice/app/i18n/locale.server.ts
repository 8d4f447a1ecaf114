import type { Locale } from "@settle/i18n/locales";
import { negotiateLocale } from "@settle/i18n/negotiate";
import type { TFunction } from "i18next";
import { getStaff } from "../session.server.ts";
import { i18nFor } from "./instance.ts";

async function savedLocale(request: Request): Promise<string | null> {
  try {
    return (await getStaff(request))?.user.locale ?? null;
  } catch {
    // Without the database the page fails anyway; its error page should still speak the
    // visitor's language, so detection goes on with the browser's.
    return null;
  }
}

/**
 * The language of this request's pages: the one the signed-in staff user chose on their account
 * page, else the browser's (Accept-Language, among the catalogue's languages), else English.
 */
export async function getLocale(request: Request): Promise<Locale> {
  return negotiateLocale({
    saved: await savedLocale(request),
    acceptLanguage: request.headers.get("accept-language"),
  });
}

/** `t` for loaders and actions, in the request's language (`ns` is the default namespace). */
export async function serverT(request: Request, ns = "common"): Promise<TFunction> {
  return i18nFor(await getLocale(request)).getFixedT(null, ns);
}
