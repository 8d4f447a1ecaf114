import { backofficeCustomerAccount } from "./backoffice-customer-account.ts";
import { backofficeHealthz, portalHealthz } from "./healthz.ts";
import { portalAccountHome } from "./portal-account-home.ts";
import { portalInvoiceFiltered, portalInvoiceList } from "./portal-invoices.ts";
import { portalStatementOpen, portalStatementYear } from "./portal-statement.ts";
import { rawPdfkit, statementPdf } from "./statement-pdf.ts";
import type { BenchCase } from "./types.ts";
import { webhookIngestion, webhookPlainInserts } from "./webhook-ingestion.ts";

/** Every case, in run order (floors first). Add new cases here. */
export const ALL_CASES: readonly BenchCase[] = [
  backofficeHealthz,
  backofficeCustomerAccount,
  portalHealthz,
  portalAccountHome,
  portalStatementOpen,
  portalStatementYear,
  portalInvoiceList,
  portalInvoiceFiltered,
  rawPdfkit,
  statementPdf,
  webhookPlainInserts,
  webhookIngestion,
];
