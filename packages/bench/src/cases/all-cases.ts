import { backofficeCustomerAccount } from "./backoffice-customer-account.ts";
import { backofficeHealthz, portalHealthz } from "./healthz.ts";
import { portalAccountHome, portalAccountHomeRendered } from "./portal-account-home.ts";
import {
  portalInvoiceFiltered,
  portalInvoiceFilteredRendered,
  portalInvoiceList,
  portalInvoiceListRendered,
} from "./portal-invoices.ts";
import {
  portalStatementOpen,
  portalStatementOpenRendered,
  portalStatementYear,
  portalStatementYearRendered,
} from "./portal-statement.ts";
import { rawPdfkit, statementPdf } from "./statement-pdf.ts";
import type { BenchCase } from "./types.ts";
import { webhookIngestion, webhookPlainInserts } from "./webhook-ingestion.ts";

/** Every case, in run order (floors first). Add new cases here. */
export const ALL_CASES: readonly BenchCase[] = [
  backofficeHealthz,
  backofficeCustomerAccount,
  portalHealthz,
  portalAccountHome,
  portalAccountHomeRendered,
  portalStatementOpen,
  portalStatementOpenRendered,
  portalStatementYear,
  portalStatementYearRendered,
  portalInvoiceList,
  portalInvoiceListRendered,
  portalInvoiceFiltered,
  portalInvoiceFilteredRendered,
  rawPdfkit,
  statementPdf,
  webhookPlainInserts,
  webhookIngestion,
];
