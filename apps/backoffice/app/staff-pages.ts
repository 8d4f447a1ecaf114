import type { StaffPage } from "@settle/domain/auth/staff-workspace";

/** Where each of the domain's staff pages lives in this app. */
export const STAFF_PAGE_PATHS: Record<StaffPage, string> = {
  overview: "/",
  customers: "/customers",
  approvals: "/approvals",
  cardPayments: "/card-payments",
  disputes: "/disputes",
  disputeReport: "/reports/disputes",
  refundSettings: "/settings/refund-approval",
  disputeMatrix: "/settings/dispute-matrix",
  planPolicy: "/settings/payment-plans",
};
