import { SelectCustomerSchema, selectPortalCustomer } from "@settle/domain/auth/sessions";
import { listPortalAccounts } from "@settle/domain/portal/list-portal-accounts";
import { Badge } from "@settle/ui/badge";
import { CsrfInput } from "@settle/ui/csrf-input";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { field } from "@settle/web/request.server";
import { data, Form, redirect } from "react-router";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { plural, ROLE_LABELS } from "~/lib/labels";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { accountPath, requirePortalSession } from "~/session.server";
import type { Route } from "./+types/select-account";

export const meta: Route.MetaFunction = () => [{ title: "Your accounts · Settle customer portal" }];

export async function loader({ request }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const accounts = await load(() => listPortalAccounts(session.actor));
  return { accounts, activeCustomerId: session.activeCustomerId };
}

export async function action({ request }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const session = await requirePortalSession(request);
  const parsed = SelectCustomerSchema.safeParse({ customerId: field(formData, "customerId") });
  // A malformed id is answered like a foreign one.
  if (!parsed.success) throw data({ message: "Account not found." }, { status: 404 });
  await load(() => selectPortalCustomer(session.sessionId, session.actor, parsed.data));
  throw redirect(accountPath(parsed.data.customerId));
}

export default function SelectAccount({ loaderData }: Route.ComponentProps) {
  const { accounts, activeCustomerId } = loaderData;
  const csrf = useCsrfToken();
  const locale = useLocale();
  return (
    <>
      <PageHeader
        title="Your accounts"
        description={
          accounts.length > 0
            ? `You have access to ${accounts.length} customer ${plural(accounts.length, "account", "accounts")}. Choose one to see its balance and open invoices.`
            : undefined
        }
      />
      {accounts.length === 0 ? (
        <div className="rounded-(--radius-card) border border-line bg-surface shadow-card">
          <EmptyState
            icon="building"
            title="No customer account is linked to your sign-in yet"
            description="Ask your supplier's accounts receivable team to give your e-mail address access to your company's account."
          />
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {accounts.map((account) => {
            const [primary, ...others] = account.balances;
            const overdue = account.balances.filter((b) => b.overdue > 0n);
            return (
              <li
                key={account.customerId}
                className="relative flex flex-col rounded-(--radius-card) border border-line bg-surface p-5 shadow-card transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-200 hover:shadow-md"
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="flex min-w-0 items-start gap-3">
                    <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
                      <Icon name="building" />
                    </span>
                    <div className="min-w-0">
                      <h2 className="text-base font-semibold break-words text-ink">{account.name}</h2>
                      <p className="text-sm text-ink-muted">
                        Account {account.accountNumber} · billed by {account.billedBy}
                      </p>
                    </div>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <Badge tone="neutral">{ROLE_LABELS[account.role]}</Badge>
                    {account.customerId === activeCustomerId ? <Badge tone="brand">Last used</Badge> : null}
                  </div>
                </div>
                <dl className="mt-5 grid grid-cols-2 gap-4 border-t border-line pt-4">
                  <div>
                    <dt className="text-xs font-medium text-ink-faint">Balance</dt>
                    <dd className="mt-1 text-lg font-semibold text-ink">
                      {primary ? (
                        <MoneyText amount={primary.balance} currency={primary.currency} locale={locale} />
                      ) : (
                        "—"
                      )}
                      {others.map((b) => (
                        <span key={b.currency} className="block text-sm font-medium text-ink-muted">
                          + <MoneyText amount={b.balance} currency={b.currency} locale={locale} />
                        </span>
                      ))}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs font-medium text-ink-faint">Overdue</dt>
                    <dd className="mt-1 text-lg font-semibold">
                      {overdue.length === 0 ? (
                        <span className="text-sm font-medium text-emerald-700">Nothing overdue</span>
                      ) : (
                        overdue.map((b) => (
                          <span key={b.currency} className="block">
                            <MoneyText
                              amount={b.overdue}
                              currency={b.currency}
                              locale={locale}
                              tone="danger"
                            />
                          </span>
                        ))
                      )}
                    </dd>
                  </div>
                </dl>
                <Form method="post" className="mt-5">
                  <CsrfInput token={csrf} />
                  <button
                    type="submit"
                    name="customerId"
                    value={account.customerId}
                    className="inline-flex items-center gap-1 rounded-md text-sm font-semibold text-brand-700 after:absolute after:inset-0 after:rounded-(--radius-card) hover:text-brand-800 focus-visible:outline-none"
                  >
                    Open account<span className="sr-only"> {account.name}</span>
                    <Icon name="chevronRight" className="size-4" />
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
