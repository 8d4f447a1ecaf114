import { matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import type { EnqueueEmailInput } from "../email/enqueue-email.ts";
import { formatMoney } from "../money/money.ts";

interface AutopayFailureTexts {
  subject: (account: string) => string;
  greeting: (name: string) => string;
  failed: (amount: string, card: string, account: string) => string;
  declined: string;
  authentication: string;
  nextTry: (date: string) => string;
  lastTry: string;
  closing: string;
}

/** The words in each portal language (the portal's locale files are not reachable here). */
const TEXTS: Record<PortalLocale, AutopayFailureTexts> = {
  en: {
    subject: (account) => `Autopay could not charge your card for account ${account}`,
    greeting: (name) => `Hello ${name},`,
    failed: (amount, card, account) =>
      `Autopay tried to charge ${amount} to ${card} for account ${account}, and the charge failed.`,
    declined: "The card was declined.",
    authentication: "Your bank wants you to confirm the payment, which autopay cannot do for you.",
    nextTry: (date) =>
      `We will try again on ${date}. You can also pay or change the card in the customer portal.`,
    lastTry:
      "This was the last try: autopay is now off for this account. Please pay in the customer portal or contact us.",
    closing: "Nothing was charged by this attempt.",
  },
  es: {
    subject: (account) => `El pago automático no pudo cobrar su tarjeta para la cuenta ${account}`,
    greeting: (name) => `Hola, ${name}:`,
    failed: (amount, card, account) =>
      `El pago automático intentó cobrar ${amount} a ${card} para la cuenta ${account} y el cobro falló.`,
    declined: "La tarjeta fue rechazada.",
    authentication: "Su banco pide que confirme el pago, y el pago automático no puede hacerlo por usted.",
    nextTry: (date) =>
      `Lo intentaremos de nuevo el ${date}. También puede pagar o cambiar la tarjeta en el portal de clientes.`,
    lastTry:
      "Fue el último intento: el pago automático queda desactivado para esta cuenta. Pague en el portal de clientes o contáctenos.",
    closing: "Este intento no cobró nada.",
  },
  "pt-BR": {
    subject: (account) => `O pagamento automático não conseguiu cobrar seu cartão para a conta ${account}`,
    greeting: (name) => `Olá, ${name},`,
    failed: (amount, card, account) =>
      `O pagamento automático tentou cobrar ${amount} no ${card} para a conta ${account}, e a cobrança falhou.`,
    declined: "O cartão foi recusado.",
    authentication:
      "Seu banco pede que você confirme o pagamento, o que o pagamento automático não pode fazer por você.",
    nextTry: (date) =>
      `Tentaremos de novo em ${date}. Você também pode pagar ou trocar o cartão no portal do cliente.`,
    lastTry:
      "Esta foi a última tentativa: o pagamento automático foi desativado para esta conta. Pague no portal do cliente ou fale conosco.",
    closing: "Nada foi cobrado nesta tentativa.",
  },
  ar: {
    subject: (account) => `تعذّر على الدفع التلقائي تحصيل المبلغ من بطاقتك للحساب ${account}`,
    greeting: (name) => `مرحبًا ${name}،`,
    failed: (amount, card, account) =>
      `حاول الدفع التلقائي تحصيل ${amount} من ${card} للحساب ${account} وفشلت العملية.`,
    declined: "تم رفض البطاقة.",
    authentication: "يطلب مصرفك تأكيد الدفع، ولا يستطيع الدفع التلقائي فعل ذلك نيابةً عنك.",
    nextTry: (date) => `سنحاول مرة أخرى في ${date}. يمكنك أيضًا الدفع أو تغيير البطاقة في بوابة العملاء.`,
    lastTry:
      "كانت هذه المحاولة الأخيرة: تم إيقاف الدفع التلقائي لهذا الحساب. يرجى الدفع في بوابة العملاء أو التواصل معنا.",
    closing: "لم يتم تحصيل أي مبلغ في هذه المحاولة.",
  },
};

export interface AutopayFailureEmailInput {
  to: string;
  name: string;
  locale: string;
  accountNumber: string;
  amount: bigint;
  currency: string;
  cardLabel: string;
  failureCode: string;
  /** The next try, or null after the last one. */
  nextRetryAt: Date | null;
}

/** Told to each payer of the account when an autopay charge fails, in their language. */
export function autopayFailureEmail(input: AutopayFailureEmailInput): EnqueueEmailInput {
  const locale = matchPortalLocale(input.locale) ?? "en";
  const t = TEXTS[locale];
  const reason = input.failureCode === "authentication_required" ? t.authentication : t.declined;
  const next = input.nextRetryAt
    ? t.nextTry(
        new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(input.nextRetryAt),
      )
    : t.lastTry;
  const amount = formatMoney(input.amount, input.currency, locale);
  return {
    to: input.to,
    subject: t.subject(input.accountNumber),
    text: [
      t.greeting(input.name),
      "",
      t.failed(amount, input.cardLabel, input.accountNumber),
      reason,
      t.closing,
      "",
      next,
    ].join("\n"),
    category: "portal.autopay-failed",
  };
}
