import { matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import type { EnqueueEmailInput } from "../email/enqueue-email.ts";
import { formatMoney } from "../money/money.ts";

interface ReceiptTexts {
  subject: (amount: string, account: string) => string;
  greeting: (name: string) => string;
  thanks: (amount: string, account: string) => string;
  receipt: string;
  date: string;
  card: string;
  applied: string;
  closing: string;
}

/** The receipt's words in each portal language (the portal's locale files are not reachable here). */
const TEXTS: Record<PortalLocale, ReceiptTexts> = {
  en: {
    subject: (amount, account) => `Payment received: ${amount} for account ${account}`,
    greeting: (name) => `Hello ${name},`,
    thanks: (amount, account) =>
      `Thank you: we received your card payment of ${amount} for account ${account}.`,
    receipt: "Receipt number",
    date: "Date",
    card: "Card",
    applied: "Paid towards",
    closing: "Keep this e-mail as your receipt. The payment shows on your statement in the customer portal.",
  },
  es: {
    subject: (amount, account) => `Pago recibido: ${amount} para la cuenta ${account}`,
    greeting: (name) => `Hola, ${name}:`,
    thanks: (amount, account) =>
      `Gracias: hemos recibido su pago con tarjeta de ${amount} para la cuenta ${account}.`,
    receipt: "Número de recibo",
    date: "Fecha",
    card: "Tarjeta",
    applied: "Aplicado a",
    closing:
      "Conserve este correo como recibo. El pago aparece en su estado de cuenta en el portal de clientes.",
  },
  "pt-BR": {
    subject: (amount, account) => `Pagamento recebido: ${amount} para a conta ${account}`,
    greeting: (name) => `Olá, ${name},`,
    thanks: (amount, account) =>
      `Obrigado: recebemos seu pagamento com cartão de ${amount} para a conta ${account}.`,
    receipt: "Número do recibo",
    date: "Data",
    card: "Cartão",
    applied: "Pago referente a",
    closing: "Guarde este e-mail como recibo. O pagamento aparece no seu extrato no portal do cliente.",
  },
  ar: {
    subject: (amount, account) => `تم استلام الدفعة: ${amount} للحساب ${account}`,
    greeting: (name) => `مرحبًا ${name}،`,
    thanks: (amount, account) => `شكرًا لك: استلمنا دفعتك بالبطاقة بمبلغ ${amount} للحساب ${account}.`,
    receipt: "رقم الإيصال",
    date: "التاريخ",
    card: "البطاقة",
    applied: "مدفوع مقابل",
    closing: "احتفظ بهذه الرسالة كإيصال. تظهر الدفعة في كشف حسابك على بوابة العملاء.",
  },
};

export interface ReceiptEmailInput {
  to: string;
  name: string;
  locale: string;
  customerName: string;
  accountNumber: string;
  receiptNumber: string;
  /** The PAYMENT item: the worker renders the receipt PDF from it when it sends. */
  paymentItemId: string;
  amount: bigint;
  currency: string;
  paidAt: Date;
  cardLabel: string | null;
  invoices: { number: string; amount: bigint }[];
}

const longDates = new Map<string, Intl.DateTimeFormat>();
/** Formatters are costly to make and the worker writes receipts in batches: one per language. */
function longDate(locale: string): Intl.DateTimeFormat {
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    longDates.set(locale, format);
  }
  return format;
}

/** The card payment receipt, in the payer's language, with the receipt PDF attached. */
export function receiptEmail(input: ReceiptEmailInput): EnqueueEmailInput {
  const locale = matchPortalLocale(input.locale) ?? "en";
  const t = TEXTS[locale];
  const money = (amount: bigint) => formatMoney(amount, input.currency, locale);
  const total = money(input.amount);
  const date = longDate(locale).format(input.paidAt);
  const lines = [
    t.greeting(input.name),
    "",
    t.thanks(total, `${input.customerName} (${input.accountNumber})`),
    "",
    `${t.receipt}: ${input.receiptNumber}`,
    `${t.date}: ${date}`,
    ...(input.cardLabel ? [`${t.card}: ${input.cardLabel}`] : []),
    `${t.applied}:`,
    ...input.invoices.map((i) => `  ${i.number}: ${money(i.amount)}`),
    "",
    t.closing,
  ];
  return {
    to: input.to,
    subject: t.subject(total, input.accountNumber),
    text: lines.join("\n"),
    attachments: [
      {
        kind: "card-receipt",
        id: input.paymentItemId,
        locale,
        filename: `receipt-${input.receiptNumber.replace(/[^\w.-]+/g, "-")}.pdf`,
      },
    ],
    category: "portal.payment-receipt",
  };
}
