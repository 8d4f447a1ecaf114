/**
 * `npm test`: every check, cheapest first, stopping at the first failure:
 * lint → typecheck → unit + integration tests (per package, on real PostgreSQL) → build → e2e.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" };

const steps: [string, string, string[]][] = [
  ["lint", "npx", ["biome", "ci", "."]],
  ["typecheck", "npm", ["run", "typecheck"]],
  ["unit + integration", "npx", ["turbo", "run", "test", "--concurrency=1"]],
  ["build", "npx", ["turbo", "run", "build", "--output-logs=errors-only"]],
  ["e2e", "npm", ["run", "e2e", "-w", "@settle/e2e"]],
];

const only = process.argv[2];
const results: string[] = [];
for (const [name, command, args] of steps) {
  if (only && !name.startsWith(only)) continue;
  const t = Date.now();
  console.log(`\n── ${name} ──`);
  const r = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  const seconds = ((Date.now() - t) / 1000).toFixed(0);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds}s`);
    process.exit(r.status ?? 1);
  }
  results.push(`✓ ${name} (${seconds}s)`);
}
console.log(`\n${results.join("\n")}`);
