/** Seeds the demo book into DATABASE_URL when it is empty, and prints what it loaded. */
import { disconnectDb } from "../packages/domain/src/db/client.ts";
import { formatSeedSummary, seedDemo } from "../packages/domain/src/seed/seed-demo.ts";

try {
  console.log(formatSeedSummary(await seedDemo(process.env.DATABASE_URL)));
} finally {
  await disconnectDb();
}
