import type { AccountRef, CustomerAccount } from "@settle/domain/customers/get-customer-account";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { StatCard } from "@settle/ui/stat-card";
import { Link } from "react-router";
import { RISK_LABELS } from "../../labels.ts";

type Customer = CustomerAccount["customer"];

/** The account's name, number, risk class and legal entity. */
export function AccountHeader({ customer }: { customer: Customer }) {
  const risk = customer.riskClass ? RISK_LABELS[customer.riskClass] : undefined;
  return (
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
  return (
    <section aria-label="Balances" className={className}>
      {balances.map((b) => (
        <BalancePair key={b.currency} balance={b} />
      ))}
      <CreditCard
        limit={customer.creditLimit}
        used={balances.find((b) => b.currency === customer.creditLimit.currency)?.balance ?? 0n}
      />
      <StatCard
        label="Open items"
        value={new Intl.NumberFormat("en-US").format(openItemCount)}
        hint={`Terms ${customer.paymentTerms.code} · ${customer.paymentTerms.days} days`}
      />
    </section>
  );
}

function BalancePair({ balance }: { balance: CustomerAccount["balances"][number] }) {
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

function AccountLink({ account }: { account: AccountRef }) {
  return (
    <Link to={`/customers/${account.id}`} className="text-brand-700 hover:underline">
      {account.name} <span className="font-mono text-xs text-ink-faint">{account.accountNumber}</span>
    </Link>
  );
}

const none = (text: string) => <span className="text-ink-faint">{text}</span>;

/** Terms, limit, risk, collector, related accounts and the billing address. */
export function AccountDetailsCard({ customer, className }: { customer: Customer; className?: string }) {
  const risk = customer.riskClass ? RISK_LABELS[customer.riskClass] : undefined;
  return (
    <Card title="Account details" id="details" className={className}>
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
              none("Unassigned")
            ),
          },
          { term: "Country", details: customer.country },
          {
            term: "Parent account",
            details: customer.parent ? <AccountLink account={customer.parent} /> : none("None"),
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
              none("None")
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
  );
}

/** The people on file at the customer. */
export function ContactsCard({ contacts }: { contacts: CustomerAccount["contacts"] }) {
  return (
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
        <EmptyState title="No contacts" description="Nobody is on file for this account yet." icon="users" />
      )}
    </Card>
  );
}
