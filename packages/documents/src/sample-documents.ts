import type {
  DocumentIssuer,
  InvoiceDocument,
  InvoiceDocumentLine,
  StatementDocument,
  StatementLine,
  StatementLineType,
} from "./types.ts";

/**
 * Deterministic example documents for tests and benchmarks: realistic shapes (accented and
 * Arabic names, long references, every line type) without a database.
 */

export const SAMPLE_ISSUER: DocumentIssuer = {
  name: "Settle Demo Trading GmbH",
  addressLines: ["Friedrichstraße 123", "10117 Berlin", "Germany"],
  taxId: "DE811907980",
  remitToName: "Settle Demo Trading GmbH – Accounts Receivable",
  remitToAddressLines: ["Postfach 40 12 34", "10117 Berlin", "Germany"],
  bank: {
    bankName: "Deutsche Kreditbank AG",
    accountName: "Settle Demo Trading GmbH",
    accountNumber: "1020304050",
    routingNumber: null,
    iban: "DE89 3704 0044 0532 0130 00",
    swift: "COBADEFFXXX",
  },
};

const TYPES: readonly StatementLineType[] = [
  "INVOICE",
  "INVOICE",
  "PAYMENT",
  "INVOICE",
  "CREDIT_MEMO",
  "DEBIT_MEMO",
  "FEE",
  "ADJUSTMENT",
  "REFUND",
  "CHARGEBACK",
  "REFUND_REVERSAL",
];

const DEBIT_TYPES = new Set<StatementLineType>(["INVOICE", "DEBIT_MEMO", "FEE", "REFUND", "CHARGEBACK"]);

function isoDay(start: string, offset: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

export interface SampleStatementOptions {
  lines?: number;
  customerName?: string;
  currency?: string;
  openItemsOnly?: boolean;
}

export function sampleStatementLines(
  count: number,
  openingBalance: bigint,
  periodFrom: string,
): StatementLine[] {
  const lines: StatementLine[] = [];
  let balance = openingBalance;
  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length] as StatementLineType;
    // A spread of magnitudes, from small fees to six-figure invoices.
    const amount = BigInt(((i * 7919) % 997) * 1000 + ((i * 104729) % 100_000)) + 1500n;
    const debit = DEBIT_TYPES.has(type);
    balance += debit ? amount : -amount;
    const date = isoDay(periodFrom, Math.floor((i * 90) / Math.max(count, 1)));
    lines.push({
      date,
      type,
      number: `${type === "PAYMENT" ? "PAY" : type === "INVOICE" ? "INV" : "DOC"}-${String(100_000 + i)}`,
      reference: i % 3 === 0 ? `PO ${4500000 + i} / Lieferung ${i % 17}` : null,
      dueDate: type === "INVOICE" ? isoDay(date, 30) : null,
      debit: debit ? amount : null,
      credit: debit ? null : amount,
      balance,
    });
  }
  return lines;
}

export function sampleStatement(options: SampleStatementOptions = {}): StatementDocument {
  const periodFrom = "2025-01-01";
  const openingBalance = 1_234_567n;
  const lines = sampleStatementLines(options.lines ?? 24, openingBalance, periodFrom);
  const closingBalance = lines.length ? (lines[lines.length - 1] as StatementLine).balance : openingBalance;
  return {
    issuer: SAMPLE_ISSUER,
    customer: {
      name: options.customerName ?? "Société Générale d'Équipements Müller & Cía",
      accountNumber: "C-100234",
      billingAddressLines: ["Attn: Comptabilité fournisseurs", "12 rue de l'Église", "69002 Lyon", "France"],
    },
    statementDate: "2025-03-31",
    periodFrom,
    periodTo: "2025-03-31",
    currency: options.currency ?? "EUR",
    openingBalance,
    closingBalance,
    lines,
    aging: {
      current: 412_000n,
      d1_30: 98_050n,
      d31_60: 45_000n,
      d61_90: 0n,
      d91_120: 12_500n,
      over120: 3_990n,
    },
    openItemsOnly: options.openItemsOnly ?? false,
    paymentInstructions:
      "Please pay by bank transfer and quote your account number and the invoice numbers in the payment reference. Payments are due within the agreed terms.",
  };
}

export function sampleInvoice(
  options: { customerName?: string; lines?: number; currency?: string } = {},
): InvoiceDocument {
  const lines: InvoiceDocumentLine[] = [];
  let net = 0n;
  let tax = 0n;
  const count = options.lines ?? 6;
  for (let i = 0; i < count; i++) {
    const quantityMilli = BigInt((i % 4) + 1) * 1000n + (i % 2 === 0 ? 0n : 500n);
    const unitPrice = BigInt(1999 + i * 1350);
    const lineNet = (quantityMilli * unitPrice + 500n) / 1000n;
    const taxRateBp = i % 3 === 2 ? 700 : 1900;
    const lineTax = (lineNet * BigInt(taxRateBp) + 5000n) / 10_000n;
    net += lineNet;
    tax += lineTax;
    lines.push({
      lineNo: i + 1,
      sku: `SKU-${(7300 + i * 11).toString()}`,
      description:
        i % 3 === 0
          ? "Industrial hydraulic pump, stainless steel housing, including installation and on-site commissioning by a certified technician"
          : i % 3 === 1
            ? "Wartungsvertrag – Quartalspauschale"
            : "Filter cartridge",
      quantityMilli,
      unitPrice,
      taxRateBp,
      netAmount: lineNet,
      taxAmount: lineTax,
    });
  }
  const gross = net + tax;
  const amountPaid = gross / 4n;
  return {
    issuer: SAMPLE_ISSUER,
    customer: {
      name: options.customerName ?? "Société Générale d'Équipements Müller & Cía",
      accountNumber: "C-100234",
      billingAddressLines: ["12 rue de l'Église", "69002 Lyon", "France"],
    },
    invoiceNumber: "INV-2025-004711",
    documentDate: "2025-02-14",
    dueDate: "2025-03-16",
    terms: "Net 30",
    poNumber: "PO-4500012345",
    currency: options.currency ?? "EUR",
    lines,
    totals: { net, tax, gross },
    amountPaid,
    openAmount: gross - amountPaid,
    payments: [{ date: "2025-02-28", number: "PAY-100077", amount: amountPaid }],
    paymentInstructions: "Please quote the invoice number INV-2025-004711 with your payment.",
  };
}
