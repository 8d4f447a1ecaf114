import {
  DISPUTE_REASONS,
  DISPUTE_STATUSES,
  type DisputeStatus,
  OPEN_DISPUTE_STATUSES,
} from "@settle/domain/disputes/dispute-forms";
import { listDepartments } from "@settle/domain/disputes/list-departments";
import { listDisputeStaff } from "@settle/domain/disputes/list-dispute-staff";
import { listDisputes } from "@settle/domain/disputes/list-disputes";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { SelectField } from "@settle/ui/fields";
import { FilterBar } from "@settle/ui/filter-bar";
import { PageHeader } from "@settle/ui/page-header";
import { listHref, StatusTabs } from "@settle/ui/status-tabs";
import { load } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import { useMemo } from "react";
import { disputeColumnsIn } from "../components/disputes/dispute-columns.tsx";
import { ListPagination } from "../components/list-pagination.tsx";
import { RouteError } from "../components/route-error.tsx";
import { useNumberFormat } from "../i18n/list-words.ts";
import { getLocale } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/disputes";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("disputes:title"));

const RESOLVED: DisputeStatus[] = ["RESOLVED_VALID", "RESOLVED_PARTIAL", "RESOLVED_INVALID"];

/** The status tabs: a tab is one URL value standing for one or more statuses (`label`: its words' key). */
const TABS: { key: string; label: string; statuses: readonly DisputeStatus[] }[] = [
  { key: "", label: "open", statuses: OPEN_DISPUTE_STATUSES },
  { key: "OPEN", label: "OPEN", statuses: ["OPEN"] },
  { key: "UNDER_REVIEW", label: "UNDER_REVIEW", statuses: ["UNDER_REVIEW"] },
  { key: "PENDING_APPROVAL", label: "PENDING_APPROVAL", statuses: ["PENDING_APPROVAL"] },
  { key: "resolved", label: "resolved", statuses: RESOLVED },
  { key: "WITHDRAWN", label: "WITHDRAWN", statuses: ["WITHDRAWN"] },
  { key: "all", label: "all", statuses: DISPUTE_STATUSES },
];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  const tab = TABS.find((t) => t.key === (params.get("status") ?? "")) ?? TABS[0]!;
  const text = (name: string) => params.get(name) || undefined;
  const locale = await getLocale(request);
  const [list, people, departments] = await Promise.all([
    load(() =>
      listDisputes(
        {
          status: [...tab.statuses],
          reason: text("reason") as (typeof DISPUTE_REASONS)[number] | undefined,
          ownerId: text("owner"),
          departmentId: text("department"),
          q: text("q"),
          overdue: params.get("overdue") === "1" || undefined,
          sort: text("sort") as "deadline" | undefined,
          dir: text("dir") as "asc" | undefined,
          page: text("page"),
        },
        staff.actor,
        { locale },
      ),
    ),
    load(() => listDisputeStaff(staff.actor)),
    load(() => listDepartments(staff.actor, { locale })),
  ]);
  return {
    ...list,
    tab: tab.key,
    filters: {
      q: text("q") ?? "",
      reason: DISPUTE_REASONS.find((r) => r === params.get("reason")) ?? "",
      owner: text("owner") ?? "",
      department: text("department") ?? "",
      overdue: params.get("overdue") === "1",
    },
    people: people.map((p) => ({ id: p.id, name: p.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    me: staff.user.id,
  };
}

type Queue = Route.ComponentProps["loaderData"];

/** The queue's URL with its search, filters and sort, and a status tab (page 1). */
const hrefFor = (queue: Queue, status: string) =>
  listHref("/disputes", {
    q: queue.filters.q,
    reason: queue.filters.reason,
    owner: queue.filters.owner,
    department: queue.filters.department,
    overdue: queue.filters.overdue,
    status,
  });

export default function Disputes({ loaderData: queue }: Route.ComponentProps) {
  const f = queue.filters;
  const filtered = Boolean(f.q || f.reason || f.owner || f.department || f.overdue);
  const { t } = useTranslation("disputes");
  const columns = useMemo(() => disputeColumnsIn(t), [t]);
  const { number } = useNumberFormat();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <LinkButton to="/disputes/new" variant="primary">
            {t("logDispute")}
          </LinkButton>
        }
      />
      <Card flush>
        <StatusTabs
          label={t("tabs.label")}
          current={queue.tab}
          formatCount={number}
          tabs={TABS.map((tab) => ({
            key: tab.key,
            label: t(`tabs.${tab.label}`),
            count: tab.statuses.reduce((sum, s) => sum + queue.byStatus[s], 0),
            href: hrefFor(queue, tab.key),
          }))}
        />
        <div className="border-b border-line px-5 py-4">
          <FilterBar
            text={{
              label: t("filters.label"),
              searchLabel: t("filters.searchLabel"),
              searchPlaceholder: t("filters.searchPlaceholder"),
              apply: t("filters.apply"),
              clear: t("filters.clear"),
            }}
            action="/disputes"
            query={f.q}
            keep={{ status: queue.tab, sort: queue.sort, dir: queue.dir }}
            active={filtered}
          >
            <SelectField
              label={t("filters.reason")}
              name="reason"
              defaultValue={f.reason}
              placeholder={t("filters.all")}
              options={DISPUTE_REASONS.map((r) => ({ value: r, label: t(`labels:disputeReason.${r}`) }))}
            />
            <SelectField
              label={t("filters.owner")}
              name="owner"
              defaultValue={f.owner}
              placeholder={t("filters.anyone")}
              options={[
                { value: queue.me, label: t("filters.me") },
                ...queue.people.filter((p) => p.id !== queue.me).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <SelectField
              label={t("filters.department")}
              name="department"
              defaultValue={f.department}
              placeholder={t("filters.any")}
              options={queue.departments.map((d) => ({ value: d.id, label: d.name }))}
            />
            <label className="flex items-center gap-2 py-2 text-sm">
              <input
                type="checkbox"
                name="overdue"
                value="1"
                defaultChecked={f.overdue}
                className="size-4 rounded border-slate-300"
              />
              {t("filters.overdue")}
            </label>
          </FilterBar>
        </div>
        <DataTable
          caption={t("caption")}
          columns={columns}
          rows={queue.rows}
          rowKey={(r) => r.id}
          sort={{ key: queue.sort, dir: queue.dir }}
          empty={
            filtered ? (
              <EmptyState
                title={t("noMatch.title")}
                description={t("noMatch.description")}
                action={
                  <LinkButton to="/disputes" variant="secondary">
                    {t("noMatch.action")}
                  </LinkButton>
                }
              />
            ) : (
              <EmptyState
                icon="inbox"
                title={queue.tab ? t("none.titleHere") : t("none.titleOpen")}
                description={t("none.description")}
              />
            )
          }
        />
        {queue.total > 0 ? (
          <ListPagination
            page={queue.page}
            pageCount={queue.pageCount}
            total={queue.total}
            pageSize={queue.pageSize}
            rows={t("rows")}
          />
        ) : null}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
