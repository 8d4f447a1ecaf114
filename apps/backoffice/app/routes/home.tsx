import { hasStaffRole } from "@settle/domain/actor";
import { getPortfolioSummary } from "@settle/domain/customers/get-portfolio-summary";
import { completeCollectorTask } from "@settle/domain/tasks/complete-collector-task";
import { listCollectorTasks } from "@settle/domain/tasks/list-collector-tasks";
import { CompleteCollectorTaskSchema, TASK_ROLES } from "@settle/domain/tasks/task-forms";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { StatCard } from "@settle/ui/stat-card";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { Link } from "react-router";
import { FormErrors } from "../components/form-errors.tsx";
import { RouteError } from "../components/route-error.tsx";
import { TasksCard } from "../components/tasks/tasks-card.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { useNumberFormat } from "../i18n/list-words.ts";
import { serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("common:nav.overview"));

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const summary = await load(() => getPortfolioSummary({ top: 8 }, staff.actor));
  // The reader's own open tasks, for those who work tasks (collectors, AR managers, administrators).
  const tasks = hasStaffRole(staff.actor, TASK_ROLES)
    ? (await load(() => listCollectorTasks({ status: "OPEN", mine: true }, staff.actor))).rows
    : null;
  return { summary, tasks, firstName: staff.user.name.split(" ")[0] ?? staff.user.name };
}

/** "Done" on one of the tasks card's tasks. */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "home");
  const words = refusalWordsIn(t);
  return submitForm(form, CompleteCollectorTaskSchema, (input) => completeCollectorTask(input, staff.actor), {
    words: (refusal) => (refusal.reason === "task-not-yours" ? t("tasks.notYours") : words(refusal)),
    done: () => ({ message: t("tasks.completed") }),
  });
}

const BUCKETS = ["current", "days1to30", "days31to60", "days61to90", "over90"] as const;

export default function Home({ loaderData, actionData }: Route.ComponentProps) {
  const { summary, tasks, firstName } = loaderData;
  const { t } = useTranslation("home");
  return (
    <>
      <PageHeader
        title={t("greeting", { name: firstName })}
        description={t("customers", { count: summary.customers })}
        actions={
          <LinkButton to="/customers" variant="primary">
            {t("findCustomer")}
          </LinkButton>
        }
      />
      <FormErrors errors={actionData?.reply.error?.[""] ?? undefined} title={t("tasks.notDone")} />
      {tasks ? (
        <div className="mb-8">
          <TasksCard tasks={tasks} />
        </div>
      ) : null}
      {summary.currencies.length === 0 ? (
        <Card>
          <EmptyState title={t("empty.title")} description={t("empty.description")} icon="inbox" />
        </Card>
      ) : (
        <div className="space-y-8">
          {summary.currencies.map((c) => {
            const total = BUCKETS.reduce((sum, b) => sum + c.aging[b], 0n);
            return (
              <section key={c.currency} aria-labelledby={`cur-${c.currency}`} className="space-y-4">
                <h2
                  id={`cur-${c.currency}`}
                  className="text-sm font-semibold tracking-wide text-ink-muted uppercase"
                >
                  {c.currency}
                </h2>
                <div className="grid gap-4 lg:grid-cols-4">
                  <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
                    <StatCard
                      label={t("balance")}
                      value={<MoneyText amount={c.balance} currency={c.currency} />}
                      hint={t("accountsOpen", { count: c.accounts })}
                    />
                    <StatCard
                      label={t("overdue")}
                      tone={c.overdue > 0n ? "danger" : "success"}
                      value={<MoneyText amount={c.overdue} currency={c.currency} />}
                      hint={t("accountsOverdue", { count: c.accountsOverdue })}
                    />
                  </div>
                  <Card title={t("aging.title")} headingLevel={3} className="lg:col-span-3">
                    <AgingBar
                      buckets={BUCKETS.map((b) => ({ label: t(`aging.${b}`), amount: c.aging[b] }))}
                      total={total}
                      currency={c.currency}
                    />
                  </Card>
                </div>
              </section>
            );
          })}
          <Card title={t("mostOverdue.title")} flush id="most-overdue">
            <DataTable
              caption={t("mostOverdue.caption")}
              rows={summary.mostOverdue}
              rowKey={(r) => r.id}
              empty={
                <EmptyState
                  title={t("mostOverdue.emptyTitle")}
                  description={t("mostOverdue.emptyDescription")}
                  icon="users"
                />
              }
              columns={[
                {
                  id: "name",
                  header: t("mostOverdue.customer"),
                  rowHeader: true,
                  cell: (r) => (
                    <Link
                      to={`/customers/${r.id}`}
                      className="font-medium text-ink hover:text-brand-700 hover:underline"
                    >
                      {r.name}
                    </Link>
                  ),
                },
                {
                  id: "account",
                  header: t("mostOverdue.account"),
                  cell: (r) => <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>,
                },
                {
                  id: "oldest",
                  header: t("mostOverdue.oldest"),
                  cell: (r) => <DateText value={r.oldestDueDate} />,
                },
                {
                  id: "overdue",
                  header: t("mostOverdue.overdue"),
                  align: "right",
                  cell: (r) => (
                    <MoneyText
                      amount={r.overdue}
                      currency={r.currency}
                      tone="danger"
                      className="font-medium"
                    />
                  ),
                },
              ]}
            />
          </Card>
        </div>
      )}
      <Toast message={actionData?.done?.message} dismiss={t("common:dismiss")} />
    </>
  );
}

const BAR_COLORS = ["bg-emerald-500", "bg-amber-300", "bg-amber-500", "bg-orange-500", "bg-red-600"];

/** A stacked bar of the aging buckets with a legend that carries the numbers (the bar is decorative). */
function AgingBar({
  buckets,
  total,
  currency,
}: {
  buckets: { label: string; amount: bigint }[];
  total: bigint;
  currency: string;
}) {
  const { percent } = useNumberFormat();
  return (
    <div className="space-y-3">
      <div aria-hidden="true" className="flex h-3 overflow-hidden rounded-full bg-slate-100">
        {total > 0n
          ? buckets.map((b, i) =>
              b.amount > 0n ? (
                <div
                  key={b.label}
                  className={BAR_COLORS[i]}
                  // Display only: a share in basis points, from integers.
                  style={{ width: `${Number((b.amount * 10_000n) / total) / 100}%` }}
                />
              ) : null,
            )
          : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 pt-1 sm:grid-cols-3 xl:grid-cols-5">
        {buckets.map((b, i) => (
          <div key={b.label}>
            <dt className="flex items-center gap-1.5 text-xs text-ink-faint">
              <span aria-hidden="true" className={`size-2 rounded-full ${BAR_COLORS[i]}`} />
              {b.label}
            </dt>
            <dd className="mt-1 text-base font-semibold text-ink">
              <MoneyText amount={b.amount} currency={currency} />
            </dd>
            <dd className="text-xs text-ink-faint">
              {total > 0n ? percent(Number((b.amount * 1000n) / total) / 1000) : "—"}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
