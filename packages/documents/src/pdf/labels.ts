import type { DocumentLocale, StatementLineType } from "../types.ts";

/** Every fixed word a PDF prints, per language. Placeholders in braces are filled by `fillLabel`. */
export interface PdfLabels {
  statementTitle: string;
  openItemsTitle: string;
  consolidatedTitle: string;
  invoiceTitle: string;
  receiptTitle: string;
  receiptNumber: string;
  paymentDate: string;
  paymentMethod: string;
  paymentReference: string;
  amountReceived: string;
  appliedTo: string;
  appliedAmount: string;
  notYetApplied: string;
  unappliedNote: string;
  receiptNote: string;
  customer: string;
  accountNumber: string;
  statementDate: string;
  period: string;
  periodRange: string;
  asOf: string;
  currency: string;
  amountsIn: string;
  taxId: string;
  amountDue: string;
  creditBalance: string;
  openingBalance: string;
  totalDebits: string;
  totalCredits: string;
  closingBalance: string;
  openDebits: string;
  openCredits: string;
  accountActivity: string;
  openItems: string;
  noActivity: string;
  noOpenItems: string;
  accountSubtotal: string;
  date: string;
  type: string;
  number: string;
  reference: string;
  dueDate: string;
  debit: string;
  credit: string;
  balance: string;
  openAmount: string;
  lineTypes: Record<StatementLineType, string>;
  agingSummary: string;
  agingCurrent: string;
  aging1to30: string;
  aging31to60: string;
  aging61to90: string;
  aging91to120: string;
  agingOver120: string;
  /** Under the aging table: the part of it held by open disputes. */
  agingInDispute: string;
  total: string;
  invoiceNumber: string;
  invoiceDate: string;
  paymentDue: string;
  terms: string;
  poNumber: string;
  lineNo: string;
  sku: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  netAmount: string;
  taxAmount: string;
  subtotal: string;
  taxAt: string;
  invoiceTotal: string;
  amountPaid: string;
  balanceDue: string;
  paymentsApplied: string;
  document: string;
  amount: string;
  paymentInstructions: string;
  remitTo: string;
  bankDetails: string;
  bank: string;
  bankAccountName: string;
  bankAccountNumber: string;
  routingNumber: string;
  iban: string;
  swift: string;
  pageOf: string;
  continued: string;
}

const en: PdfLabels = {
  statementTitle: "Statement of account",
  openItemsTitle: "Statement of open items",
  consolidatedTitle: "Consolidated statement",
  invoiceTitle: "Invoice",
  receiptTitle: "Payment receipt",
  receiptNumber: "Receipt number",
  paymentDate: "Payment date",
  paymentMethod: "Paid with",
  paymentReference: "Card payment reference",
  amountReceived: "Amount received",
  appliedTo: "Applied to",
  appliedAmount: "Amount applied",
  notYetApplied: "Not yet applied",
  unappliedNote: "Not yet applied: our team will apply it and contact you if needed",
  receiptNote:
    "Thank you for your payment. This receipt confirms the amount received and how it was applied to your account.",
  customer: "Customer",
  accountNumber: "Account number",
  statementDate: "Statement date",
  period: "Period",
  periodRange: "{from} – {to}",
  asOf: "As of {date}",
  currency: "Currency",
  amountsIn: "Amounts in {currency}",
  taxId: "Tax ID",
  amountDue: "Amount due",
  creditBalance: "Credit balance",
  openingBalance: "Opening balance",
  totalDebits: "Debits",
  totalCredits: "Credits",
  closingBalance: "Closing balance",
  openDebits: "Open debits",
  openCredits: "Open credits",
  accountActivity: "Account activity",
  openItems: "Open items",
  noActivity: "No activity in this period.",
  noOpenItems: "No open items.",
  accountSubtotal: "Account balance",
  date: "Date",
  type: "Type",
  number: "Number",
  reference: "Reference",
  dueDate: "Due date",
  debit: "Debit",
  credit: "Credit",
  balance: "Balance",
  openAmount: "Open amount",
  lineTypes: {
    INVOICE: "Invoice",
    DEBIT_MEMO: "Debit memo",
    FEE: "Fee",
    CREDIT_MEMO: "Credit memo",
    PAYMENT: "Payment",
    ADJUSTMENT: "Adjustment",
    REFUND: "Refund",
    CHARGEBACK: "Chargeback",
    REFUND_REVERSAL: "Refund returned",
  },
  agingSummary: "Aging summary (days past due)",
  agingCurrent: "Current",
  aging1to30: "1–30 days",
  aging31to60: "31–60 days",
  aging61to90: "61–90 days",
  aging91to120: "91–120 days",
  agingOver120: "Over 120 days",
  agingInDispute: "Of which in dispute",
  total: "Total",
  invoiceNumber: "Invoice number",
  invoiceDate: "Invoice date",
  paymentDue: "Due date",
  terms: "Payment terms",
  poNumber: "PO number",
  lineNo: "#",
  sku: "Item",
  description: "Description",
  quantity: "Qty",
  unitPrice: "Unit price",
  taxRate: "Tax rate",
  netAmount: "Net amount",
  taxAmount: "Tax",
  subtotal: "Subtotal",
  taxAt: "Tax {rate}",
  invoiceTotal: "Invoice total",
  amountPaid: "Paid and credited",
  balanceDue: "Balance due",
  paymentsApplied: "Payments and credits applied",
  document: "Document",
  amount: "Amount",
  paymentInstructions: "Payment instructions",
  remitTo: "Remit to",
  bankDetails: "Bank details",
  bank: "Bank",
  bankAccountName: "Account name",
  bankAccountNumber: "Account number",
  routingNumber: "Routing number",
  iban: "IBAN",
  swift: "SWIFT/BIC",
  pageOf: "Page {page} of {pages}",
  continued: "continued",
};

const es: PdfLabels = {
  statementTitle: "Estado de cuenta",
  openItemsTitle: "Estado de partidas abiertas",
  consolidatedTitle: "Estado de cuenta consolidado",
  invoiceTitle: "Factura",
  receiptTitle: "Recibo de pago",
  receiptNumber: "Número de recibo",
  paymentDate: "Fecha de pago",
  paymentMethod: "Pagado con",
  paymentReference: "Referencia del pago con tarjeta",
  amountReceived: "Importe recibido",
  appliedTo: "Aplicado a",
  appliedAmount: "Importe aplicado",
  notYetApplied: "Pendiente de aplicar",
  unappliedNote: "Pendiente de aplicar: nuestro equipo lo aplicará y le contactará si es necesario",
  receiptNote: "Gracias por su pago. Este recibo confirma el importe recibido y cómo se aplicó a su cuenta.",
  customer: "Cliente",
  accountNumber: "Número de cuenta",
  statementDate: "Fecha del estado",
  period: "Período",
  periodRange: "{from} – {to}",
  asOf: "Al {date}",
  currency: "Moneda",
  amountsIn: "Importes en {currency}",
  taxId: "Identificación fiscal",
  amountDue: "Importe adeudado",
  creditBalance: "Saldo a favor",
  openingBalance: "Saldo inicial",
  totalDebits: "Cargos",
  totalCredits: "Abonos",
  closingBalance: "Saldo final",
  openDebits: "Cargos pendientes",
  openCredits: "Abonos pendientes",
  accountActivity: "Movimientos de la cuenta",
  openItems: "Partidas abiertas",
  noActivity: "Sin movimientos en este período.",
  noOpenItems: "No hay partidas abiertas.",
  accountSubtotal: "Saldo de la cuenta",
  date: "Fecha",
  type: "Tipo",
  number: "Número",
  reference: "Referencia",
  dueDate: "Vencimiento",
  debit: "Cargo",
  credit: "Abono",
  balance: "Saldo",
  openAmount: "Pendiente",
  lineTypes: {
    INVOICE: "Factura",
    DEBIT_MEMO: "Nota de débito",
    FEE: "Comisión",
    CREDIT_MEMO: "Nota de crédito",
    PAYMENT: "Pago",
    ADJUSTMENT: "Ajuste",
    REFUND: "Reembolso",
    CHARGEBACK: "Contracargo",
    REFUND_REVERSAL: "Reembolso devuelto",
  },
  agingSummary: "Antigüedad de saldos (días de vencido)",
  agingCurrent: "No vencido",
  aging1to30: "1–30 días",
  aging31to60: "31–60 días",
  aging61to90: "61–90 días",
  aging91to120: "91–120 días",
  agingOver120: "Más de 120 días",
  agingInDispute: "De lo cual en disputa",
  total: "Total",
  invoiceNumber: "Número de factura",
  invoiceDate: "Fecha de factura",
  paymentDue: "Fecha de vencimiento",
  terms: "Condiciones de pago",
  poNumber: "Orden de compra",
  lineNo: "N.º",
  sku: "Artículo",
  description: "Descripción",
  quantity: "Cant.",
  unitPrice: "Precio unit.",
  taxRate: "Tasa imp.",
  netAmount: "Importe neto",
  taxAmount: "Impuesto",
  subtotal: "Subtotal",
  taxAt: "Impuesto {rate}",
  invoiceTotal: "Total de la factura",
  amountPaid: "Pagado y acreditado",
  balanceDue: "Saldo pendiente",
  paymentsApplied: "Pagos y créditos aplicados",
  document: "Documento",
  amount: "Importe",
  paymentInstructions: "Instrucciones de pago",
  remitTo: "Enviar el pago a",
  bankDetails: "Datos bancarios",
  bank: "Banco",
  bankAccountName: "Titular de la cuenta",
  bankAccountNumber: "Número de cuenta",
  routingNumber: "Número de ruta (ABA)",
  iban: "IBAN",
  swift: "SWIFT/BIC",
  pageOf: "Página {page} de {pages}",
  continued: "continuación",
};

const ptBR: PdfLabels = {
  statementTitle: "Extrato de conta",
  openItemsTitle: "Extrato de itens em aberto",
  consolidatedTitle: "Extrato consolidado",
  invoiceTitle: "Fatura",
  receiptTitle: "Recibo de pagamento",
  receiptNumber: "Número do recibo",
  paymentDate: "Data do pagamento",
  paymentMethod: "Pago com",
  paymentReference: "Referência do pagamento com cartão",
  amountReceived: "Valor recebido",
  appliedTo: "Aplicado a",
  appliedAmount: "Valor aplicado",
  notYetApplied: "Ainda não aplicado",
  unappliedNote: "Ainda não aplicado: nossa equipe fará a aplicação e entrará em contato se necessário",
  receiptNote:
    "Obrigado pelo seu pagamento. Este recibo confirma o valor recebido e como ele foi aplicado à sua conta.",
  customer: "Cliente",
  accountNumber: "Número da conta",
  statementDate: "Data do extrato",
  period: "Período",
  periodRange: "{from} a {to}",
  asOf: "Em {date}",
  currency: "Moeda",
  amountsIn: "Valores em {currency}",
  taxId: "Identificação fiscal",
  amountDue: "Valor devido",
  creditBalance: "Saldo credor",
  openingBalance: "Saldo inicial",
  totalDebits: "Débitos",
  totalCredits: "Créditos",
  closingBalance: "Saldo final",
  openDebits: "Débitos em aberto",
  openCredits: "Créditos em aberto",
  accountActivity: "Movimentação da conta",
  openItems: "Itens em aberto",
  noActivity: "Nenhuma movimentação neste período.",
  noOpenItems: "Nenhum item em aberto.",
  accountSubtotal: "Saldo da conta",
  date: "Data",
  type: "Tipo",
  number: "Número",
  reference: "Referência",
  dueDate: "Vencimento",
  debit: "Débito",
  credit: "Crédito",
  balance: "Saldo",
  openAmount: "Em aberto",
  lineTypes: {
    INVOICE: "Fatura",
    DEBIT_MEMO: "Nota de débito",
    FEE: "Tarifa",
    CREDIT_MEMO: "Nota de crédito",
    PAYMENT: "Pagamento",
    ADJUSTMENT: "Ajuste",
    REFUND: "Reembolso",
    CHARGEBACK: "Estorno (chargeback)",
    REFUND_REVERSAL: "Reembolso devolvido",
  },
  agingSummary: "Vencimentos por faixa (dias em atraso)",
  agingCurrent: "A vencer",
  aging1to30: "1–30 dias",
  aging31to60: "31–60 dias",
  aging61to90: "61–90 dias",
  aging91to120: "91–120 dias",
  agingOver120: "Mais de 120 dias",
  agingInDispute: "Dos quais em contestação",
  total: "Total",
  invoiceNumber: "Número da fatura",
  invoiceDate: "Data da fatura",
  paymentDue: "Data de vencimento",
  terms: "Condições de pagamento",
  poNumber: "Pedido de compra",
  lineNo: "Nº",
  sku: "Item",
  description: "Descrição",
  quantity: "Qtd.",
  unitPrice: "Preço unitário",
  taxRate: "Alíquota",
  netAmount: "Valor líquido",
  taxAmount: "Imposto",
  subtotal: "Subtotal",
  taxAt: "Imposto {rate}",
  invoiceTotal: "Total da fatura",
  amountPaid: "Pago e creditado",
  balanceDue: "Saldo devedor",
  paymentsApplied: "Pagamentos e créditos aplicados",
  document: "Documento",
  amount: "Valor",
  paymentInstructions: "Instruções de pagamento",
  remitTo: "Enviar pagamento para",
  bankDetails: "Dados bancários",
  bank: "Banco",
  bankAccountName: "Titular da conta",
  bankAccountNumber: "Número da conta",
  routingNumber: "Código de roteamento (ABA)",
  iban: "IBAN",
  swift: "SWIFT/BIC",
  pageOf: "Página {page} de {pages}",
  continued: "continuação",
};

const ar: PdfLabels = {
  statementTitle: "كشف حساب",
  openItemsTitle: "كشف البنود المفتوحة",
  consolidatedTitle: "كشف حساب موحد",
  invoiceTitle: "فاتورة",
  receiptTitle: "إيصال دفع",
  receiptNumber: "رقم الإيصال",
  paymentDate: "تاريخ الدفع",
  paymentMethod: "طريقة الدفع",
  paymentReference: "مرجع الدفع بالبطاقة",
  amountReceived: "المبلغ المستلم",
  appliedTo: "مطبق على",
  appliedAmount: "المبلغ المطبق",
  notYetApplied: "غير مطبق بعد",
  unappliedNote: "غير مطبق بعد: سيقوم فريقنا بتطبيقه والتواصل معك عند الحاجة",
  receiptNote: "شكرًا لك على الدفع. يؤكد هذا الإيصال المبلغ المستلم وكيفية تطبيقه على حسابك.",
  customer: "العميل",
  accountNumber: "رقم الحساب",
  statementDate: "تاريخ الكشف",
  period: "الفترة",
  periodRange: "من {from} إلى {to}",
  asOf: "في {date}",
  currency: "العملة",
  amountsIn: "المبالغ بعملة {currency}",
  taxId: "الرقم الضريبي",
  amountDue: "المبلغ المستحق",
  creditBalance: "رصيد دائن",
  openingBalance: "الرصيد الافتتاحي",
  totalDebits: "إجمالي المدين",
  totalCredits: "إجمالي الدائن",
  closingBalance: "الرصيد الختامي",
  openDebits: "المدين المفتوح",
  openCredits: "الدائن المفتوح",
  accountActivity: "حركة الحساب",
  openItems: "البنود المفتوحة",
  noActivity: "لا توجد حركات في هذه الفترة.",
  noOpenItems: "لا توجد بنود مفتوحة.",
  accountSubtotal: "رصيد الحساب",
  date: "التاريخ",
  type: "النوع",
  number: "الرقم",
  reference: "المرجع",
  dueDate: "الاستحقاق",
  debit: "مدين",
  credit: "دائن",
  balance: "الرصيد",
  openAmount: "المبلغ المفتوح",
  lineTypes: {
    INVOICE: "فاتورة",
    DEBIT_MEMO: "إشعار مدين",
    FEE: "رسوم",
    CREDIT_MEMO: "إشعار دائن",
    PAYMENT: "دفعة",
    ADJUSTMENT: "تسوية",
    REFUND: "استرداد",
    CHARGEBACK: "رد مبلغ مدفوع",
    REFUND_REVERSAL: "استرداد مُرتجع",
  },
  agingSummary: "أعمار الديون (أيام التأخير)",
  agingCurrent: "غير مستحق",
  aging1to30: "1–30 يومًا",
  aging31to60: "31–60 يومًا",
  aging61to90: "61–90 يومًا",
  aging91to120: "91–120 يومًا",
  agingOver120: "أكثر من 120 يومًا",
  agingInDispute: "منها قيد الاعتراض",
  total: "الإجمالي",
  invoiceNumber: "رقم الفاتورة",
  invoiceDate: "تاريخ الفاتورة",
  paymentDue: "تاريخ الاستحقاق",
  terms: "شروط الدفع",
  poNumber: "رقم أمر الشراء",
  lineNo: "م",
  sku: "الصنف",
  description: "الوصف",
  quantity: "الكمية",
  unitPrice: "سعر الوحدة",
  taxRate: "النسبة",
  netAmount: "المبلغ الصافي",
  taxAmount: "الضريبة",
  subtotal: "المجموع الفرعي",
  taxAt: "الضريبة {rate}",
  invoiceTotal: "إجمالي الفاتورة",
  amountPaid: "المدفوع والمقيد",
  balanceDue: "الرصيد المستحق",
  paymentsApplied: "الدفعات والإشعارات الدائنة المطبقة",
  document: "المستند",
  amount: "المبلغ",
  paymentInstructions: "تعليمات الدفع",
  remitTo: "يُرسل الدفع إلى",
  bankDetails: "البيانات المصرفية",
  bank: "البنك",
  bankAccountName: "اسم صاحب الحساب",
  bankAccountNumber: "رقم الحساب",
  routingNumber: "رقم التوجيه (ABA)",
  iban: "IBAN",
  swift: "SWIFT/BIC",
  pageOf: "صفحة {page} من {pages}",
  continued: "تابع",
};

const LABELS: Record<DocumentLocale, PdfLabels> = { en, es, "pt-BR": ptBR, ar };

export function pdfLabels(locale: DocumentLocale): PdfLabels {
  return LABELS[locale];
}

export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
