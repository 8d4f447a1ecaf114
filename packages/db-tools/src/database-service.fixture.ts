/**
 * Test fixture: a service like the worker, holding database connections with a query always in
 * flight; on SIGINT or SIGTERM it lets the query finish, closes its pool and exits. Any database
 * error it meets is printed with its code ("error 57P01" when the server went away first).
 */
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.argv[2], max: 2 });
let stopping = false;
let inFlight: Promise<unknown> = Promise.resolve();
const report = (error: unknown) => console.log(`error ${(error as { code?: string }).code ?? String(error)}`);
pool.on("error", report);

async function work() {
  while (!stopping) {
    inFlight = pool.query("SELECT pg_sleep(0.3)").catch(report);
    await inFlight;
  }
}

async function shutdown() {
  if (stopping) return;
  stopping = true;
  await inFlight;
  await pool.end().catch(report);
  console.log("closed");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
await pool.query("SELECT 1");
console.log("ready");
void work();
