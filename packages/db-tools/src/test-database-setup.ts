import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { cloneDatabase, dropDatabase } from "./databases.ts";

// Runs before each integration test file: a fresh database cloned from the migrated template,
// given to the domain (configureDatabase) and exposed as DATABASE_URL (for the apps' environment
// modules and tests that start processes) before any test module connects. The domain is loaded
// lazily: db-tools does not depend on it at build time.
const { adminUrl, template, urlTemplate } = inject("settleDatabase");
const name = `settle_test_${process.pid}_${randomBytes(4).toString("hex")}`;
await cloneDatabase(adminUrl, template, name);
const url = urlTemplate.replace("__DB__", name);
process.env.DATABASE_URL = url;
const { configureDatabase, disconnectDb } = await import("../../domain/src/db/client.ts");
configureDatabase(url);

afterAll(async () => {
  // Close the domain's pool first, if the file opened one, so the drop does not wait.
  await disconnectDb();
  await dropDatabase(adminUrl, name);
});
