import { type Actor, hasStaffRole, type StaffRole } from "../actor.ts";
import { DISPUTE_MANAGER_ROLES, DISPUTE_WORK_ROLES } from "../disputes/dispute-forms.ts";
import { REFUND_APPROVE_ROLES } from "../payments/refund-forms.ts";
import { PLAN_POLICY_ROLES } from "../plans/plan-policy-forms.ts";

/** The back office's pages, named by what they are for (the app maps them to its URLs). */
export const STAFF_PAGES = [
  "overview",
  "customers",
  "approvals",
  "cardPayments",
  "disputes",
  "disputeReport",
  "refundSettings",
  "disputeMatrix",
  "planPolicy",
] as const;
export type StaffPage = (typeof STAFF_PAGES)[number];

/**
 * Who may use each page: a role that cannot act on a page does not see it. Reading pages (the
 * customers, card payments, disputes and their report) serve every role; the approvals queue
 * serves those who approve; a settings page serves only those who may change it (its loader
 * refuses everyone else with FORBIDDEN, so a bookmarked link answers 403, not a form that fails
 * on save).
 */
const PAGE_ROLES: Record<StaffPage, readonly StaffRole[] | "every-role"> = {
  overview: "every-role",
  customers: "every-role",
  approvals: [...new Set([...REFUND_APPROVE_ROLES, ...DISPUTE_MANAGER_ROLES])],
  cardPayments: "every-role",
  disputes: "every-role",
  disputeReport: "every-role",
  refundSettings: REFUND_APPROVE_ROLES,
  disputeMatrix: DISPUTE_MANAGER_ROLES,
  planPolicy: PLAN_POLICY_ROLES,
};

/**
 * Where a role's day starts, first match wins: an AR manager's work waits in the approvals
 * queue, a dispute analyst's in the disputes queue; roles whose workbench has not been built
 * (collectors, cash appliers, credit managers) and administrators start on the overview.
 */
const LANDINGS: readonly { roles: readonly StaffRole[]; page: StaffPage }[] = [
  { roles: ["AR_MANAGER"], page: "approvals" },
  { roles: DISPUTE_WORK_ROLES, page: "disputes" },
];

export interface StaffWorkspace {
  /** The pages this actor sees in the navigation and may open. */
  pages: Record<StaffPage, boolean>;
  /** The page a sign-in without a destination opens. */
  landing: StaffPage;
}

export function mayUsePage(actor: Actor, page: StaffPage): boolean {
  const roles = PAGE_ROLES[page];
  if (actor.kind === "portal") return false;
  return roles === "every-role" || hasStaffRole(actor, roles);
}

/** What the back office shows this actor: its pages and its landing page. */
export function staffWorkspace(actor: Actor): StaffWorkspace {
  const pages = Object.fromEntries(STAFF_PAGES.map((p) => [p, mayUsePage(actor, p)])) as Record<
    StaffPage,
    boolean
  >;
  const roles = actor.kind === "staff" ? actor.roles : [];
  const landing = roles.includes("ADMIN")
    ? "overview"
    : (LANDINGS.find((l) => l.roles.some((r) => roles.includes(r)))?.page ?? "overview");
  return { pages, landing };
}
