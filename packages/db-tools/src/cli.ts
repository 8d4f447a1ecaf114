import { parseArgs } from "node:util";
import { createMigration } from "./create-migration.ts";
import { type ResolvedDatabase, resolveDatabase } from "./databases.ts";
import { deployMigrations } from "./migrations.ts";

const USAGE = `Usage: tsx packages/db-tools/src/cli.ts <command>

  migrate --name <name> [--create-only]
                 Write the next migration from prisma/schema.prisma, then apply it to the dev database
  deploy         Apply pending migrations to the dev database
  seed           Load the demo data into the dev database
  server         Run the embedded dev PostgreSQL until Ctrl+C

The dev database is DATABASE_URL when set, otherwise an embedded PostgreSQL under .data/.`;

// Loaded lazily: db-tools does not depend on the domain package at build time.
const SEED_MODULE = "../../domain/src/seed/seed-demo.ts";

function printApplied(applied: string[]): void {
  for (const name of applied) console.log(`Applied ${name}`);
}

async function migrate(db: ResolvedDatabase, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { name: { type: "string" }, "create-only": { type: "boolean", default: false } },
  });
  if (!values.name) throw new Error("Missing --name, e.g. npm run db:migrate -- --name add_customer_notes");
  const createOnly = values["create-only"];

  // The engine assumes the dev database already has every committed migration.
  printApplied((await deployMigrations(db.url)).applied);
  const { migrationName, warnings } = await createMigration({
    name: values.name,
    databaseUrl: db.url,
    createOnly,
  });
  for (const warning of warnings) console.warn(`Warning: ${warning}`);
  if (!migrationName) {
    console.log("No schema changes: prisma/schema.prisma matches the migrations. Nothing written.");
    return;
  }
  console.log(`Created prisma/migrations/${migrationName}/migration.sql`);
  if (createOnly) return;
  printApplied((await deployMigrations(db.url)).applied);
}

async function seed(db: ResolvedDatabase): Promise<void> {
  const module = (await import(SEED_MODULE)) as {
    seedDemo: (databaseUrl: string) => Promise<unknown>;
    formatSeedSummary: (summary: unknown) => string;
  };
  printApplied((await deployMigrations(db.url)).applied);
  console.log(module.formatSeedSummary(await module.seedDemo(db.url)));
}

async function serve(db: ResolvedDatabase): Promise<void> {
  console.log(
    db.embedded ? `PostgreSQL is running: ${db.url}` : `Using DATABASE_URL (nothing to start): ${db.url}`,
  );
  console.log("Press Ctrl+C to stop.");
  // The timer keeps the process alive even when the server was already running elsewhere.
  const keepAlive = setInterval(() => {}, 1 << 30);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  clearInterval(keepAlive);
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const commands: Record<string, (db: ResolvedDatabase) => Promise<void>> = {
    migrate: (db) => migrate(db, args),
    deploy: async (db) => {
      const { applied } = await deployMigrations(db.url);
      printApplied(applied);
      if (!applied.length) console.log("No pending migrations.");
    },
    seed,
    server: serve,
  };
  const run = command ? commands[command] : undefined;
  if (!run) {
    console.error(USAGE);
    return command && command !== "help" ? 1 : 0;
  }
  const db = await resolveDatabase("dev", process.env.DATABASE_URL);
  try {
    await run(db);
    return 0;
  } finally {
    await db.stop();
  }
}

// Exit explicitly: the schema engine and pg pools can leave handles open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
