/** Seeds the demo book into DATABASE_URL when it is empty, and prints what it loaded. */
import { disconnectDb } from "../packages/domain/src/db/client.ts";
import { formatSeedSummary, seedDemo } from "../packages/domain/src/seed/seed-demo.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to seed.");
  process.exit(1);
}
try {
  console.log(formatSeedSummary(await seedDemo(url)));
} finally {
  await disconnectDb();
}
