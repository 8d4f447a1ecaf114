import type { ExportColumn } from "@settle/documents/export/export-column";
import { documentIssuerOf } from "@settle/documents/issuer";
import type { AgingBuckets, StatementLine as DocumentLine, StatementDocument } from "@settle/documents/types";
import type { Statement, StatementLine } from "@settle/domain/statements/get-statement";
import type { TFunction } from "i18next";

const iso = (date: Date) => date.toISOString().slice(0, 10);

function documentLine(line: StatementLine): DocumentLine {
  const effect = line.signedAmount < 0n ? -line.signedAmount : line.signedAmount;
  return {
    date: iso(line.documentDate),
    type: line.kind,
    number: line.number,
    reference: line.reference ?? line.poNumber,
    dueDate: line.dueDate ? iso(line.dueDate) : null,
    debit: line.isCredit ? null : effect,
    credit: line.isCredit ? effect : null,
    balance: line.balance,
  };
}

/** The statement (with every line: `getStatement(..., { allLines: true })`) as the PDF renderer takes it. */
export function statementDocument(statement: Statement, t: TFunction): StatementDocument {
  const bucket = (name: string) => statement.aging.buckets.find((b) => b.bucket === name)?.amount ?? 0n;
  const aging: AgingBuckets = {
    current: bucket("current"),
    d1_30: bucket("1-30"),
    d31_60: bucket("31-60"),
    d61_90: bucket("61-90"),
    d91_120: bucket("91-120"),
    over120: bucket("over-120"),
  };
  const openItemsOnly = statement.view === "open";
  return {
    issuer: documentIssuerOf(statement.legalEntity),
    customer: {
      name: statement.customer.name,
      accountNumber: statement.customer.accountNumber,
      billingAddressLines: statement.customer.billingAddress,
    },
    statementDate: iso(statement.today),
    periodFrom: iso(openItemsOnly ? statement.today : statement.from),
    periodTo: iso(statement.to),
    currency: statement.currency,
    openingBalance: statement.totals.opening,
    closingBalance: statement.totals.closing,
    lines: statement.consolidated ? [] : statement.lines.rows.map(documentLine),
    groups: statement.consolidated
      ? statement.accounts.map((account) => ({
          accountNumber: account.accountNumber,
          name: account.name,
          openingBalance: openItemsOnly ? null : account.opening,
          lines: statement.lines.rows.filter((l) => l.accountId === account.id).map(documentLine),
          subtotal: account.closing,
        }))
      : null,
    aging,
    inDispute: statement.aging.inDispute,
    openItemsOnly,
    paymentInstructions: t("statement:pdf.paymentInstructions", {
      accountNumber: statement.customer.accountNumber,
    }),
  };
}

/** One row of a statement export: a document line, or an account's opening or closing balance. */
export interface StatementExportRow {
  account: { accountNumber: string; name: string };
  type: string;
  date: Date;
  line: StatementLine | null;
  balance: bigint;
  currency: string;
}

/**
 * The rows of a statement export, account by account: opening balance, documents, closing
 * balance. Balance rows fill only the balance column, so sums over the debit and credit
 * columns stay the period's movements.
 */
export function* statementExportRows(statement: Statement, t: TFunction): Generator<StatementExportRow> {
  const open = statement.view === "open";
  for (const account of statement.accounts) {
    const ref = { accountNumber: account.accountNumber, name: account.name };
    const base = { account: ref, currency: statement.currency };
    if (!open) {
      yield {
        ...base,
        type: t("statement:table.opening"),
        date: statement.from,
        line: null,
        balance: account.opening,
      };
    }
    for (const line of statement.lines.rows) {
      if (line.accountId !== account.id) continue;
      yield {
        ...base,
        type: t(`common:kinds.${line.kind}`),
        date: line.documentDate,
        line,
        balance: line.balance,
      };
    }
    yield {
      ...base,
      type: t(open ? "statement:table.openTotal" : "statement:table.closing"),
      date: statement.to,
      line: null,
      balance: account.closing,
    };
  }
}

const moneyOf = (row: StatementExportRow, amount: bigint | null | undefined) =>
  amount === null || amount === undefined ? null : { amount, currency: row.currency };

/** Columns of the statement's CSV and XLSX (typed: dates and amounts stay numbers for Excel). */
export function statementColumns(statement: Statement, t: TFunction): ExportColumn<StatementExportRow>[] {
  const open = statement.view === "open";
  const columns: ExportColumn<StatementExportRow>[] = [];
  if (statement.consolidated) {
    columns.push(
      { header: t("statement:export.accountNumber"), type: "text", value: (r) => r.account.accountNumber },
      { header: t("statement:export.accountName"), type: "text", value: (r) => r.account.name, width: 32 },
    );
  }
  columns.push(
    { header: t("statement:table.date"), type: "date", value: (r) => iso(r.date) },
    { header: t("statement:export.type"), type: "text", value: (r) => r.type, width: 18 },
    { header: t("statement:table.document"), type: "text", value: (r) => r.line?.number },
    { header: t("statement:table.reference"), type: "text", value: (r) => r.line?.reference },
    { header: t("statement:export.poNumber"), type: "text", value: (r) => r.line?.poNumber },
    {
      header: t("statement:table.due"),
      type: "date",
      value: (r) => (r.line?.dueDate ? iso(r.line.dueDate) : null),
    },
    {
      header: t("statement:table.debit"),
      type: "money",
      value: (r) => moneyOf(r, r.line && !r.line.isCredit ? r.line.signedAmount : null),
    },
    {
      header: t("statement:table.credit"),
      type: "money",
      value: (r) => moneyOf(r, r.line?.isCredit ? -r.line.signedAmount : null),
    },
    { header: t("statement:table.balance"), type: "money", value: (r) => moneyOf(r, r.balance) },
  );
  if (open) {
    columns.push(
      {
        header: t("statement:export.documentAmount"),
        type: "money",
        value: (r) => moneyOf(r, r.line?.amount),
      },
      { header: t("statement:export.daysOverdue"), type: "integer", value: (r) => r.line?.daysOverdue },
    );
  }
  columns.push(
    {
      header: t("statement:export.inDispute"),
      type: "money",
      // Held today by open disputes (0 is left empty, so the column sums to the aging's figure).
      value: (r) => moneyOf(r, r.line?.inDispute ? r.line.inDispute : null),
    },
    // The accepted or active payment plan covering the document today ("PP-1001").
    { header: t("statement:export.inPlan"), type: "text", value: (r) => r.line?.inPlan?.plan.label },
    { header: t("statement:export.currency"), type: "text", value: (r) => r.currency },
  );
  return columns;
}

/** "statement-ACME-0001-2026-01-01-2026-03-31.pdf" (or "open-items-ACME-0001-2026-03-31.xlsx"). */
export function statementFileName(statement: Statement, extension: string): string {
  const account = statement.customer.accountNumber;
  const name =
    statement.view === "open"
      ? `open-items-${account}-${iso(statement.today)}`
      : `statement-${account}-${iso(statement.from)}-${iso(statement.to)}`;
  return `${name}-${statement.currency}.${extension}`;
}
