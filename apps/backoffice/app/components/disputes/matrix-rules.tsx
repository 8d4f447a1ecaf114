import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { Form, Link, useNavigation } from "react-router";
import { DISPUTE_REASON } from "../../dispute-labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor } from "./intent-form.ts";

type Rule = DisputeMatrix["rules"][number];

function band(r: Rule) {
  if (!r.currency || (r.minAmount === null && r.maxAmount === null))
    return <span className="text-ink-muted">Any amount</span>;
  return (
    <span className="whitespace-nowrap">
      {r.minAmount !== null ? (
        <>
          from <MoneyText amount={r.minAmount} currency={r.currency} />
        </>
      ) : null}
      {r.minAmount !== null && r.maxAmount !== null ? " " : null}
      {r.maxAmount !== null ? (
        <>
          below <MoneyText amount={r.maxAmount} currency={r.currency} />
        </>
      ) : null}
    </span>
  );
}

const ruleName = (r: Rule) =>
  `the ${DISPUTE_REASON[r.reason]} rule${r.legalEntity ? ` of ${r.legalEntity.name}` : ""}`;

const columns: Column<Rule>[] = [
  {
    id: "reason",
    header: "Reason",
    rowHeader: true,
    cell: (r) => (
      <span className="block">
        <span className="font-medium">{DISPUTE_REASON[r.reason]}</span>
        {!r.active ? (
          <Badge tone="neutral" className="ms-2">
            Inactive
          </Badge>
        ) : null}
      </span>
    ),
  },
  {
    id: "entity",
    header: "Legal entity",
    cell: (r) => r.legalEntity?.name ?? <span className="text-ink-muted">All</span>,
  },
  { id: "band", header: "Amount", cell: band },
  {
    id: "to",
    header: "Routes to",
    cell: (r) => (
      <span className="block">
        {r.department ? <span className="block">{r.department.name}</span> : null}
        {r.owner ? <span className="block text-ink-muted">{r.owner.name}</span> : null}
      </span>
    ),
  },
  {
    id: "deadline",
    header: "Deadline",
    align: "right",
    cell: (r) => (
      <span className="whitespace-nowrap">
        {r.deadlineDays} business {r.deadlineDays === 1 ? "day" : "days"}
      </span>
    ),
  },
];

function RuleActions({ rule }: { rule: Rule }) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  if (!rule.active) return null;
  return (
    <span className="flex items-center justify-end gap-2">
      <Link
        to={`?edit=${rule.id}`}
        className="text-sm text-brand-700 hover:underline"
        aria-label={`Edit ${ruleName(rule)}`}
      >
        Edit
      </Link>
      <Form method="post">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="rule-deactivate" />
        <input type="hidden" name="ruleId" value={rule.id} />
        <Button
          type="submit"
          variant="ghost"
          size="sm"
          disabled={busy}
          aria-label={`Deactivate ${ruleName(rule)}`}
        >
          Deactivate
        </Button>
      </Form>
    </span>
  );
}

const actionsColumn: Column<Rule> = {
  id: "actions",
  header: <span className="sr-only">Actions</span>,
  cell: (r) => <RuleActions rule={r} />,
};

/** The matrix's rules, by reason and most specific first; an editor edits or deactivates them. */
export function MatrixRules({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const done = doneFor(answer, "rule-deactivate");
  const errors = replyFor(answer, "rule-deactivate")?.error?.[""] ?? undefined;
  return (
    <Card
      title="Rules"
      flush
      actions={
        <Link
          to={matrix.showInactive ? "?" : "?inactive=1"}
          className="text-sm text-brand-700 hover:underline"
        >
          {matrix.showInactive ? "Hide inactive rules" : "Show inactive rules"}
        </Link>
      }
    >
      {done || errors ? (
        <div className="px-5 pt-4">
          <FormOutcome done={done} errors={errors} />
        </div>
      ) : null}
      <DataTable
        caption="Dispute routing rules, by reason, most specific first"
        columns={matrix.can.edit ? [...columns, actionsColumn] : columns}
        rows={matrix.rules}
        rowKey={(r) => r.id}
        empty={
          <EmptyState
            title="No rules yet"
            description="Every new dispute is unassigned with 10 business days until a rule routes it."
          />
        }
      />
    </Card>
  );
}
