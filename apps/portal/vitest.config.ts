import { settleVitestConfig } from "../../packages/db-tools/src/vitest-preset.ts";

// The repository's test preset (unit and integration projects), without the React Router vite
// plugin, which must not load under vitest. The preset's globs point at src/; React Router apps
// keep their code in app/.
const toApp = (globs?: string[]) => globs?.map((glob) => glob.replace(/^src\//, "app/"));
const preset = settleVitestConfig();

export default {
  ...preset,
  resolve: { tsconfigPaths: true },
  test: {
    ...preset.test,
    projects: preset.test?.projects?.map((project) =>
      typeof project === "object" && "test" in project && project.test
        ? {
            ...project,
            test: {
              ...project.test,
              include: toApp(project.test.include),
              exclude: toApp(project.test.exclude),
            },
          }
        : project,
    ),
  },
};
