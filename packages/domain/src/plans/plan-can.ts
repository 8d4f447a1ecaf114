import { type Actor, hasStaffRole } from "../actor.ts";
import { PLAN_PROPOSE_ROLES } from "./plan-forms.ts";

/** What the actor may do with an account's payment plans (the pages show only what is allowed). */
export function paymentPlanCan(actor: Actor): { propose: boolean } {
  return { propose: hasStaffRole(actor, PLAN_PROPOSE_ROLES) };
}
