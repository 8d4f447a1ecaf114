import path from "node:path";
import { defineConfig } from "prisma/config";

// The stock CLI tries to download a native schema engine before `generate`/`validate`/`format`,
// which offline machines cannot do. Those commands never use the engine, so any existing file
// satisfies the check; migrations run through packages/db-tools (see docs/decisions/004).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("packages/db-tools/bin/no-schema-engine.sh");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
