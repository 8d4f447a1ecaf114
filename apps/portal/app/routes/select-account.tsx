import { SelectCustomerSchema, selectPortalCustomer } from "@settle/domain/auth/select-portal-customer";
import { listPortalAccounts } from "@settle/domain/portal/list-portal-accounts";
import { Badge } from "@settle/ui/badge";
import { CsrfInput } from "@settle/ui/csrf-input";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { field } from "@settle/web/request.server";
import { Trans } from "react-i18next";
import { data, Form, redirect } from "react-router";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { accountPath, requirePortalSession } from "~/session.server";
import type { Route } from "./+types/select-account";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("accounts:title"));

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
  if (!parsed.success) throw data(null, { status: 404 });
  await load(() => selectPortalCustomer(session.sessionId, session.actor, parsed.data));
  throw redirect(accountPath(parsed.data.customerId));
}

export default function SelectAccount({ loaderData }: Route.ComponentProps) {
  const { accounts, activeCustomerId } = loaderData;
  const { t } = useTranslation("accounts");
  const csrf = useCsrfToken();
  const locale = useLocale();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={accounts.length > 0 ? t("description", { count: accounts.length }) : undefined}
      />
      {accounts.length === 0 ? (
        <div className="rounded-(--radius-card) border border-line bg-surface shadow-card">
          <EmptyState icon="building" title={t("emptyTitle")} description={t("emptyDescription")} />
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
                      <h2 className="text-base font-semibold break-words text-ink">
                        <bdi>{account.name}</bdi>
                      </h2>
                      <p className="text-sm text-ink-muted">
                        <Trans
                          t={t}
                          i18nKey="accountLine"
                          values={{ number: account.accountNumber, billedBy: account.billedBy }}
                          components={{ bdi: <bdi /> }}
                        />
                      </p>
                    </div>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <Badge tone="neutral">{t(`common:roles.${account.role}`)}</Badge>
                    {account.customerId === activeCustomerId ? (
                      <Badge tone="brand">{t("lastUsed")}</Badge>
                    ) : null}
                  </div>
                </div>
                <dl className="mt-5 grid grid-cols-2 gap-4 border-t border-line pt-4">
                  <div>
                    <dt className="text-xs font-medium text-ink-muted">{t("balance")}</dt>
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
                    <dt className="text-xs font-medium text-ink-muted">{t("overdue")}</dt>
                    <dd className="mt-1 text-lg font-semibold">
                      {overdue.length === 0 ? (
                        <span className="text-sm font-medium text-emerald-700">{t("nothingOverdue")}</span>
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
                    <Trans
                      t={t}
                      i18nKey="openAccount"
                      values={{ name: account.name }}
                      components={{ hidden: <span className="sr-only" /> }}
                    />
                    <Icon name="chevronRight" className="size-4 rtl:-scale-x-100" />
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
