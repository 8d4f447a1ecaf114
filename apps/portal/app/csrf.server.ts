import { assertCsrf, type CsrfConfig, issueCsrfToken } from "@settle/web/csrf.server";
import { env } from "./env.server";
import { readSessionToken } from "./session.server";

const config: CsrfConfig = {
  cookieName: "settle_portal_csrf",
  secret: env.csrfSecret,
  secure: env.secureCookies,
  // Signed in, forms are bound to the server session (see @settle/web/csrf.server).
  sessionToken: readSessionToken,
};

/** The token for forms on the page being rendered (and its cookie, the first time). */
export const csrfTokenFor = (request: Request) => issueCsrfToken(request, config);

/** Every action calls this first: throws a 403 for a cross-site or token-less submission. */
export const verifyCsrf = (request: Request, formData: FormData) => assertCsrf(request, formData, config);
