import { httpCase } from "./http-case.ts";

// The floors: a bare route with no database, no session and no rendering. Everything else on the
// same app is reported as a share of what this reaches on the same machine in the same run.

export const backofficeHealthz = httpCase({
  name: "backoffice /healthz",
  description: "Back office bare route (floor): HTTP server, router, no database, no session.",
  app: "backoffice",
  path: () => "/healthz",
  signedIn: false,
});

export const portalHealthz = httpCase({
  name: "portal /healthz",
  description: "Portal bare route (floor): HTTP server, router, no database, no session.",
  app: "portal",
  path: () => "/healthz",
  signedIn: false,
});

// What every signed-in page costs before it shows anything of its own: the session, the root and
// layout loaders, the header and navigation, the hydration scripts. A page's CPU beyond this is
// what its own data and markup cost. The bench book has no disputes, so these lists are empty.

export const portalEmptyPage = httpCase({
  name: "portal empty page",
  description:
    "A signed-in portal page with nothing of its own to show (/accounts/:id/disputes of the big customer, who has none): session, layout, header, navigation, hydration.",
  app: "portal",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/disputes`,
  signedIn: true,
  floor: portalHealthz.name,
});

export const backofficeEmptyPage = httpCase({
  name: "backoffice empty page",
  description:
    "A signed-in back office page with nothing of its own to show (/disputes?status=WITHDRAWN: the bench book has no disputes): session, layout, navigation, hydration.",
  app: "backoffice",
  path: () => "/disputes?status=WITHDRAWN",
  signedIn: true,
  floor: backofficeHealthz.name,
});
