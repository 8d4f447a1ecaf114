import path from "node:path";
import { defineConfig } from "vitest/config";

const here = import.meta.dirname;

/**
 * The test setup every package shares: `*.test.ts` are unit tests with no database;
 * `*.integration.test.ts` each get a fresh PostgreSQL database cloned from a migrated template.
 */
export function settleVitestConfig() {
  return defineConfig({
    test: {
      environment: "node",
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // Two cores: integration files share one PostgreSQL server; keep parallelism modest.
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: {
            name: "unit",
            include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
            exclude: ["src/**/*.integration.test.ts"],
          },
        },
        {
          extends: true,
          test: {
            name: "integration",
            include: ["src/**/*.integration.test.ts"],
            globalSetup: [path.join(here, "test-global-setup.ts")],
            setupFiles: [path.join(here, "test-database-setup.ts")],
          },
        },
      ],
    },
  });
}
