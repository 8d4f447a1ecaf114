import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  // Everything else needs a signed-in staff user and renders inside the app shell.
  layout("routes/staff-layout.tsx", [
    index("routes/home.tsx"),
    route("customers", "routes/customers.tsx"),
    route("customers/:customerId", "routes/customer-account.tsx"),
    route("customers/:customerId/payment-plans/new", "routes/payment-plan-new.tsx"),
    route("customers/:customerId/payment-plans/:planId", "routes/payment-plan.tsx"),
    route(
      "customers/:customerId/payment-plans/:planId/agreement.pdf",
      "routes/payment-plan-agreement-pdf.ts",
    ),
    route("approvals", "routes/approvals.tsx"),
    route("card-payments", "routes/card-payments.tsx"),
    route("card-payments/failed-events", "routes/failed-stripe-events.tsx"),
    route("card-payments/:attemptId", "routes/card-payment.tsx"),
    route("disputes", "routes/disputes.tsx"),
    route("disputes/new", "routes/dispute-new.tsx"),
    route("disputes/:disputeId", "routes/dispute.tsx"),
    route("disputes/:disputeId/documents/:attachmentId", "routes/dispute-document.ts"),
    route("reports/disputes", "routes/dispute-report.tsx"),
    route("reports/disputes.csv", "routes/dispute-report-csv.ts"),
    route("reports/disputes.xlsx", "routes/dispute-report-xlsx.ts"),
    route("settings/refund-approval", "routes/refund-approval.tsx"),
    route("settings/dispute-matrix", "routes/dispute-matrix.tsx"),
    route("settings/payment-plans", "routes/payment-plan-policy.tsx"),
    route("account", "routes/account.tsx"),
    route("account/sessions", "routes/account-sessions.tsx"),
    route("dev/mailbox", "routes/dev-mailbox.tsx"),
    route("dev/mailbox/:emailId/attachments/:index", "routes/dev-mailbox-attachment.ts"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
