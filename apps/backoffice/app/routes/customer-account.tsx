import type { ActivityEntry } from "@settle/domain/customers/get-customer-account";
import { getCustomerAccount } from "@settle/domain/customers/get-customer-account";
import { listOpenAccountFlags } from "@settle/domain/customers/list-account-flags";
import { invitePortalUser } from "@settle/domain/portal-access/invite-portal-user";
import { listPortalUsers } from "@settle/domain/portal-access/list-portal-users";
import { InvitePortalUserSchema } from "@settle/domain/portal-access/portal-access-forms";
import { removePortalUser } from "@settle/domain/portal-access/remove-portal-user";
import { revokeInvitation } from "@settle/domain/portal-access/revoke-invitation";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { Pagination } from "@settle/ui/pagination";
import { StatCard } from "@settle/ui/stat-card";
import { act, load } from "@settle/web/domain-errors.server";
import { field, pageUrl } from "@settle/web/request.server";
import type { ReactNode } from "react";
import { data, Link } from "react-router";
import { AccountFlagsPanel } from "../components/account-flags-panel.tsx";
import { PortalAccessPanel } from "../components/portal-access-panel.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { env } from "../env.server.ts";
import { humanizeAction, ITEM_KIND_LABELS, ITEM_KIND_TONES, RISK_LABELS } from "../labels.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/customer-account";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.customer.name} (${loaderData.customer.accountNumber}) · Settle back office`
      : "Customer · Settle back office",
  },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const page = pageUrl(request).searchParams.get("page") ?? undefined;
  const [account, portalAccess, flags] = await Promise.all([
    load(() => getCustomerAccount({ customerId: params.customerId, page }, staff.actor)),
    load(() => listPortalUsers({ customerId: params.customerId }, staff.actor)),
    load(() => listOpenAccountFlags(params.customerId, staff.actor)),
  ]);
  return { ...account, portalAccess, flags };
}

/** Portal access: invite, withdraw an invitation, remove a user (each checks the staff role itself). */
export async function action({ request, params }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const { customerId } = params;
  switch (field(form, "intent")) {
    case "portal-invite":
      return act(async () => {
        const input = InvitePortalUserSchema.parse({
          customerId,
          name: field(form, "name") ?? "",
          email: field(form, "email") ?? "",
          role: field(form, "role") ?? "",
          // "" is the default: the invitee's own language when known, else English.
          locale: field(form, "locale") || undefined,
        });
        const sent = await invitePortalUser(input, staff.actor, { portalUrl: env.portalUrl });
        const again = sent.replacedEarlier ? " The earlier invitation's link no longer works." : "";
        return { ok: true as const, message: `Invitation sent to ${sent.email}.${again}` };
      });
    case "portal-revoke":
      return act(async () => {
        const { email } = await revokeInvitation(
          { customerId, invitationId: field(form, "invitationId") ?? "" },
          staff.actor,
        );
        return { ok: true as const, message: `The invitation to ${email} was withdrawn.` };
      });
    case "portal-remove":
      return act(async () => {
        await removePortalUser({ customerId, portalUserId: field(form, "portalUserId") ?? "" }, staff.actor);
        return { ok: true as const, message: "Portal access removed." };
      });
    default:
      throw data({ message: "Unknown action." }, { status: 400 });
  }
}

type Account = Route.ComponentProps["loaderData"];
type OpenItemRow = Account["openItems"]["rows"][number];

/** Documents a customer is billed by, which can be disputed. */
const DISPUTABLE = new Set(["INVOICE", "DEBIT_MEMO", "FEE"]);

const itemColumns = (customerId: string): Column<OpenItemRow>[] => [
  {
    id: "kind",
    header: "Type",
    cell: (r) => <Badge tone={ITEM_KIND_TONES[r.kind]}>{ITEM_KIND_LABELS[r.kind] ?? r.kind}</Badge>,
  },
  {
    id: "number",
    header: "Number",
    rowHeader: true,
    cell: (r) => <span className="font-mono text-xs font-medium">{r.number}</span>,
  },
  {
    id: "documentDate",
    header: "Document date",
    cell: (r) => <DateText value={r.documentDate} className="tabular" />,
  },
  {
    id: "dueDate",
    header: "Due date",
    cell: (r) =>
      r.dueDate ? (
        <DateText value={r.dueDate} className="tabular" />
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
  {
    id: "daysOverdue",
    header: "Days overdue",
    align: "right",
    cell: (r) =>
      r.daysOverdue > 0 ? (
        <span className="tabular font-medium text-red-700">{r.daysOverdue}</span>
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
  {
    id: "amount",
    header: "Amount",
    align: "right",
    cell: (r) => <MoneyText amount={r.isCredit ? -r.amount : r.amount} currency={r.currency} tone="signed" />,
  },
  {
    id: "openAmount",
    header: "Open amount",
    align: "right",
    cell: (r) => (
      <MoneyText
        amount={r.isCredit ? -r.openAmount : r.openAmount}
        currency={r.currency}
        tone="signed"
        className="font-medium"
      />
    ),
  },
  {
    id: "dispute",
    header: <span className="sr-only">Dispute</span>,
    cell: (r) =>
      !DISPUTABLE.has(r.kind) ? null : (
        <span className="block text-end text-xs whitespace-nowrap">
          {r.inDispute > 0n ? (
            <span className="block text-amber-800">
              <MoneyText amount={r.inDispute} currency={r.currency} /> in dispute
            </span>
          ) : null}
          <Link
            to={`/disputes/new?customerId=${customerId}&invoiceId=${r.id}`}
            className="text-brand-700 hover:underline"
            aria-label={`Log a dispute on ${r.number}`}
          >
            Dispute
          </Link>
        </span>
      ),
  },
];

export default function CustomerAccount({ loaderData, actionData }: Route.ComponentProps) {
  const { customer, contacts, balances, openItems, activity, portalAccess, flags } = loaderData;
  const risk = customer.riskClass ? RISK_LABELS[customer.riskClass] : undefined;
  return (
    <>
      <PageHeader
        back={{ to: "/customers", label: "Customers" }}
        title={customer.name}
        meta={
          <>
            <Badge tone="neutral" className="font-mono">
              {customer.accountNumber}
            </Badge>
            {risk ? <Badge tone={risk.tone}>{risk.label}</Badge> : null}
          </>
        }
        description={`${customer.legalEntity.name} · ${customer.legalEntity.code}`}
      />

      <AccountFlagsPanel flags={flags} className="mb-6" />

      <section aria-label="Balances" className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {balances.map((b) => (
          <BalancePair key={b.currency} balance={b} />
        ))}
        <CreditCard
          limit={customer.creditLimit}
          used={balances.find((b) => b.currency === customer.creditLimit.currency)?.balance ?? 0n}
        />
        <StatCard
          label="Open items"
          value={new Intl.NumberFormat("en-US").format(openItems.total)}
          hint={`Terms ${customer.paymentTerms.code} · ${customer.paymentTerms.days} days`}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Account details" id="details" className="lg:col-span-2">
          <DescriptionList
            columns={3}
            items={[
              {
                term: "Legal entity",
                details: `${customer.legalEntity.name} (${customer.legalEntity.currency})`,
              },
              {
                term: "Payment terms",
                details: `${customer.paymentTerms.code} · ${customer.paymentTerms.days} days`,
              },
              {
                term: "Credit limit",
                details: (
                  <MoneyText amount={customer.creditLimit.amount} currency={customer.creditLimit.currency} />
                ),
              },
              { term: "Risk class", details: risk?.label ?? "—" },
              {
                term: "Collector",
                details: customer.collector ? (
                  <a href={`mailto:${customer.collector.email}`} className="text-brand-700 hover:underline">
                    {customer.collector.name}
                  </a>
                ) : (
                  <span className="text-ink-faint">Unassigned</span>
                ),
              },
              { term: "Country", details: customer.country },
              {
                term: "Parent account",
                details: customer.parent ? (
                  <AccountLink account={customer.parent} />
                ) : (
                  <span className="text-ink-faint">None</span>
                ),
              },
              {
                term: customer.children.length === 1 ? "Child account" : "Child accounts",
                details: customer.children.length ? (
                  <ul className="space-y-1">
                    {customer.children.map((c) => (
                      <li key={c.id}>
                        <AccountLink account={c} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-ink-faint">None</span>
                ),
              },
              {
                term: "Billing address",
                details: (
                  <address className="not-italic">
                    {customer.billingAddress.map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                  </address>
                ),
              },
            ]}
          />
        </Card>

        <Card title="Contacts" id="contacts" flush>
          {contacts.length ? (
            <ul className="divide-y divide-line">
              {contacts.map((c) => (
                <li key={c.id} className="px-5 py-3.5">
                  <div className="flex items-center gap-2">
                    <p className="text-sm font-medium text-ink">{c.name}</p>
                    {c.isPrimary ? <Badge tone="brand">Primary</Badge> : null}
                  </div>
                  {c.jobTitle ? <p className="text-xs text-ink-faint">{c.jobTitle}</p> : null}
                  <div className="mt-1.5 space-y-1 text-sm">
                    {c.email ? (
                      <a
                        href={`mailto:${c.email}`}
                        className="flex items-center gap-1.5 text-brand-700 hover:underline"
                      >
                        <Icon name="mail" className="size-3.5 text-ink-faint" />
                        {c.email}
                      </a>
                    ) : null}
                    {c.phone ? (
                      <a
                        href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}
                        className="flex items-center gap-1.5 text-ink-muted hover:underline"
                      >
                        <Icon name="phone" className="size-3.5 text-ink-faint" />
                        {c.phone}
                      </a>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState
              title="No contacts"
              description="Nobody is on file for this account yet."
              icon="users"
            />
          )}
        </Card>

        <Card title={`Open items (${openItems.total})`} id="open-items" flush className="lg:col-span-3">
          {openItems.page > openItems.pageCount && openItems.total > 0 ? (
            <div className="p-5">
              <p className="text-sm text-ink-muted">
                There is no page {openItems.page}: the open items fill {openItems.pageCount}{" "}
                {openItems.pageCount === 1 ? "page" : "pages"}.{" "}
                <Link to="?page=1" className="font-medium text-brand-700 underline">
                  Go to the first page
                </Link>
              </p>
            </div>
          ) : (
            <DataTable
              caption="Open items, oldest due date first"
              columns={itemColumns(customer.id)}
              rows={openItems.rows}
              rowKey={(r) => r.id}
              empty={
                <EmptyState
                  title="Nothing open"
                  description="Every item on this account is settled."
                  icon="inbox"
                />
              }
            />
          )}
          {openItems.total > openItems.pageSize ? (
            <div className="border-t border-line">
              <Pagination
                page={openItems.page}
                pageCount={openItems.pageCount}
                total={openItems.total}
                pageSize={openItems.pageSize}
                label="open items"
              />
            </div>
          ) : null}
        </Card>

        <PortalAccessPanel access={portalAccess} result={actionData} className="lg:col-span-3" />

        <Card title="Recent activity" id="activity" className="lg:col-span-3">
          {activity.length ? (
            <ol className="relative space-y-5 border-l border-line pl-6">
              {activity.map((entry) => (
                <ActivityItem key={entry.id} entry={entry} />
              ))}
            </ol>
          ) : (
            <EmptyState title="No activity yet" icon="inbox" />
          )}
        </Card>
      </div>
    </>
  );
}

function BalancePair({ balance }: { balance: Account["balances"][number] }) {
  return (
    <>
      <StatCard
        label={`Balance · ${balance.currency}`}
        value={<MoneyText amount={balance.balance} currency={balance.currency} />}
        hint={
          <>
            Open debits <MoneyText amount={balance.openDebits} currency={balance.currency} /> · credits{" "}
            <MoneyText amount={balance.openCredits} currency={balance.currency} />
          </>
        }
      />
      <StatCard
        label={`Overdue · ${balance.currency}`}
        tone={balance.overdue > 0n ? "danger" : "success"}
        value={<MoneyText amount={balance.overdue} currency={balance.currency} />}
        hint={balance.overdue > 0n ? "Past due date" : "Nothing past due"}
      />
    </>
  );
}

/** Credit limit with how much of it the balance in the limit's currency uses (integer percent). */
function CreditCard({ limit, used }: { limit: { amount: bigint; currency: string }; used: bigint }) {
  const percent = limit.amount > 0n ? Number((used * 100n) / limit.amount) : null;
  return (
    <StatCard
      label="Credit limit"
      tone={percent !== null && percent > 100 ? "danger" : "neutral"}
      value={<MoneyText amount={limit.amount} currency={limit.currency} />}
      hint={
        percent === null
          ? "No limit set"
          : percent > 100
            ? `Exceeded: ${percent}% used`
            : `${Math.max(percent, 0)}% used`
      }
    />
  );
}

function AccountLink({ account }: { account: { id: string; accountNumber: string; name: string } }) {
  return (
    <Link to={`/customers/${account.id}`} className="text-brand-700 hover:underline">
      {account.name} <span className="font-mono text-xs text-ink-faint">{account.accountNumber}</span>
    </Link>
  );
}

const kindLabel = (kind: string) => ITEM_KIND_LABELS[kind] ?? kind;

function ActivityItem({ entry }: { entry: ActivityEntry }) {
  let dot = "bg-slate-300";
  let title: ReactNode;
  let detail: ReactNode = null;
  if (entry.type === "item") {
    dot =
      entry.item.kind === "PAYMENT" || entry.item.kind === "CREDIT_MEMO" ? "bg-emerald-500" : "bg-brand-500";
    title = (
      <>
        {kindLabel(entry.item.kind)} <span className="font-mono text-xs">{entry.item.number}</span>{" "}
        {entry.item.kind === "PAYMENT" ? "received" : "issued"}
      </>
    );
    detail = (
      <>
        <MoneyText amount={entry.amount} currency={entry.currency} /> · dated{" "}
        <DateText value={entry.documentDate} />
      </>
    );
  } else if (entry.type === "application") {
    const reversal = entry.kind === "REVERSAL";
    dot = reversal ? "bg-amber-500" : "bg-emerald-500";
    title = (
      <>
        {reversal ? "Reversed: " : ""}
        {kindLabel(entry.credit.kind)} <span className="font-mono text-xs">{entry.credit.number}</span>{" "}
        {reversal ? "unapplied from" : "applied to"}{" "}
        <span className="font-mono text-xs">{entry.debit.number}</span>
      </>
    );
    detail = (
      <>
        <MoneyText amount={entry.amount} currency={entry.currency} />
        {entry.actorName ? ` · by ${entry.actorName}` : null}
        {entry.reason ? ` · “${entry.reason}”` : null}
      </>
    );
  } else {
    title = humanizeAction(entry.action);
    detail = entry.actorName ? `by ${entry.actorName}` : null;
  }
  return (
    <li className="relative">
      <span
        aria-hidden="true"
        className={`absolute top-1.5 -left-[29px] size-2.5 rounded-full ring-4 ring-white ${dot}`}
      />
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
        <p className="text-sm text-ink">{title}</p>
        <DateText value={entry.at} mode="datetime" className="text-xs text-ink-faint" />
      </div>
      {detail ? <p className="mt-0.5 text-sm text-ink-muted">{detail}</p> : null}
    </li>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
