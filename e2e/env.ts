/**
 * Where the e2e apps, database and Stripe sandbox live (ports apart from `npm start`, so both can
 * run). E2E_PORTAL_PORT, E2E_SECOND_PORTAL_PORT, E2E_BACKOFFICE_PORT and E2E_STRIPE_PORT move them
 * when those are taken.
 */
const pgPort = 54322;
const external = process.env.E2E_DATABASE_URL;
const portOf = (name: string, fallback: number) => Number(process.env[name] ?? "") || fallback;
const portalPort = portOf("E2E_PORTAL_PORT", 3100);
const backofficePort = portOf("E2E_BACKOFFICE_PORT", 3101);
const secondPortalPort = portOf("E2E_SECOND_PORTAL_PORT", 3102);
const stripePort = portOf("E2E_STRIPE_PORT", 12112);

export const E2E = {
  portalPort,
  backofficePort,
  portalUrl: `http://localhost:${portalPort}`,
  /**
   * A second portal process on the same database, as behind a load balancer: what one process
   * does must show on the other's next request (specs/freshness.spec.ts).
   */
  secondPortalPort,
  secondPortalUrl: `http://localhost:${secondPortalPort}`,
  backofficeUrl: `http://localhost:${backofficePort}`,
  /** The local Stripe sandbox the portal pays through (state in a temporary directory per run). */
  stripePort,
  stripeUrl: `http://127.0.0.1:${stripePort}`,
  stripeWebhookSecret: "whsec_settle_e2e",
  /** A database of its own, recreated empty for every run. */
  databaseUrl: external ?? `postgresql://settle:settle@127.0.0.1:${pgPort}/settle_e2e`,
  externalDatabase: !!external,
} as const;
