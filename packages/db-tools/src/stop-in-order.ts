import type { ChildProcess } from "node:child_process";

/**
 * Stops what a launcher started in the order that loses nothing: SIGTERM to every service still
 * running, a bounded wait for them to close their connections and exit (SIGKILL after `graceMs`),
 * and only then the database they used.
 */
export async function stopInOrder(
  services: readonly ChildProcess[],
  database: { stop(): Promise<void> },
  graceMs = 8000,
): Promise<void> {
  const running = services.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise((resolve) => c.once("exit", resolve)));
  for (const child of running) child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([
    Promise.all(exited).then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (late) {
    for (const child of running)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await Promise.all(exited);
  }
  await database.stop();
}
