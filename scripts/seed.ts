/** Seeds the demo book into DATABASE_URL when it is empty; prints what it did. */
import { disconnectDb } from "../packages/domain/src/db/client.ts";
import { seedDemo } from "../packages/domain/src/seed/seed-demo.ts";

const summary = await seedDemo(process.env.DATABASE_URL);
console.log(JSON.stringify(summary, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
await disconnectDb();
