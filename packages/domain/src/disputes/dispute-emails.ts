import { matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import type { EnqueueEmailInput } from "../email/enqueue-email.ts";
import { formatMoney } from "../money/money.ts";

export type CustomerDisputeEvent =
  | "OPEN"
  | "UNDER_REVIEW"
  | "RESOLVED"
  | "RESOLVED_INVALID"
  | "WITHDRAWN"
  | "REPLY";

interface Texts {
  greeting: (name: string) => string;
  subject: Record<CustomerDisputeEvent, (dispute: string, invoice: string) => string>;
  received: (dispute: string, invoice: string, amount: string, deadline: string) => string;
  underReview: (dispute: string, invoice: string) => string;
  accepted: (dispute: string, invoice: string, credit: string, memo: string) => string;
  acceptedPartly: (
    dispute: string,
    invoice: string,
    credit: string,
    disputed: string,
    memo: string,
  ) => string;
  nowOpen: (open: string) => string;
  rejected: (dispute: string, invoice: string) => string;
  dueAgain: (open: string) => string;
  withdrawn: (dispute: string, invoice: string) => string;
  reply: (dispute: string) => string;
  explanation: string;
  closing: string;
}

/** The words in each portal language (the portal's locale files are not reachable here). */
const TEXTS: Record<PortalLocale, Texts> = {
  en: {
    greeting: (name) => `Hello ${name},`,
    subject: {
      OPEN: (d, i) => `Dispute ${d} received for invoice ${i}`,
      UNDER_REVIEW: (d, i) => `Dispute ${d} for invoice ${i} is being reviewed`,
      RESOLVED: (d, i) => `Dispute ${d} for invoice ${i} was accepted`,
      RESOLVED_INVALID: (d, i) => `Dispute ${d} for invoice ${i} was not accepted`,
      WITHDRAWN: (d, i) => `Dispute ${d} for invoice ${i} was withdrawn`,
      REPLY: (d, i) => `New message about dispute ${d} (invoice ${i})`,
    },
    received: (d, i, a, dl) =>
      `We received your dispute ${d} of ${a} on invoice ${i}. We will answer by ${dl}; until then the disputed amount is on hold.`,
    underReview: (d, i) => `Your dispute ${d} on invoice ${i} is now being reviewed.`,
    accepted: (d, i, c, m) =>
      `Your dispute ${d} on invoice ${i} was accepted: credit memo ${m} of ${c} was applied to it.`,
    acceptedPartly: (d, i, c, a, m) =>
      `Your dispute ${d} on invoice ${i} was partly accepted: of ${a} disputed, credit memo ${m} of ${c} was applied to it.`,
    nowOpen: (o) => `The invoice's open amount is now ${o}.`,
    rejected: (d, i) => `Your dispute ${d} on invoice ${i} was not accepted.`,
    dueAgain: (o) => `The invoice is due again with ${o} open.`,
    withdrawn: (d, i) => `Dispute ${d} on invoice ${i} was withdrawn. The invoice is due again as usual.`,
    reply: (d) => `We wrote to you about dispute ${d}:`,
    explanation: "Our explanation:",
    closing: "You can follow the dispute, reply and add documents in the customer portal.",
  },
  es: {
    greeting: (name) => `Hola, ${name}:`,
    subject: {
      OPEN: (d, i) => `Disputa ${d} recibida para la factura ${i}`,
      UNDER_REVIEW: (d, i) => `La disputa ${d} de la factura ${i} está en revisión`,
      RESOLVED: (d, i) => `La disputa ${d} de la factura ${i} fue aceptada`,
      RESOLVED_INVALID: (d, i) => `La disputa ${d} de la factura ${i} no fue aceptada`,
      WITHDRAWN: (d, i) => `La disputa ${d} de la factura ${i} fue retirada`,
      REPLY: (d, i) => `Nuevo mensaje sobre la disputa ${d} (factura ${i})`,
    },
    received: (d, i, a, dl) =>
      `Hemos recibido su disputa ${d} por ${a} sobre la factura ${i}. Responderemos antes del ${dl}; hasta entonces el importe en disputa queda retenido.`,
    underReview: (d, i) => `Su disputa ${d} sobre la factura ${i} está ahora en revisión.`,
    accepted: (d, i, c, m) =>
      `Su disputa ${d} sobre la factura ${i} fue aceptada: se aplicó la nota de crédito ${m} por ${c}.`,
    acceptedPartly: (d, i, c, a, m) =>
      `Su disputa ${d} sobre la factura ${i} fue aceptada en parte: de ${a} en disputa, se aplicó la nota de crédito ${m} por ${c}.`,
    nowOpen: (o) => `El importe pendiente de la factura es ahora ${o}.`,
    rejected: (d, i) => `Su disputa ${d} sobre la factura ${i} no fue aceptada.`,
    dueAgain: (o) => `La factura vuelve a ser exigible con ${o} pendiente.`,
    withdrawn: (d, i) =>
      `La disputa ${d} sobre la factura ${i} fue retirada. La factura vuelve a ser exigible.`,
    reply: (d) => `Le escribimos sobre la disputa ${d}:`,
    explanation: "Nuestra explicación:",
    closing: "Puede seguir la disputa, responder y añadir documentos en el portal de clientes.",
  },
  "pt-BR": {
    greeting: (name) => `Olá, ${name},`,
    subject: {
      OPEN: (d, i) => `Contestação ${d} recebida para a fatura ${i}`,
      UNDER_REVIEW: (d, i) => `A contestação ${d} da fatura ${i} está em análise`,
      RESOLVED: (d, i) => `A contestação ${d} da fatura ${i} foi aceita`,
      RESOLVED_INVALID: (d, i) => `A contestação ${d} da fatura ${i} não foi aceita`,
      WITHDRAWN: (d, i) => `A contestação ${d} da fatura ${i} foi retirada`,
      REPLY: (d, i) => `Nova mensagem sobre a contestação ${d} (fatura ${i})`,
    },
    received: (d, i, a, dl) =>
      `Recebemos sua contestação ${d} de ${a} na fatura ${i}. Responderemos até ${dl}; até lá o valor contestado fica suspenso.`,
    underReview: (d, i) => `Sua contestação ${d} na fatura ${i} está agora em análise.`,
    accepted: (d, i, c, m) =>
      `Sua contestação ${d} na fatura ${i} foi aceita: a nota de crédito ${m} de ${c} foi aplicada a ela.`,
    acceptedPartly: (d, i, c, a, m) =>
      `Sua contestação ${d} na fatura ${i} foi aceita em parte: de ${a} contestados, a nota de crédito ${m} de ${c} foi aplicada a ela.`,
    nowOpen: (o) => `O valor em aberto da fatura agora é ${o}.`,
    rejected: (d, i) => `Sua contestação ${d} na fatura ${i} não foi aceita.`,
    dueAgain: (o) => `A fatura volta a ser devida com ${o} em aberto.`,
    withdrawn: (d, i) =>
      `A contestação ${d} na fatura ${i} foi retirada. A fatura volta a ser devida normalmente.`,
    reply: (d) => `Escrevemos para você sobre a contestação ${d}:`,
    explanation: "Nossa explicação:",
    closing: "Você pode acompanhar a contestação, responder e anexar documentos no portal do cliente.",
  },
  ar: {
    greeting: (name) => `مرحبًا ${name}،`,
    subject: {
      OPEN: (d, i) => `تم استلام الاعتراض ${d} على الفاتورة ${i}`,
      UNDER_REVIEW: (d, i) => `الاعتراض ${d} على الفاتورة ${i} قيد المراجعة`,
      RESOLVED: (d, i) => `تم قبول الاعتراض ${d} على الفاتورة ${i}`,
      RESOLVED_INVALID: (d, i) => `لم يتم قبول الاعتراض ${d} على الفاتورة ${i}`,
      WITHDRAWN: (d, i) => `تم سحب الاعتراض ${d} على الفاتورة ${i}`,
      REPLY: (d, i) => `رسالة جديدة بشأن الاعتراض ${d} (الفاتورة ${i})`,
    },
    received: (d, i, a, dl) =>
      `استلمنا اعتراضك ${d} بمبلغ ${a} على الفاتورة ${i}. سنرد بحلول ${dl}، وحتى ذلك الحين يبقى المبلغ المعترض عليه معلقًا.`,
    underReview: (d, i) => `اعتراضك ${d} على الفاتورة ${i} قيد المراجعة الآن.`,
    accepted: (d, i, c, m) =>
      `تم قبول اعتراضك ${d} على الفاتورة ${i}: تم تطبيق إشعار دائن ${m} بمبلغ ${c} عليها.`,
    acceptedPartly: (d, i, c, a, m) =>
      `تم قبول اعتراضك ${d} على الفاتورة ${i} جزئيًا: من أصل ${a} معترض عليه، تم تطبيق إشعار دائن ${m} بمبلغ ${c} عليها.`,
    nowOpen: (o) => `المبلغ المستحق على الفاتورة الآن ${o}.`,
    rejected: (d, i) => `لم يتم قبول اعتراضك ${d} على الفاتورة ${i}.`,
    dueAgain: (o) => `أصبحت الفاتورة مستحقة مرة أخرى بمبلغ ${o}.`,
    withdrawn: (d, i) => `تم سحب الاعتراض ${d} على الفاتورة ${i}. أصبحت الفاتورة مستحقة كالمعتاد.`,
    reply: (d) => `كتبنا إليك بشأن الاعتراض ${d}:`,
    explanation: "توضيحنا:",
    closing: "يمكنك متابعة الاعتراض والرد وإضافة المستندات في بوابة العملاء.",
  },
};

export interface CustomerDisputeEmailInput {
  event: CustomerDisputeEvent;
  to: string;
  name: string | null;
  locale: string;
  disputeLabel: string;
  invoiceNumber: string;
  currency: string;
  disputedAmount: bigint;
  deadline?: Date;
  /** RESOLVED: the credit and its memo; RESOLVED and RESOLVED_INVALID: what is open now. */
  creditAmount?: bigint;
  creditMemoNumber?: string;
  invoiceOpenAmount?: bigint;
  /** RESOLVED_INVALID: the explanation; REPLY: the message. */
  text?: string;
}

/** A dispute's news for the customer, in their language (plain text: their words stay text). */
export function customerDisputeEmail(input: CustomerDisputeEmailInput): EnqueueEmailInput {
  const locale = matchPortalLocale(input.locale) ?? "en";
  const t = TEXTS[locale];
  const money = (amount: bigint) => formatMoney(amount, input.currency, locale);
  const d = input.disputeLabel;
  const i = input.invoiceNumber;
  const body: string[] = [];
  switch (input.event) {
    case "OPEN": {
      const deadline = input.deadline
        ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(input.deadline)
        : "";
      body.push(t.received(d, i, money(input.disputedAmount), deadline));
      break;
    }
    case "UNDER_REVIEW":
      body.push(t.underReview(d, i));
      break;
    case "RESOLVED": {
      const credit = money(input.creditAmount ?? 0n);
      const memo = input.creditMemoNumber ?? "";
      body.push(
        input.creditAmount !== undefined && input.creditAmount < input.disputedAmount
          ? t.acceptedPartly(d, i, credit, money(input.disputedAmount), memo)
          : t.accepted(d, i, credit, memo),
      );
      if (input.invoiceOpenAmount !== undefined) body.push(t.nowOpen(money(input.invoiceOpenAmount)));
      if (input.text) body.push("", t.explanation, input.text);
      break;
    }
    case "RESOLVED_INVALID":
      body.push(t.rejected(d, i), "", t.explanation, input.text ?? "");
      if (input.invoiceOpenAmount !== undefined) body.push("", t.dueAgain(money(input.invoiceOpenAmount)));
      break;
    case "WITHDRAWN":
      body.push(t.withdrawn(d, i));
      break;
    case "REPLY":
      body.push(t.reply(d), "", input.text ?? "");
      break;
  }
  const lines = [t.greeting(input.name ?? ""), "", ...body, "", t.closing];
  return {
    to: input.to,
    subject: t.subject[input.event](d, i),
    text: lines.join("\n"),
    category: `dispute.${input.event.toLowerCase().replace(/_/g, "-")}`,
  };
}

export type StaffDisputeEvent = "ASSIGNED" | "CUSTOMER_REPLY" | "ESCALATED" | "APPROVAL_NEEDED";

export interface StaffDisputeEmailInput {
  event: StaffDisputeEvent;
  to: string;
  disputeLabel: string;
  customerName: string;
  accountNumber: string;
  invoiceNumber: string;
  currency: string;
  amount: bigint;
  deadline: Date;
  ownerName?: string | null;
  departmentName?: string | null;
  text?: string;
}

/** Notices for staff (the back office speaks English). */
export function staffDisputeEmail(input: StaffDisputeEmailInput): EnqueueEmailInput {
  const amount = formatMoney(input.amount, input.currency, "en-US");
  const deadline = input.deadline.toISOString().slice(0, 10);
  const what = `${input.disputeLabel} on invoice ${input.invoiceNumber} of ${input.customerName} (${input.accountNumber}), ${amount}`;
  const subject: Record<StaffDisputeEvent, string> = {
    ASSIGNED: `Dispute ${input.disputeLabel} assigned: ${input.customerName}, ${amount}`,
    CUSTOMER_REPLY: `Customer replied on dispute ${input.disputeLabel}`,
    ESCALATED: `Deadline missed: dispute ${input.disputeLabel} (${input.customerName})`,
    APPROVAL_NEEDED: `Approval needed: dispute ${input.disputeLabel} credit`,
  };
  const owner = [input.ownerName, input.departmentName].filter(Boolean).join(", ") || "nobody";
  const body: Record<StaffDisputeEvent, string[]> = {
    ASSIGNED: [`Dispute ${what} was assigned to ${owner}.`, `Deadline: ${deadline}.`],
    CUSTOMER_REPLY: [`The customer wrote on dispute ${what}:`, "", input.text ?? ""],
    ESCALATED: [
      `Dispute ${what} passed its deadline of ${deadline} without a resolution.`,
      `Owner: ${owner}.`,
      "It is marked as escalated in the dispute queue.",
    ],
    APPROVAL_NEEDED: [
      `A credit on dispute ${what} is above the approval amount and waits for a second staff member.`,
      ...(input.text ? ["", input.text] : []),
    ],
  };
  return {
    to: input.to,
    subject: subject[input.event],
    text: body[input.event].join("\n"),
    category: `dispute.staff-${input.event.toLowerCase().replace(/_/g, "-")}`,
  };
}
