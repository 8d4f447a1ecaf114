/**
 * Playwright's web server: a fresh, migrated, empty database, then the built portal and back
 * office on their e2e ports. Specs create their own data through the domain factories.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { dropDatabase, ensureDatabase, resolveDatabase } from "../packages/db-tools/src/databases.ts";
import { deployMigrations } from "../packages/db-tools/src/migrations.ts";
import { E2E } from "./env.ts";

const root = path.resolve(import.meta.dirname, "..");
const server = await resolveDatabase("e2e", E2E.externalDatabase ? process.env.E2E_DATABASE_URL : undefined);
const name = new URL(E2E.databaseUrl).pathname.slice(1);
await dropDatabase(server.adminUrl, name);
await ensureDatabase(server.adminUrl, name);
await deployMigrations(E2E.databaseUrl);

const children: ChildProcess[] = [];
function start(app: string, port: number) {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["server.ts"], {
    cwd: path.join(root, "apps", app),
    env: {
      ...process.env,
      DATABASE_URL: E2E.databaseUrl,
      PORT: String(port),
      PORTAL_URL: E2E.portalUrl,
      NODE_ENV: "test",
    },
    stdio: "inherit",
  });
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${app} exited (${code})`);
      process.exit(1);
    }
  });
  children.push(child);
}
let stopping = false;
start("portal", E2E.portalPort);
start("backoffice", E2E.backofficePort);

function stop() {
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
