import { createHash, randomBytes } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dropDatabase,
  ensureDatabase,
  type ResolvedDatabase,
  resolveDatabase,
  withClient,
} from "./databases.ts";
import { deployMigrations, MIGRATIONS_DIR, readMigrations } from "./migrations.ts";

let server: ResolvedDatabase;
let url: string;
const database = `settle_migrations_${process.pid}_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  server = await resolveDatabase("test", process.env.TEST_DATABASE_URL);
  await ensureDatabase(server.adminUrl, database);
  url = server.urlFor(database);
});

afterAll(async () => {
  if (!server) return;
  await dropDatabase(server.adminUrl, database);
  await server.stop();
});

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const appliedRows = () =>
  withClient(url, async (c) => {
    const { rows } = await c.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  });

/** Runs `sql` and returns the error PostgreSQL raised (fails the test if there was none). */
const rejection = (sql: string, values: unknown[] = []) =>
  withClient(url, (c) => c.query(sql, values)).then(
    () => expect.fail(`expected PostgreSQL to reject: ${sql}`),
    (error: Error & { code?: string }) => error,
  );

describe("deployMigrations on a fresh database", () => {
  const files = readMigrations();

  it("applies every committed migration and records it like the Prisma CLI", async () => {
    expect(files.length).toBeGreaterThan(0);
    const { applied } = await deployMigrations(url);
    expect(applied).toEqual(files.map((m) => m.name));

    const rows = await appliedRows();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is idempotent: a second deploy applies nothing", async () => {
    const before = await appliedRows();
    expect((await deployMigrations(url)).applied).toEqual([]);
    expect(await appliedRows()).toEqual(before);
  });

  it("keeps applications and audit events append-only, and enforces the money checks", async () => {
    const applicationId = await withClient(url, async (c) => {
      const entity = await c.query<{ id: string }>(
        `INSERT INTO legal_entity (id, code, name, currency, country, remit_to_name, bank_name, bank_account_name, bank_account)
         VALUES (gen_random_uuid(), 'LE1', 'Entity', 'EUR', 'DE', 'Entity', 'Bank', 'Entity', 'DE00') RETURNING id`,
      );
      const legalEntityId = entity.rows[0]!.id;
      const customer = await c.query<{ id: string }>(
        `INSERT INTO customer (id, account_number, name, legal_entity_id, payment_terms_code, payment_terms_days, credit_currency, country)
         VALUES (gen_random_uuid(), 'C1', 'Customer', $1, 'NET30', 30, 'EUR', 'DE') RETURNING id`,
        [legalEntityId],
      );
      const item = (kind: string, number: string) =>
        c.query<{ id: string }>(
          `INSERT INTO open_item (id, customer_id, legal_entity_id, kind, number, currency, amount, open_amount, document_date)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 'EUR', 10000, 10000, CURRENT_DATE) RETURNING id`,
          [customer.rows[0]!.id, legalEntityId, kind, number],
        );
      const invoice = await item("INVOICE", "INV-1");
      const payment = await item("PAYMENT", "PAY-1");
      const application = await c.query<{ id: string }>(
        `INSERT INTO application (id, kind, customer_id, credit_item_id, debit_item_id, currency, amount, actor_type)
         VALUES (gen_random_uuid(), 'APPLY', $3, $1, $2, 'EUR', 10000, 'system') RETURNING id`,
        [payment.rows[0]!.id, invoice.rows[0]!.id, customer.rows[0]!.id],
      );
      await c.query(
        `INSERT INTO audit_event (actor_type, action, entity_type, entity_id) VALUES ('system', 'apply', 'application', $1)`,
        [application.rows[0]!.id],
      );
      return application.rows[0]!.id;
    });

    const update = await rejection(`UPDATE application SET amount = 1 WHERE id = $1`, [applicationId]);
    expect(update.message).toMatch(/append-only/);
    expect((await rejection(`DELETE FROM application WHERE id = $1`, [applicationId])).message).toMatch(
      /append-only/,
    );
    expect((await rejection(`UPDATE audit_event SET action = 'x'`)).message).toMatch(/append-only/);
    expect((await rejection(`DELETE FROM audit_event`)).message).toMatch(/append-only/);

    // 23514: check_violation.
    expect((await rejection(`UPDATE open_item SET open_amount = amount + 1`)).code).toBe("23514");
    expect((await rejection(`UPDATE open_item SET open_amount = -1`)).code).toBe("23514");
    expect((await rejection(`UPDATE open_item SET amount = 0, open_amount = 0`)).code).toBe("23514");
    expect((await rejection(`UPDATE open_item SET currency = 'eur'`)).code).toBe("23514");
    expect((await rejection(`UPDATE legal_entity SET currency = 'E1R'`)).code).toBe("23514");
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "settle-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const last = files.at(-1)!;
      appendFileSync(path.join(dir, last.name, "migration.sql"), "\n-- edited\n");
      await expect(deployMigrations(url, dir)).rejects.toThrow(/changed after it was applied/);
      // Nothing was recorded for the edited file.
      expect((await appliedRows()).find((r) => r.migration_name === last.name)?.checksum).toBe(last.checksum);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
