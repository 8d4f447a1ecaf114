/** Where the e2e apps and database live (ports apart from `npm start`, so both can run). */
const pgPort = 54322;
const external = process.env.E2E_DATABASE_URL;

export const E2E = {
  portalPort: 3100,
  backofficePort: 3101,
  portalUrl: "http://localhost:3100",
  backofficeUrl: "http://localhost:3101",
  /** A database of its own, recreated empty for every run. */
  databaseUrl: external ?? `postgresql://settle:settle@127.0.0.1:${pgPort}/settle_e2e`,
  externalDatabase: !!external,
} as const;
