import { assertCsrf, type CsrfConfig, issueCsrfToken } from "@settle/web/csrf.server";
import { env } from "./env.server.ts";
import { readSessionToken } from "./session.server.ts";

const config: CsrfConfig = {
  cookieName: "settle_bo_csrf",
  secret: env.csrfSecret,
  secure: env.secureCookies,
  // Signed in, forms are bound to the server session (see @settle/web/csrf.server).
  sessionToken: readSessionToken,
};

/** The token for the page being rendered (root loader), with a Set-Cookie when the browser has none. */
export const csrfToken = (request: Request) => issueCsrfToken(request, config);

/** Every action calls this first; a missing or forged token is a 403. */
export const requireCsrf = (request: Request, formData: FormData) => assertCsrf(request, formData, config);
