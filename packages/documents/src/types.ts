/**
 * The data the document renderers take. Plain values only (no database rows, no domain imports):
 * callers map their use-case results to these shapes. Amounts are bigint counts of the currency's
 * minor unit (as everywhere in Settle); dates are ISO calendar dates "YYYY-MM-DD", shown in UTC so
 * a date never shifts by the server's time zone.
 */

export type DocumentLocale = "en" | "es" | "pt-BR" | "ar";

export const DOCUMENT_LOCALES: readonly DocumentLocale[] = ["en", "es", "pt-BR", "ar"];

/** ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export interface DocumentBankDetails {
  bankName: string;
  accountName: string;
  accountNumber: string;
  routingNumber?: string | null;
  iban?: string | null;
  swift?: string | null;
}

/** The legal entity that issues the document: letterhead, remit-to and bank details. */
export interface DocumentIssuer {
  name: string;
  addressLines: readonly string[];
  taxId?: string | null;
  remitToName: string;
  remitToAddressLines: readonly string[];
  bank: DocumentBankDetails;
}

export interface DocumentCustomer {
  name: string;
  accountNumber: string;
  billingAddressLines: readonly string[];
}

export type StatementLineType =
  | "INVOICE"
  | "DEBIT_MEMO"
  | "FEE"
  | "CREDIT_MEMO"
  | "PAYMENT"
  | "ADJUSTMENT"
  | "REFUND"
  | "CHARGEBACK"
  | "REFUND_REVERSAL";

export interface StatementLine {
  date: IsoDate;
  type: StatementLineType;
  number: string;
  reference?: string | null;
  dueDate?: IsoDate | null;
  /** What the line adds to the balance (absent or null when it is a credit). */
  debit?: bigint | null;
  /** What the line takes off the balance (absent or null when it is a debit). */
  credit?: bigint | null;
  /** Running balance after this line. */
  balance: bigint;
}

/** Open amounts by days past due as of the statement date. */
export interface AgingBuckets {
  current: bigint;
  d1_30: bigint;
  d31_60: bigint;
  d61_90: bigint;
  d91_120: bigint;
  over120: bigint;
}

/** One child account of a consolidated (parent) statement. */
export interface StatementAccountGroup {
  accountNumber: string;
  name: string;
  /** The account's balance before its first line; printed as the group's first row when given. */
  openingBalance?: bigint | null;
  /** Running balances within this account. */
  lines: readonly StatementLine[];
  /** The account's closing balance (its open total when openItemsOnly). */
  subtotal: bigint;
}

export interface StatementDocument {
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  /** The day the statement is issued; defaults to periodTo. */
  statementDate?: IsoDate | null;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  currency: string;
  openingBalance: bigint;
  closingBalance: bigint;
  /** Flat statement lines; ignored when `groups` is given. */
  lines: readonly StatementLine[];
  /** Consolidated statement: one group per child account, rendered instead of `lines`. */
  groups?: readonly StatementAccountGroup[] | null;
  aging: AgingBuckets;
  /** Of the aged amounts, what open invoice disputes hold today (printed under the aging when > 0). */
  inDispute?: bigint;
  /**
   * Open items view: lines are the items still open at periodTo, debit/credit hold their open
   * amounts, and the opening balance is not printed.
   */
  openItemsOnly: boolean;
  paymentInstructions?: string | null;
}

export interface InvoiceDocumentLine {
  lineNo: number;
  sku?: string | null;
  description: string;
  /** Quantity in thousandths (1500n = 1.5). */
  quantityMilli: bigint;
  /** Unit price in minor units. */
  unitPrice: bigint;
  /** Tax rate in basis points (1900 = 19%). */
  taxRateBp: number;
  netAmount: bigint;
  taxAmount: bigint;
}

export interface InvoicePaymentEntry {
  date: IsoDate;
  /** Payment or credit memo number that was applied. */
  number: string;
  amount: bigint;
}

export interface InvoiceDocument {
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  invoiceNumber: string;
  documentDate: IsoDate;
  dueDate?: IsoDate | null;
  /** Payment terms as shown to the customer, e.g. "Net 30". */
  terms?: string | null;
  poNumber?: string | null;
  currency: string;
  lines: readonly InvoiceDocumentLine[];
  totals: { net: bigint; tax: bigint; gross: bigint };
  amountPaid: bigint;
  openAmount: bigint;
  payments: readonly InvoicePaymentEntry[];
  paymentInstructions?: string | null;
}

/** One invoice (or other debit) the payment was applied to. */
export interface ReceiptApplication {
  number: string;
  /** The invoice's own date, when known. */
  documentDate?: IsoDate | null;
  amount: bigint;
}

/** A payment receipt: what was received, how, and where it went on the account. */
export interface ReceiptDocument {
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  receiptNumber: string;
  paymentDate: IsoDate;
  currency: string;
  amount: bigint;
  /** e.g. "visa •••• 4242". */
  paymentMethod?: string | null;
  /** The processor's reference (a Stripe PaymentIntent id), for the payer's bank queries. */
  paymentReference?: string | null;
  applications: readonly ReceiptApplication[];
  /** What is not applied to any invoice yet. */
  unapplied: bigint;
}

/** A payment plan's schedule line: the down payment (sequence 0) or an instalment. */
export interface PlanAgreementPayment {
  sequence: number;
  dueDate: IsoDate;
  amount: bigint;
}

/** A payment plan agreement: the offer's terms, and the acceptance once given. */
export interface PlanAgreementDocument {
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  /** "PP-1001". */
  planNumber: string;
  currency: string;
  invoices: readonly { number: string; dueDate: IsoDate | null; amount: bigint }[];
  schedule: readonly PlanAgreementPayment[];
  total: bigint;
  expiresOn: IsoDate;
  termsHash: string;
  acceptance: { name: string; date: IsoDate; payBy: "AUTOPAY" | "PORTAL" } | null;
}
