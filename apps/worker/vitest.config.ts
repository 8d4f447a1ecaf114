import { settleVitestConfig } from "../../packages/db-tools/src/vitest-preset.ts";

export default settleVitestConfig();
