import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home-redirect.ts"),
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("login/verify", "routes/login-verify.tsx"),
  // Must match MAGIC_LINK_PATH in sign-in.server.ts (the strategy builds the e-mailed link).
  route("login/magic", "routes/login-magic.ts"),
  route("logout", "routes/logout.ts"),
  // Must match SET_LANGUAGE_PATH in components/language-menu.tsx.
  route("language", "routes/set-language.ts"),
  // Public: the e-mailed link is the credential (see routes/invitation.tsx).
  route("invitations/:token", "routes/invitation.tsx"),
  layout("routes/signed-in-layout.tsx", [
    route("select-account", "routes/select-account.tsx"),
    route("accounts/:customerId", "routes/account-home.tsx"),
    route("accounts/:customerId/users", "routes/users.tsx"),
    route("accounts/:customerId/statement", "routes/statement.tsx"),
    route("accounts/:customerId/invoices", "routes/invoices.tsx"),
    route("accounts/:customerId/invoices/:invoiceId", "routes/invoice-detail.tsx"),
    route("accounts/:customerId/invoices/:invoiceId/dispute", "routes/dispute-new.tsx"),
    route("accounts/:customerId/payments", "routes/payment-history.tsx"),
    route("accounts/:customerId/disputes", "routes/disputes.tsx"),
    route("accounts/:customerId/disputes/:disputeId", "routes/dispute-detail.tsx"),
    route("accounts/:customerId/pay", "routes/pay-review.tsx"),
    // Stripe Checkout returns here (see paymentOutcomePath in the domain).
    route("accounts/:customerId/payments/:attemptId", "routes/payment-outcome.tsx"),
    route("accounts/:customerId/payment-methods", "routes/payment-methods.tsx"),
    route("accounts/:customerId/payment-plans/request", "routes/payment-plan-request.tsx"),
    route("accounts/:customerId/payment-plans/:planId", "routes/payment-plan.tsx"),
    route("accounts/:customerId/payment-plans/:planId/agreement.pdf", "routes/payment-plan-agreement-pdf.ts"),
    route("account/sessions", "routes/account-sessions.tsx"),
  ]),
  // Downloads (resource routes): same parameters and scope as the pages that link to them.
  route("accounts/:customerId/statement.pdf", "routes/statement-pdf.ts"),
  route("accounts/:customerId/statement.csv", "routes/statement-csv.ts"),
  route("accounts/:customerId/statement.xlsx", "routes/statement-xlsx.ts"),
  route("accounts/:customerId/invoices.csv", "routes/invoices-csv.ts"),
  route("accounts/:customerId/invoices.xlsx", "routes/invoices-xlsx.ts"),
  route("accounts/:customerId/invoices.zip", "routes/invoices-zip.ts"),
  route("accounts/:customerId/invoices/:invoiceId/pdf", "routes/invoice-pdf.ts"),
  route("accounts/:customerId/payments/:paymentId/receipt", "routes/payment-receipt-pdf.ts"),
  route("accounts/:customerId/disputes/:disputeId/documents/:attachmentId", "routes/dispute-document.ts"),
  // Stripe Checkout in setup mode returns here (see startCardSetup in the domain).
  route("accounts/:customerId/payment-methods/added", "routes/payment-methods-added.ts"),
  // Stripe's webhooks (signed; see README "Card payments"). Must match scripts/start.ts and e2e/server.ts.
  route("webhooks/stripe", "routes/stripe-webhook.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
