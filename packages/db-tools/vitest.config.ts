import { defineConfig } from "vitest/config";

// Not the shared preset: these tests build their own databases from the migrations under test,
// rather than cloning the migrated template the preset provides.
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One PostgreSQL server for every file.
    fileParallelism: false,
  },
});
