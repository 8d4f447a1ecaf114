import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Trans } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor } from "./intent-form.ts";

type Rule = DisputeMatrix["rules"][number];

function band(t: TFunction, r: Rule) {
  if (!r.currency || (r.minAmount === null && r.maxAmount === null))
    return <span className="text-ink-muted">{t("rules.anyAmount")}</span>;
  return (
    <span className="whitespace-nowrap">
      {r.minAmount !== null ? (
        <Trans
          t={t}
          i18nKey="rules.from"
          components={[<MoneyText key="from" amount={r.minAmount} currency={r.currency} />]}
        />
      ) : null}
      {r.minAmount !== null && r.maxAmount !== null ? " " : null}
      {r.maxAmount !== null ? (
        <Trans
          t={t}
          i18nKey="rules.below"
          components={[<MoneyText key="below" amount={r.maxAmount} currency={r.currency} />]}
        />
      ) : null}
    </span>
  );
}

/** "Edit the Pricing rule of Acme Inc." (`what` is rules.edit or rules.deactivate). */
const ruleLabel = (t: TFunction, what: "editRule" | "deactivateRule", r: Rule) => {
  const reason = t(`labels:disputeReason.${r.reason}`);
  return r.legalEntity
    ? t(`rules.${what}Of`, { reason, entity: r.legalEntity.name })
    : t(`rules.${what}`, { reason });
};

const columnsIn = (t: TFunction): Column<Rule>[] => [
  {
    id: "reason",
    header: t("rules.reason"),
    rowHeader: true,
    cell: (r) => (
      <span className="block">
        <span className="font-medium">{t(`labels:disputeReason.${r.reason}`)}</span>
        {!r.active ? (
          <Badge tone="neutral" className="ms-2">
            {t("rules.inactive")}
          </Badge>
        ) : null}
      </span>
    ),
  },
  {
    id: "entity",
    header: t("rules.legalEntity"),
    cell: (r) => r.legalEntity?.name ?? <span className="text-ink-muted">{t("rules.all")}</span>,
  },
  { id: "band", header: t("rules.amount"), cell: (r) => band(t, r) },
  {
    id: "to",
    header: t("rules.routesTo"),
    cell: (r) => (
      <span className="block">
        {r.department ? <span className="block">{r.department.name}</span> : null}
        {r.owner ? <span className="block text-ink-muted">{r.owner.name}</span> : null}
      </span>
    ),
  },
  {
    id: "deadline",
    header: t("rules.deadline"),
    align: "right",
    cell: (r) => <span className="whitespace-nowrap">{t("rules.days", { count: r.deadlineDays })}</span>,
  },
];

function RuleActions({ rule }: { rule: Rule }) {
  const { t } = useTranslation("dispute-matrix");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  if (!rule.active) return null;
  return (
    <span className="flex items-center justify-end gap-2">
      <Link
        to={`?edit=${rule.id}`}
        className="text-sm text-brand-700 hover:underline"
        aria-label={ruleLabel(t, "editRule", rule)}
      >
        {t("rules.edit")}
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
          aria-label={ruleLabel(t, "deactivateRule", rule)}
        >
          {t("rules.deactivate")}
        </Button>
      </Form>
    </span>
  );
}

/** The matrix's rules, by reason and most specific first; an editor edits or deactivates them. */
export function MatrixRules({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute-matrix");
  const columns = useMemo(() => columnsIn(t), [t]);
  const actionsColumn: Column<Rule> = {
    id: "actions",
    header: <span className="sr-only">{t("rules.actions")}</span>,
    cell: (r) => <RuleActions rule={r} />,
  };
  const done = doneFor(answer, "rule-deactivate");
  const errors = replyFor(answer, "rule-deactivate")?.error?.[""] ?? undefined;
  return (
    <Card
      title={t("rules.title")}
      flush
      actions={
        <Link
          to={matrix.showInactive ? "?" : "?inactive=1"}
          className="text-sm text-brand-700 hover:underline"
        >
          {matrix.showInactive ? t("rules.hideInactive") : t("rules.showInactive")}
        </Link>
      }
    >
      {done || errors ? (
        <div className="px-5 pt-4">
          <FormOutcome done={done} errors={errors} />
        </div>
      ) : null}
      <DataTable
        caption={t("rules.caption")}
        columns={[...columns, actionsColumn]}
        rows={matrix.rules}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("rules.none")} description={t("rules.noneHint")} />}
      />
    </Card>
  );
}
