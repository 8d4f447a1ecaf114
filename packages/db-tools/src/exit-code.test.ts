import { spawnSync } from "node:child_process";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import { describe, expect, it } from "vitest";
import "./embedded-server.ts";

describe("loading the embedded PostgreSQL", () => {
  it("leaves no hook that turns a failing exit code into 0", () => {
    expect(asyncExitHook.hookedEvents()).not.toContain("beforeExit");
    expect(asyncExitHook.hookedEvents()).toContain("SIGINT");
  });

  it("lets a process that sets a failure code and ends on its own exit with that code", () => {
    const tsx = path.resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
    const script = `import "${path.join(import.meta.dirname, "embedded-server.ts")}"; process.exitCode = 3;`;
    const run = spawnSync(tsx, ["--eval", script], { encoding: "utf8", timeout: 60_000 });
    expect(run.status, run.stderr).toBe(3);
  });
});
