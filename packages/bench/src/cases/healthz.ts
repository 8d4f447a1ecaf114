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
