import type { PlanAgreement } from "@settle/domain/plans/plan-agreement";
import { documentIssuerOf } from "./issuer.ts";
import type { PlanAgreementDocument } from "./types.ts";

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** A plan's agreement as its PDF shows it: the same document for the customer and for staff. */
export function planAgreementDocument(agreement: PlanAgreement): PlanAgreementDocument {
  return {
    issuer: documentIssuerOf(agreement.issuer),
    customer: {
      name: agreement.customer.name,
      accountNumber: agreement.customer.accountNumber,
      billingAddressLines: agreement.customer.billingAddress,
    },
    planNumber: agreement.planNumber,
    currency: agreement.currency,
    invoices: agreement.invoices.map((i) => ({
      number: i.number,
      dueDate: i.dueDate ? iso(i.dueDate) : null,
      amount: i.amount,
    })),
    schedule: agreement.schedule.map((p) => ({
      sequence: p.sequence,
      dueDate: iso(p.dueDate),
      amount: p.amount,
    })),
    total: agreement.total,
    expiresOn: iso(agreement.expiresOn),
    termsHash: agreement.termsHash,
    acceptance: agreement.acceptance
      ? {
          name: agreement.acceptance.name,
          date: iso(agreement.acceptance.at),
          payBy: agreement.acceptance.payBy,
        }
      : null,
  };
}

/** The agreement's file name: the plan's number. */
export const planAgreementFileName = (planNumber: string) => `payment-plan-${planNumber}.pdf`;
