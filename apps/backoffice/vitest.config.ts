import { settleVitestConfig } from "../../packages/db-tools/src/vitest-preset.ts";

/**
 * The shared test setup (unit and integration projects) without the React Router vite plugin,
 * which must not load under vitest. The preset looks for tests under src/; this app keeps its
 * code in app/ (React Router's convention), so the patterns are moved there.
 */
const preset = settleVitestConfig();
const projects = (preset.test?.projects ?? []).map((project) => {
  if (typeof project !== "object" || !("test" in project) || !project.test) return project;
  const move = (globs: string[] | undefined) => globs?.map((g) => g.replace(/^src\//, "app/"));
  return {
    ...project,
    test: { ...project.test, include: move(project.test.include), exclude: move(project.test.exclude) },
  };
});

export default {
  ...preset,
  resolve: { tsconfigPaths: true },
  test: { ...preset.test, projects },
};
