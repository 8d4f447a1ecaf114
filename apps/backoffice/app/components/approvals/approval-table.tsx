import type { PendingApproval } from "@settle/domain/approvals/list-approvals";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Form, Link, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { ReopenList } from "../card-payments/refund-reopen.tsx";

const DAY_MS = 86_400_000;

export interface ApprovalRights {
  approveRefunds: boolean;
  approveDisputeCredits: boolean;
}

/** Approve where it waits, unless the reader asked for it (someone else must) or may not. */
function ApproveCell({ item, can }: { item: PendingApproval; can: ApprovalRights }) {
  const { t } = useTranslation("approvals");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  if (item.mine) return <Badge tone="neutral">{t("yours")}</Badge>;
  const allowed = item.kind === "refund" ? can.approveRefunds : can.approveDisputeCredits;
  if (!allowed) return <span className="text-sm text-ink-muted">{t("notYours")}</span>;
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2">
      <CsrfInput token={csrf} />
      {item.kind === "refund" ? (
        <>
          <input type="hidden" name="intent" value="approve-refund" />
          <input type="hidden" name="attemptId" value={item.attemptId ?? ""} />
          <input type="hidden" name="refundId" value={item.id} />
        </>
      ) : (
        <>
          <input type="hidden" name="intent" value="approve-dispute-credit" />
          <input type="hidden" name="disputeId" value={item.id} />
        </>
      )}
      <Button type="submit" size="sm" variant="primary" disabled={busy}>
        {t("approve")}
        <span className="sr-only"> {item.subject}</span>
      </Button>
      <Link to={item.href} className="text-sm text-brand-700 underline">
        {t("open")}
      </Link>
    </Form>
  );
}

const columnsIn = (t: TFunction, can: ApprovalRights, now: number): Column<PendingApproval>[] => [
  {
    id: "waiting",
    header: t("columns.waiting"),
    cell: (i) => (
      <div className="space-y-0.5">
        <div className="font-medium">
          {t("days", { count: Math.max(0, Math.floor((now - new Date(i.requestedAt).getTime()) / DAY_MS)) })}
        </div>
        <DateText value={i.requestedAt} mode="datetime" className="text-xs text-ink-muted" />
      </div>
    ),
  },
  {
    id: "what",
    header: t("columns.what"),
    rowHeader: true,
    cell: (i) => (
      <div className="space-y-0.5">
        <div className="text-xs text-ink-muted">{t(`kinds.${i.kind}`)}</div>
        <Link to={i.href} className="font-medium text-brand-700 underline" dir="auto">
          {i.subject}
        </Link>
        {i.kind === "refund" ? (
          <ReopenList reopens={i.reopens} currency={i.currency} className="block text-xs text-ink-muted" />
        ) : null}
      </div>
    ),
  },
  {
    id: "customer",
    header: t("columns.customer"),
    cell: (i) => (
      <Link to={`/customers/${i.customer.id}`} className="hover:underline">
        <bdi>{i.customer.name}</bdi> <span className="text-ink-muted">· {i.customer.accountNumber}</span>
      </Link>
    ),
  },
  {
    id: "amount",
    header: t("columns.amount"),
    align: "right",
    cell: (i) => <MoneyText amount={i.amount} currency={i.currency} className="font-medium" />,
  },
  { id: "requestedBy", header: t("columns.requestedBy"), cell: (i) => i.requestedBy ?? t("someone") },
  { id: "action", header: t("columns.action"), cell: (i) => <ApproveCell item={i} can={can} /> },
];

/** Everything waiting for a second staff member, oldest first. */
export function ApprovalTable({
  items,
  can,
  now,
}: {
  items: PendingApproval[];
  can: ApprovalRights;
  now: number;
}) {
  const { t } = useTranslation("approvals");
  const columns = useMemo(() => columnsIn(t, can, now), [t, can, now]);
  return (
    <Card flush>
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={items}
        rowKey={(i) => `${i.kind}:${i.id}`}
        empty={<EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />}
      />
    </Card>
  );
}
