import { settleVitestConfig } from "../db-tools/src/vitest-preset.ts";

export default settleVitestConfig();
