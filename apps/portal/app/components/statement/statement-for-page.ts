import type { Statement } from "@settle/domain/statements/get-statement";
import { pageInPlan } from "~/components/invoices/in-plan-mark";

/**
 * What the page shows of a statement, and so what is serialized into it for hydration: not the
 * legal entity's bank details or the lines' fields only downloads use.
 */
export function statementForPage(statement: Statement) {
  const { customer, lines } = statement;
  return {
    customer: { name: customer.name, accountNumber: customer.accountNumber },
    view: statement.view,
    from: statement.from,
    to: statement.to,
    today: statement.today,
    currency: statement.currency,
    currencies: statement.currencies,
    legalEntityId: statement.legalEntityId,
    legalEntities: statement.legalEntities,
    consolidated: statement.consolidated,
    hasChildren: statement.hasChildren,
    accounts: statement.accounts,
    totals: statement.totals,
    aging: statement.aging,
    lines: {
      page: lines.page,
      pageSize: lines.pageSize,
      total: lines.total,
      pageCount: lines.pageCount,
      rows: lines.rows.map((line) => ({
        id: line.id,
        accountId: line.accountId,
        kind: line.kind,
        isCredit: line.isCredit,
        number: line.number,
        documentDate: line.documentDate,
        dueDate: line.dueDate,
        reference: line.reference ?? line.poNumber,
        signedAmount: line.signedAmount,
        balance: line.balance,
        daysOverdue: line.daysOverdue,
        inPlan: pageInPlan(line.inPlan),
      })),
    },
  };
}

export type PageStatement = ReturnType<typeof statementForPage>;
export type PageStatementLine = PageStatement["lines"]["rows"][number];
