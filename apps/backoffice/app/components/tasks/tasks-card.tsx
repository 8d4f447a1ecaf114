import type { CollectorTaskRow } from "@settle/domain/tasks/list-collector-tasks";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { Form, Link, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";

/**
 * The signed-in staff member's open collector tasks: what to do, for which account and plan, by
 * when, and "Done" (posted to the page's action).
 */
export function TasksCard({ tasks }: { tasks: CollectorTaskRow[] }) {
  const { t } = useTranslation("home");
  return (
    <Card title={t("tasks.title")} flush id="tasks">
      <DataTable
        caption={t("tasks.caption")}
        rows={tasks}
        rowKey={(r) => r.id}
        empty={
          <EmptyState title={t("tasks.emptyTitle")} description={t("tasks.emptyDescription")} icon="inbox" />
        }
        columns={[
          {
            id: "task",
            header: t("tasks.task"),
            rowHeader: true,
            cell: (r) => <span className="font-medium text-ink">{t(`tasks.kinds.${r.kind}`)}</span>,
          },
          {
            id: "customer",
            header: t("tasks.customer"),
            cell: (r) => (
              <Link
                to={`/customers/${r.customer.id}`}
                className="text-ink hover:text-brand-700 hover:underline"
              >
                {r.customer.name}
              </Link>
            ),
          },
          {
            id: "plan",
            header: t("tasks.plan"),
            cell: (r) =>
              r.plan ? (
                <Link
                  to={`/customers/${r.customer.id}#payment-plans`}
                  className="font-mono text-xs text-brand-700 underline"
                >
                  {r.plan.label}
                </Link>
              ) : (
                "—"
              ),
          },
          { id: "due", header: t("tasks.due"), cell: (r) => <DateText value={r.dueOn} /> },
          {
            id: "done",
            header: <span className="sr-only">{t("tasks.done")}</span>,
            cell: (r) => <DoneButton task={r} />,
          },
        ]}
      />
    </Card>
  );
}

function DoneButton({ task }: { task: CollectorTaskRow }) {
  const { t } = useTranslation("home");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post">
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="complete-task" />
      <input type="hidden" name="taskId" value={task.id} />
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        {t("tasks.done")}
        <span className="sr-only">
          {" "}
          {t(`tasks.kinds.${task.kind}`)}, {task.customer.name}
        </span>
      </Button>
    </Form>
  );
}
