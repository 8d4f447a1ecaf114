import { createHash } from "node:crypto";
import type { TestProject } from "vitest/node";
import { resolveDatabase, withClient } from "./databases.ts";
import { deployMigrations, readMigrations } from "./migrations.ts";

declare module "vitest" {
  export interface ProvidedContext {
    settleDatabase: { adminUrl: string; template: string; urlTemplate: string };
  }
}

/**
 * Once per test run: start (or reuse) the test PostgreSQL server and build a migrated template
 * database. Each integration test file then clones it (test-database-setup.ts). The template's
 * name carries a hash of the migrations, so it is rebuilt only when they change.
 */
export default async function setup(project: TestProject) {
  const db = await resolveDatabase("test", process.env.TEST_DATABASE_URL);
  const hash = createHash("sha256")
    .update(
      readMigrations()
        .map((m) => m.checksum)
        .join(),
    )
    .digest("hex")
    .slice(0, 12);
  const template = `settle_tpl_${hash}`;

  await withClient(db.adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (rowCount) return;
    // Build under a temporary name and rename, so a crashed run never leaves a half-built template.
    const building = `${template}_${process.pid}`;
    await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${building}"`);
    await deployMigrations(db.urlFor(building));
    try {
      await c.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    } catch (error) {
      // A parallel run finished first: use theirs.
      if ((error as { code?: string }).code !== "42P04") throw error;
      await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    }
  });

  project.provide("settleDatabase", { adminUrl: db.adminUrl, template, urlTemplate: db.urlFor("__DB__") });
  return async () => {
    await db.stop();
  };
}
