import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { cloneDatabase, dropDatabase } from "./databases.ts";

// Runs before each integration test file: a fresh database cloned from the migrated template,
// exposed as DATABASE_URL before any test module connects.
const { adminUrl, template, urlTemplate } = inject("settleDatabase");
const name = `settle_test_${process.pid}_${randomBytes(4).toString("hex")}`;
await cloneDatabase(adminUrl, template, name);
process.env.DATABASE_URL = urlTemplate.replace("__DB__", name);

afterAll(async () => {
  // Close the domain's pool first, if the file opened one, so the drop does not wait.
  const { disconnectDb } = await import("../../domain/src/db/client.ts");
  await disconnectDb();
  await dropDatabase(adminUrl, name);
});
