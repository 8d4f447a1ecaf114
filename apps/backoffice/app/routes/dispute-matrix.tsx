import { deactivateDisputeRule } from "@settle/domain/disputes/deactivate-dispute-rule";
import { DISPUTE_MANAGER_ROLES, DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import { listDepartments } from "@settle/domain/disputes/list-departments";
import { listDisputeRules } from "@settle/domain/disputes/list-dispute-rules";
import { listDisputeStaff } from "@settle/domain/disputes/list-dispute-staff";
import { listDisputeThresholds } from "@settle/domain/disputes/list-dispute-thresholds";
import { listHolidays } from "@settle/domain/disputes/list-holidays";
import { saveDisputeRule } from "@settle/domain/disputes/save-dispute-rule";
import { setDisputeThreshold } from "@settle/domain/disputes/set-dispute-threshold";
import { setHoliday } from "@settle/domain/disputes/set-holiday";
import { listLegalEntities } from "@settle/domain/legal-entities/list-legal-entities";
import { toDecimalString } from "@settle/domain/money/money";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { field, pageUrl } from "@settle/web/request.server";
import { data, Form, Link, useNavigation } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { DISPUTE_REASON } from "../dispute-labels.ts";
import { attempt, type FormResult, textValues } from "../form-result.server.ts";
import { requireStaff } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/dispute-matrix";

export const meta: Route.MetaFunction = () => [{ title: "Dispute matrix · Settle back office" }];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  const showInactive = params.get("inactive") === "1";
  const [rules, departments, people, entities, thresholds] = await Promise.all([
    load(() => listDisputeRules(staff.actor, { includeInactive: showInactive })),
    load(() => listDepartments(staff.actor)),
    load(() => listDisputeStaff(staff.actor)),
    load(() => listLegalEntities(staff.actor)),
    load(() => listDisputeThresholds(staff.actor)),
  ]);
  const thisYear = new Date().getUTCFullYear();
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear;
  const entity = entities.find((e) => e.id === params.get("entity")) ?? entities[0] ?? null;
  const holidays = entity ? await load(() => listHolidays(entity.id, year, staff.actor)) : [];
  const editing = rules.find((r) => r.id === params.get("edit")) ?? null;
  return {
    rules,
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    people: people.map((p) => ({ id: p.id, name: p.name })),
    entities: entities.map((e) => ({ id: e.id, name: e.name, code: e.code })),
    thresholds,
    holidays: { entity, year, rows: holidays },
    editing,
    showInactive,
    canEdit: staff.user.roles.some((r) => r === "ADMIN" || DISPUTE_MANAGER_ROLES.includes(r)),
  };
}

/** AR managers change the matrix; the domain refuses anyone else (403) and audits every change. */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const intent = field(form, "intent") ?? "";
  const values = textValues(form);
  const text = (name: string) => field(form, name)?.trim() || undefined;
  switch (intent) {
    case "rule-save":
      return attempt(intent, values, async () => {
        await saveDisputeRule(
          {
            ruleId: text("ruleId"),
            reason: (field(form, "reason") ?? "") as "OTHER",
            legalEntityId: text("legalEntityId"),
            currency: text("currency"),
            minAmount: text("minAmount"),
            maxAmount: text("maxAmount"),
            departmentId: text("departmentId"),
            ownerId: text("ownerId"),
            deadlineDays: field(form, "deadlineDays") ?? "",
          },
          staff.actor,
        );
        return text("ruleId")
          ? "Rule saved. New disputes use it at once."
          : "Rule added. New disputes use it at once.";
      });
    case "rule-deactivate":
      return attempt(intent, values, async () => {
        const result = await deactivateDisputeRule(field(form, "ruleId") ?? "", staff.actor);
        return result.changed
          ? "Rule deactivated. Disputes it routed keep their owner."
          : "Already inactive.";
      });
    case "holiday-set":
    case "holiday-remove":
      return attempt(intent, values, async () => {
        const result = await setHoliday(
          {
            legalEntityId: field(form, "legalEntityId") ?? "",
            date: field(form, "date") ?? "",
            name: field(form, "name") ?? "",
            holiday: intent === "holiday-set",
          },
          staff.actor,
        );
        if (!result.changed) return "No change.";
        return intent === "holiday-set"
          ? "Holiday saved. Deadlines set from now on skip it."
          : "Holiday removed.";
      });
    case "threshold-set":
      return attempt(intent, values, async () => {
        const result = await setDisputeThreshold(
          { currency: field(form, "currency") ?? "", amount: field(form, "amount") ?? "" },
          staff.actor,
        );
        return result.changed ? `${result.currency} approval amount saved.` : "No change.";
      });
    default:
      throw data({ message: "Unknown action." }, { status: 400 });
  }
}

type Page = Route.ComponentProps["loaderData"];
type Rule = Page["rules"][number];

const inputClass =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";
const labelClass = "block text-sm font-medium text-ink";

function FormMessage({ result }: { result: FormResult | undefined }) {
  if (!result) return null;
  return result.ok ? (
    <Alert tone="success">{result.message}</Alert>
  ) : (
    <div role="alert">
      <Alert tone="danger" title="Not saved">
        {result.message}
      </Alert>
    </div>
  );
}

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

export default function DisputeMatrix({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const result = actionData as FormResult | undefined;
  const forForm = (...intents: string[]) => (result && intents.includes(result.intent) ? result : undefined);
  return (
    <>
      <PageHeader
        title="Dispute matrix"
        description="Routes each new dispute to a department and/or a person with a deadline in business days. The most specific matching rule wins: a legal entity's own rule beats a company-wide one, an amount band beats any amount. Without a match a dispute is unassigned with 10 business days."
      />
      {!page.canEdit ? (
        <Alert tone="info" className="mb-6">
          AR managers change the matrix, holidays and approval amounts; you can read them.
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Rules page={page} result={forForm("rule-deactivate")} />
          <Holidays page={page} result={forForm("holiday-set", "holiday-remove")} />
        </div>
        <div className="space-y-6">
          {page.canEdit ? <RuleForm page={page} result={forForm("rule-save")} /> : null}
          <Thresholds page={page} result={forForm("threshold-set")} />
        </div>
      </div>
    </>
  );
}

function Rules({ page, result }: { page: Page; result: FormResult | undefined }) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
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
    ...(page.canEdit
      ? [
          {
            id: "actions",
            header: <span className="sr-only">Actions</span>,
            cell: (r: Rule) =>
              r.active ? (
                <span className="flex items-center justify-end gap-2">
                  <Link
                    to={`?edit=${r.id}`}
                    className="text-sm text-brand-700 hover:underline"
                    aria-label={`Edit the ${DISPUTE_REASON[r.reason]} rule${r.legalEntity ? ` of ${r.legalEntity.name}` : ""}`}
                  >
                    Edit
                  </Link>
                  <Form method="post">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="intent" value="rule-deactivate" />
                    <input type="hidden" name="ruleId" value={r.id} />
                    <Button
                      type="submit"
                      variant="ghost"
                      size="sm"
                      disabled={busy}
                      aria-label={`Deactivate the ${DISPUTE_REASON[r.reason]} rule${r.legalEntity ? ` of ${r.legalEntity.name}` : ""}`}
                    >
                      Deactivate
                    </Button>
                  </Form>
                </span>
              ) : null,
          } satisfies Column<Rule>,
        ]
      : []),
  ];
  return (
    <Card
      title="Rules"
      flush
      actions={
        <Link to={page.showInactive ? "?" : "?inactive=1"} className="text-sm text-brand-700 hover:underline">
          {page.showInactive ? "Hide inactive rules" : "Show inactive rules"}
        </Link>
      }
    >
      {result ? (
        <div className="px-5 pt-4">
          <FormMessage result={result} />
        </div>
      ) : null}
      <DataTable
        caption="Dispute routing rules, by reason, most specific first"
        columns={columns}
        rows={page.rules}
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

function RuleForm({ page, result }: { page: Page; result: FormResult | undefined }) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const rule = page.editing;
  const failed = result && !result.ok ? result : undefined;
  // After a refusal, what was typed; when editing, the rule; otherwise empty.
  const value = (name: string, fromRule: string) => (failed ? (failed.values[name] ?? "") : fromRule);
  const amount = (v: bigint | null | undefined) =>
    v !== null && v !== undefined && rule?.currency ? toDecimalString(v, rule.currency) : "";
  const invalid = (name: string) => failed?.field === name || undefined;
  return (
    <Card title={rule ? "Edit rule" : "Add a rule"}>
      <Form method="post" className="space-y-4" key={rule?.id ?? "new"} noValidate>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="rule-save" />
        {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
        <FormMessage result={result} />
        <div className="space-y-1.5">
          <label htmlFor="rule-reason" className={labelClass}>
            Reason
          </label>
          <select
            id="rule-reason"
            name="reason"
            defaultValue={value("reason", rule?.reason ?? "")}
            aria-invalid={invalid("reason")}
            className={inputClass}
          >
            <option value="">Choose…</option>
            {DISPUTE_REASONS.map((r) => (
              <option key={r} value={r}>
                {DISPUTE_REASON[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="rule-entity" className={labelClass}>
            Legal entity
          </label>
          <select
            id="rule-entity"
            name="legalEntityId"
            defaultValue={value("legalEntityId", rule?.legalEntity?.id ?? "")}
            className={inputClass}
          >
            <option value="">All legal entities</option>
            {page.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="space-y-2">
          <legend className={labelClass}>Amount band (optional)</legend>
          <div className="grid grid-cols-3 gap-2">
            <div className="space-y-1">
              <label htmlFor="rule-currency" className="block text-xs text-ink-muted">
                Currency
              </label>
              <input
                id="rule-currency"
                name="currency"
                maxLength={3}
                autoComplete="off"
                defaultValue={value("currency", rule?.currency ?? "")}
                aria-invalid={invalid("currency")}
                className={`${inputClass} uppercase`}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="rule-min" className="block text-xs text-ink-muted">
                From (incl.)
              </label>
              <input
                id="rule-min"
                name="minAmount"
                inputMode="decimal"
                maxLength={30}
                defaultValue={value("minAmount", amount(rule?.minAmount))}
                aria-invalid={invalid("minAmount")}
                className={inputClass}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="rule-max" className="block text-xs text-ink-muted">
                Below
              </label>
              <input
                id="rule-max"
                name="maxAmount"
                inputMode="decimal"
                maxLength={30}
                defaultValue={value("maxAmount", amount(rule?.maxAmount))}
                aria-invalid={invalid("maxAmount")}
                className={inputClass}
              />
            </div>
          </div>
        </fieldset>
        <div className="space-y-1.5">
          <label htmlFor="rule-department" className={labelClass}>
            Department
          </label>
          <select
            id="rule-department"
            name="departmentId"
            defaultValue={value("departmentId", rule?.department?.id ?? "")}
            aria-invalid={invalid("departmentId")}
            className={inputClass}
          >
            <option value="">None</option>
            {page.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="rule-owner" className={labelClass}>
            Person
          </label>
          <select
            id="rule-owner"
            name="ownerId"
            defaultValue={value("ownerId", rule?.owner?.id ?? "")}
            aria-invalid={invalid("ownerId")}
            className={inputClass}
          >
            <option value="">None</option>
            {page.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="rule-days" className={labelClass}>
            Deadline in business days
          </label>
          <input
            id="rule-days"
            name="deadlineDays"
            type="number"
            min={1}
            max={250}
            defaultValue={value("deadlineDays", rule ? String(rule.deadlineDays) : "5")}
            aria-invalid={invalid("deadlineDays")}
            className={`${inputClass} max-w-28`}
          />
        </div>
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={busy}>
            {rule ? "Save rule" : "Add rule"}
          </Button>
          {rule ? (
            <LinkButton to="/settings/dispute-matrix" variant="ghost">
              Cancel
            </LinkButton>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}

function Holidays({ page, result }: { page: Page; result: FormResult | undefined }) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const { entity, year, rows } = page.holidays;
  const failed = result && !result.ok ? result : undefined;
  return (
    <Card title="Holidays">
      <div className="space-y-4">
        <p className="text-sm text-ink-muted">
          Deadlines skip Saturdays, Sundays and the legal entity's holidays. Changing a holiday leaves
          deadlines already set as they are.
        </p>
        <Form method="get" className="flex flex-wrap items-end gap-3" aria-label="Holiday calendar">
          <div className="space-y-1">
            <label htmlFor="holiday-entity" className="block text-xs font-medium text-ink-muted">
              Legal entity
            </label>
            <select
              id="holiday-entity"
              name="entity"
              defaultValue={entity?.id ?? ""}
              key={entity?.id}
              className={inputClass}
            >
              {page.entities.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="holiday-year" className="block text-xs font-medium text-ink-muted">
              Year
            </label>
            <input
              id="holiday-year"
              name="year"
              type="number"
              min={2000}
              max={2100}
              defaultValue={year}
              key={year}
              className={`${inputClass} w-28`}
            />
          </div>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </Form>
        <FormMessage result={result} />
        {entity ? (
          rows.length === 0 ? (
            <p className="text-sm text-ink-muted">
              No holidays for {entity.name} in {year}.
            </p>
          ) : (
            <ul className="divide-y divide-line text-sm" aria-label={`Holidays of ${entity.name} in ${year}`}>
              {rows.map((h) => (
                <li key={h.date.toISOString()} className="flex items-center justify-between gap-3 py-2">
                  <span>
                    <DateText value={h.date} className="tabular me-3 font-medium" />
                    {h.name}
                  </span>
                  {page.canEdit ? (
                    <Form method="post">
                      <CsrfInput token={csrf} />
                      <input type="hidden" name="intent" value="holiday-remove" />
                      <input type="hidden" name="legalEntityId" value={entity.id} />
                      <input type="hidden" name="date" value={h.date.toISOString().slice(0, 10)} />
                      <Button
                        type="submit"
                        variant="ghost"
                        size="sm"
                        disabled={busy}
                        aria-label={`Remove ${h.name} on ${h.date.toISOString().slice(0, 10)}`}
                      >
                        Remove
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        ) : (
          <p className="text-sm text-ink-muted">No legal entities yet.</p>
        )}
        {entity && page.canEdit ? (
          <Form method="post" className="flex flex-wrap items-end gap-3 border-t border-line pt-4" noValidate>
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="holiday-set" />
            <input type="hidden" name="legalEntityId" value={entity.id} />
            <div className="space-y-1">
              <label htmlFor="holiday-date" className="block text-xs font-medium text-ink-muted">
                Date
              </label>
              <input
                id="holiday-date"
                name="date"
                type="date"
                required
                defaultValue={failed?.values.date ?? ""}
                aria-invalid={failed?.field === "date" || undefined}
                className={inputClass}
              />
            </div>
            <div className="min-w-48 flex-1 space-y-1">
              <label htmlFor="holiday-name" className="block text-xs font-medium text-ink-muted">
                Name
              </label>
              <input
                id="holiday-name"
                name="name"
                maxLength={120}
                defaultValue={failed?.values.name ?? ""}
                className={inputClass}
              />
            </div>
            <Button type="submit" variant="secondary" disabled={busy}>
              Add holiday
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}

function Thresholds({ page, result }: { page: Page; result: FormResult | undefined }) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? result : undefined;
  return (
    <Card title="Approval amounts">
      <div className="space-y-4">
        <p className="text-sm text-ink-muted">
          A dispute credit above its currency's amount waits for an AR manager other than the analyst. In a
          currency without an amount, every credit does.
        </p>
        {page.thresholds.length === 0 ? (
          <p className="text-sm text-ink-muted">No amounts set.</p>
        ) : (
          <table className="min-w-full text-sm">
            <caption className="sr-only">Approval amounts per currency</caption>
            <thead>
              <tr className="text-xs text-ink-muted uppercase">
                <th scope="col" className="py-1.5 text-start font-semibold">
                  Currency
                </th>
                <th scope="col" className="py-1.5 text-end font-semibold">
                  Approval above
                </th>
              </tr>
            </thead>
            <tbody>
              {page.thresholds.map((t) => (
                <tr key={t.currency} className="border-t border-line">
                  <th scope="row" className="py-1.5 text-start font-medium">
                    {t.currency}
                  </th>
                  <td className="py-1.5 text-end">
                    <MoneyText amount={t.amount} currency={t.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <FormMessage result={result} />
        {page.canEdit ? (
          <Form method="post" className="space-y-3 border-t border-line pt-4" noValidate>
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="threshold-set" />
            <div className="grid grid-cols-2 gap-3">
              <div className="space-y-1">
                <label htmlFor="threshold-currency" className={labelClass}>
                  Currency
                </label>
                <input
                  id="threshold-currency"
                  name="currency"
                  maxLength={3}
                  autoComplete="off"
                  defaultValue={failed?.values.currency ?? ""}
                  aria-invalid={failed?.field === "currency" || undefined}
                  className={`${inputClass} uppercase`}
                />
              </div>
              <div className="space-y-1">
                <label htmlFor="threshold-amount" className={labelClass}>
                  Approval above
                </label>
                <input
                  id="threshold-amount"
                  name="amount"
                  inputMode="decimal"
                  maxLength={30}
                  defaultValue={failed?.values.amount ?? ""}
                  aria-invalid={failed?.field === "amount" || undefined}
                  className={inputClass}
                />
              </div>
            </div>
            <Button type="submit" variant="secondary" disabled={busy}>
              Save amount
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
