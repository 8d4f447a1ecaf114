import type { AccountRef, CustomerAccount } from "@settle/domain/customers/get-customer-account";
import { countryName } from "@settle/i18n/regions";
import { Address } from "@settle/ui/address";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { usePageLocale } from "@settle/ui/page-locale";
import { StatCard } from "@settle/ui/stat-card";
import { Link } from "react-router";
import { useMoneyWords, useNumberFormat } from "../../i18n/list-words.ts";
import { useTranslation } from "../../i18n/use-translation.ts";
import { RISK_TONES } from "../../labels.ts";

type Customer = CustomerAccount["customer"];

/** The account's name, number, risk class and legal entity. */
export function AccountHeader({ customer }: { customer: Customer }) {
  const { t } = useTranslation("customer-account");
  const riskTone = customer.riskClass ? RISK_TONES[customer.riskClass] : undefined;
  return (
    <PageHeader
      back={{ to: "/customers", label: t("back") }}
      title={<bdi>{customer.name}</bdi>}
      meta={
        <>
          <Badge tone="neutral" className="font-mono">
            {customer.accountNumber}
          </Badge>
          {riskTone ? <Badge tone={riskTone}>{t(`labels:risk.${customer.riskClass}`)}</Badge> : null}
        </>
      }
      description={t("entity", { name: customer.legalEntity.name, code: customer.legalEntity.code })}
    />
  );
}

/** Balance and overdue per currency, the credit limit's use and the number of open items. */
export function AccountBalances({
  customer,
  balances,
  openItemCount,
  className,
}: {
  customer: Customer;
  balances: CustomerAccount["balances"];
  openItemCount: number;
  className?: string;
}) {
  const { t } = useTranslation("customer-account");
  const { number } = useNumberFormat();
  return (
    <section aria-label={t("balances.label")} className={className}>
      {balances.map((b) => (
        <BalancePair key={b.currency} balance={b} />
      ))}
      <CreditCard
        limit={customer.creditLimit}
        used={balances.find((b) => b.currency === customer.creditLimit.currency)?.balance ?? 0n}
      />
      <StatCard
        label={t("balances.openItems")}
        value={number(openItemCount)}
        hint={t("balances.terms", { code: customer.paymentTerms.code, count: customer.paymentTerms.days })}
      />
    </section>
  );
}

function BalancePair({ balance }: { balance: CustomerAccount["balances"][number] }) {
  const { t } = useTranslation("customer-account");
  const money = useMoneyWords();
  return (
    <>
      <StatCard
        label={t("balances.balance", { currency: balance.currency })}
        value={<MoneyText amount={balance.balance} currency={balance.currency} />}
        hint={t("balances.openDebits", {
          debits: money(balance.openDebits, balance.currency),
          credits: money(balance.openCredits, balance.currency),
        })}
      />
      <StatCard
        label={t("balances.overdue", { currency: balance.currency })}
        tone={balance.overdue > 0n ? "danger" : "success"}
        value={<MoneyText amount={balance.overdue} currency={balance.currency} />}
        hint={t(balance.overdue > 0n ? "balances.pastDue" : "balances.nothingPastDue")}
      />
    </>
  );
}

/** Credit limit with how much of it the balance in the limit's currency uses (integer percent). */
function CreditCard({ limit, used }: { limit: { amount: bigint; currency: string }; used: bigint }) {
  const { t } = useTranslation("customer-account");
  const format = useNumberFormat();
  const percent = limit.amount > 0n ? Number((used * 100n) / limit.amount) : null;
  return (
    <StatCard
      label={t("balances.creditLimit")}
      tone={percent !== null && percent > 100 ? "danger" : "neutral"}
      value={<MoneyText amount={limit.amount} currency={limit.currency} />}
      hint={
        percent === null
          ? t("balances.noLimit")
          : percent > 100
            ? t("balances.exceeded", { percent: format.percent(percent / 100) })
            : t("balances.used", { percent: format.percent(Math.max(percent, 0) / 100) })
      }
    />
  );
}

function AccountLink({ account }: { account: AccountRef }) {
  return (
    <Link to={`/customers/${account.id}`} className="text-brand-700 hover:underline">
      <bdi>{account.name}</bdi>{" "}
      <span className="font-mono text-xs text-ink-faint">{account.accountNumber}</span>
    </Link>
  );
}

const faint = (text: string) => <span className="text-ink-faint">{text}</span>;

/** Terms, limit, risk, collector, related accounts and the billing address. */
export function AccountDetailsCard({ customer, className }: { customer: Customer; className?: string }) {
  const { t } = useTranslation("customer-account");
  const locale = usePageLocale();
  const none = faint(t("details.none"));
  return (
    <Card title={t("details.title")} id="details" className={className}>
      <DescriptionList
        columns={3}
        items={[
          {
            term: t("details.legalEntity"),
            details: t("details.legalEntityValue", {
              name: customer.legalEntity.name,
              currency: customer.legalEntity.currency,
            }),
          },
          {
            term: t("details.paymentTerms"),
            details: t("details.terms", {
              code: customer.paymentTerms.code,
              count: customer.paymentTerms.days,
            }),
          },
          {
            term: t("details.creditLimit"),
            details: (
              <MoneyText amount={customer.creditLimit.amount} currency={customer.creditLimit.currency} />
            ),
          },
          {
            term: t("details.riskClass"),
            details: customer.riskClass ? t(`labels:risk.${customer.riskClass}`) : "—",
          },
          {
            term: t("details.collector"),
            details: customer.collector ? (
              <a href={`mailto:${customer.collector.email}`} className="text-brand-700 hover:underline">
                <bdi>{customer.collector.name}</bdi>
              </a>
            ) : (
              faint(t("details.unassigned"))
            ),
          },
          { term: t("details.country"), details: countryName(customer.country, locale) },
          {
            term: t("details.parent"),
            details: customer.parent ? <AccountLink account={customer.parent} /> : none,
          },
          {
            term: t("details.children", { count: customer.children.length }),
            details: customer.children.length ? (
              <ul className="space-y-1">
                {customer.children.map((c) => (
                  <li key={c.id}>
                    <AccountLink account={c} />
                  </li>
                ))}
              </ul>
            ) : (
              none
            ),
          },
          {
            term: t("details.billingAddress"),
            details: <Address lines={customer.billingAddress} />,
          },
        ]}
      />
    </Card>
  );
}

/** The people on file at the customer. */
export function ContactsCard({ contacts }: { contacts: CustomerAccount["contacts"] }) {
  const { t } = useTranslation("customer-account");
  return (
    <Card title={t("contacts.title")} id="contacts" flush>
      {contacts.length ? (
        <ul className="divide-y divide-line">
          {contacts.map((c) => (
            <li key={c.id} className="px-5 py-3.5">
              <div className="flex items-center gap-2">
                <p className="text-sm font-medium text-ink">
                  <bdi>{c.name}</bdi>
                </p>
                {c.isPrimary ? <Badge tone="brand">{t("contacts.primary")}</Badge> : null}
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
          title={t("contacts.emptyTitle")}
          description={t("contacts.emptyDescription")}
          icon="users"
        />
      )}
    </Card>
  );
}
