import { backofficeCustomerAccount } from "./backoffice-customer-account.ts";
import { backofficeHealthz, portalHealthz } from "./healthz.ts";
import { portalAccountHome } from "./portal-account-home.ts";
import type { BenchCase } from "./types.ts";

/** Every case, in run order (floors first). Add new cases here. */
export const ALL_CASES: readonly BenchCase[] = [
  backofficeHealthz,
  backofficeCustomerAccount,
  portalHealthz,
  portalAccountHome,
];
