import { backofficeCustomerAccount, backofficeCustomerAccountData } from "./backoffice-customer-account.ts";
import { backofficeEmptyPage, backofficeHealthz, portalEmptyPage, portalHealthz } from "./healthz.ts";
import { planJob } from "./plan-job.ts";
import { portalAccountHome, portalAccountHomeData } from "./portal-account-home.ts";
import {
  portalInvoiceFiltered,
  portalInvoiceFilteredData,
  portalInvoiceList,
  portalInvoiceListData,
  portalInvoicePage,
  portalInvoicePageData,
} from "./portal-invoices.ts";
import {
  portalStatementOpen,
  portalStatementOpenData,
  portalStatementYear,
  portalStatementYearData,
} from "./portal-statement.ts";
import { rawPdfkit, statementPdf } from "./statement-pdf.ts";
import type { BenchCase } from "./types.ts";
import { webhookIngestion, webhookPlainInserts } from "./webhook-ingestion.ts";

/** Every case, in run order (floors first). Add new cases here. */
export const ALL_CASES: readonly BenchCase[] = [
  backofficeHealthz,
  backofficeEmptyPage,
  backofficeCustomerAccount,
  backofficeCustomerAccountData,
  portalHealthz,
  portalEmptyPage,
  portalAccountHome,
  portalAccountHomeData,
  portalStatementOpen,
  portalStatementOpenData,
  portalStatementYear,
  portalStatementYearData,
  portalInvoiceList,
  portalInvoiceListData,
  portalInvoiceFiltered,
  portalInvoiceFilteredData,
  portalInvoicePage,
  portalInvoicePageData,
  rawPdfkit,
  statementPdf,
  webhookPlainInserts,
  webhookIngestion,
  planJob,
];
