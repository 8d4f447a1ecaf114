import type {
  FailedStripeEvent,
  SetAsideStripeEvent,
} from "@settle/domain/payments/list-failed-stripe-events";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "../../i18n/use-translation.ts";
import type { IntentAnswer } from "../disputes/intent-form.ts";
import { FailedEventActions } from "./failed-event-actions.tsx";

/** What every event row shows: when it came, what it is about, and why it failed. */
const eventColumns = <Row extends FailedStripeEvent>(t: TFunction): Column<Row>[] => [
  {
    id: "received",
    header: t("columns.received"),
    cell: (e) => <DateText value={e.receivedAt} mode="datetime" />,
  },
  {
    id: "event",
    header: t("columns.event"),
    rowHeader: true,
    cell: (e) => (
      <div className="space-y-0.5">
        <div className="font-medium">{e.type}</div>
        <div className="font-mono text-xs text-ink-muted" dir="ltr">
          {e.id}
          {e.objectId ? ` · ${e.objectId}` : ""}
        </div>
      </div>
    ),
  },
  {
    id: "error",
    header: t("columns.error"),
    cell: (e) => (
      <div className="max-w-md space-y-0.5">
        <div className="break-words text-sm">{e.lastError ?? "—"}</div>
        <div className="text-xs text-ink-muted">{t("attempts", { count: e.attempts })}</div>
      </div>
    ),
  },
];

/** The events the worker gave up on, each with its retry and set-aside forms. */
export function FailedEventTable({
  events,
  more,
  canAct,
  answer,
}: {
  events: FailedStripeEvent[];
  more: boolean;
  canAct: boolean;
  answer?: IntentAnswer;
}) {
  const { t } = useTranslation("failed-events");
  const columns = useMemo(
    (): Column<FailedStripeEvent>[] => [
      ...eventColumns<FailedStripeEvent>(t),
      ...(canAct
        ? [
            {
              id: "actions",
              header: t("columns.actions"),
              cell: (e: FailedStripeEvent) => <FailedEventActions eventId={e.id} answer={answer} />,
            },
          ]
        : []),
    ],
    [t, canAct, answer],
  );
  return (
    <Card title={t("failed.title")} flush>
      {more ? (
        <p className="border-b border-line px-5 py-3 text-sm text-ink-muted">{t("failed.more")}</p>
      ) : null}
      <DataTable
        caption={t("failed.caption")}
        columns={columns}
        rows={events}
        rowKey={(e) => e.id}
        empty={<EmptyState title={t("failed.emptyTitle")} description={t("failed.emptyDescription")} />}
      />
    </Card>
  );
}

/** The events staff set aside lately, with who did and why. */
export function SetAsideTable({ events }: { events: SetAsideStripeEvent[] }) {
  const { t } = useTranslation("failed-events");
  const columns = useMemo(
    (): Column<SetAsideStripeEvent>[] => [
      ...eventColumns<SetAsideStripeEvent>(t),
      {
        id: "setAside",
        header: t("columns.setAside"),
        cell: (e) => (
          <div className="max-w-sm space-y-0.5">
            <div className="text-sm">{e.note}</div>
            <div className="text-xs text-ink-muted">
              {e.dismissedBy ?? t("someone")} · <DateText value={e.dismissedAt} mode="datetime" />
            </div>
          </div>
        ),
      },
    ],
    [t],
  );
  if (events.length === 0) return null;
  return (
    <Card title={t("setAside.title")} flush>
      <DataTable caption={t("setAside.caption")} columns={columns} rows={events} rowKey={(e) => e.id} />
    </Card>
  );
}
