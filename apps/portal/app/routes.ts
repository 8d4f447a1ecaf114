import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home-redirect.ts"),
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("login/verify", "routes/login-verify.tsx"),
  // Must match MAGIC_LINK_PATH in sign-in.server.ts (the strategy builds the e-mailed link).
  route("login/magic", "routes/login-magic.ts"),
  route("logout", "routes/logout.ts"),
  layout("routes/signed-in-layout.tsx", [
    route("select-account", "routes/select-account.tsx"),
    route("accounts/:customerId", "routes/account-home.tsx"),
    route("account/sessions", "routes/account-sessions.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
