import type { StaffPaymentPlan } from "@settle/domain/plans/get-plan-for-staff";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import type { ReactNode } from "react";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { PLAN_STATUS_TONES } from "./plan-status-tones.ts";

const planPath = (plan: StaffPaymentPlan, id = plan.id) =>
  `/customers/${plan.customer.id}/payment-plans/${id}`;

/** The plan's label, status and account, with the agreement and the page's actions. */
export function PlanHeader({ plan, actions }: { plan: StaffPaymentPlan; actions?: ReactNode }) {
  const { t } = useTranslation("payment-plan");
  return (
    <PageHeader
      back={{ to: `/customers/${plan.customer.id}#payment-plans`, label: t("back") }}
      title={plan.label}
      meta={<Badge tone={PLAN_STATUS_TONES[plan.status] ?? "neutral"}>{t(`statuses.${plan.status}`)}</Badge>}
      description={
        <Trans
          t={t}
          i18nKey="account"
          values={{ name: plan.customer.name, accountNumber: plan.customer.accountNumber }}
          components={[
            <Link
              key="account"
              to={`/customers/${plan.customer.id}`}
              className="font-medium text-brand-700 hover:underline"
            />,
          ]}
        />
      }
      actions={
        <>
          <a
            href={`${planPath(plan)}/agreement.pdf`}
            download
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {t("agreement")}
          </a>
          {actions}
        </>
      }
    />
  );
}

/** Why and when an ended plan ended. */
export function PlanEnded({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  if (!plan.endedAt) return null;
  return (
    <Alert tone={plan.status === "DEFAULTED" ? "danger" : "info"} className="mb-6">
      <Trans
        t={t}
        i18nKey="ended"
        values={{ status: t(`statuses.${plan.status}`) }}
        components={[<DateText key="at" value={plan.endedAt} mode="datetime" />]}
      />
      {plan.endReason ? ` ${t("endReason", { reason: plan.endReason })}` : null}
    </Alert>
  );
}

/** The terms as offered: amounts, schedule shape, expiry, who proposed or requested it. */
export function PlanTerms({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  const { terms, currency } = plan;
  const money = (amount: bigint) => <MoneyText amount={amount} currency={currency} />;
  const link = (p: { id: string; label: string }) => (
    <Link key={p.id} to={planPath(plan, p.id)} className="font-mono text-xs text-brand-700 hover:underline">
      {p.label}
    </Link>
  );
  const items = [
    { term: t("terms.covered"), details: money(terms.covered) },
    { term: t("terms.fee"), details: money(terms.fee) },
    { term: t("terms.downPayment"), details: money(terms.downPayment) },
    { term: t("terms.total"), details: money(terms.total) },
    { term: t("terms.instalments"), details: terms.instalmentCount },
    { term: t("terms.frequency"), details: t(`payment-plans:frequencies.${terms.frequency}`) },
    { term: t("terms.firstDate"), details: <DateText value={terms.firstDate} /> },
    { term: t("terms.expiresOn"), details: <DateText value={terms.expiresOn} /> },
    { term: t("terms.payBy"), details: terms.payBy ? t(`terms.payByValues.${terms.payBy}`) : "—" },
    { term: t("terms.misses"), details: plan.misses },
    { term: t("terms.proposedBy"), details: terms.proposedBy?.name ?? "—" },
    { term: t("terms.requestedBy"), details: terms.requestedBy?.name ?? "—" },
    { term: t("terms.created"), details: <DateText value={terms.createdAt} mode="datetime" /> },
  ];
  if (plan.replaces) items.push({ term: t("terms.replaces"), details: link(plan.replaces) });
  if (plan.replacedBy.length) {
    items.push({ term: t("terms.replacedBy"), details: <>{plan.replacedBy.map(link)}</> });
  }
  if (terms.customerMessage) items.push({ term: t("terms.customerMessage"), details: terms.customerMessage });
  return (
    <Card title={t("terms.title")}>
      <DescriptionList items={items} />
    </Card>
  );
}

/** Who accepted, when, from where, and whether the terms they accepted are the offer's. */
export function PlanAcceptance({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  const a = plan.acceptance;
  const hash = (value: string | null) => <span className="font-mono text-xs break-all">{value ?? "—"}</span>;
  return (
    <Card title={t("acceptance.title")}>
      {a ? (
        <div className="space-y-4">
          <DescriptionList
            columns={1}
            items={[
              { term: t("acceptance.name"), details: a.name ?? "—" },
              {
                term: t("acceptance.portalUser"),
                details: a.portalUser ? `${a.portalUser.name} <${a.portalUser.email}>` : "—",
              },
              { term: t("acceptance.at"), details: a.at ? <DateText value={a.at} mode="datetime" /> : "—" },
              { term: t("acceptance.client"), details: a.client ?? "—" },
              { term: t("acceptance.userAgent"), details: a.userAgent ?? "—" },
              { term: t("acceptance.termsHash"), details: hash(a.termsHash) },
              { term: t("acceptance.acceptedHash"), details: hash(a.acceptedTermsHash) },
            ]}
          />
          <Alert tone={a.hashMatches ? "success" : "danger"}>
            {t(a.hashMatches ? "acceptance.matches" : "acceptance.differs")}
          </Alert>
        </div>
      ) : (
        <p className="text-sm text-ink-muted">{t("acceptance.none")}</p>
      )}
    </Card>
  );
}

/** The card autopay charges, or that the customer pays from the portal. */
export function PlanCard({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  const { card } = plan;
  return (
    <Card title={t("autopay.title")}>
      {card ? (
        <p className="text-sm text-ink">
          {t("autopay.card", { brand: card.brand, last4: card.last4 })}{" "}
          <span className="text-ink-muted">
            {t("autopay.expires", { month: String(card.expMonth).padStart(2, "0"), year: card.expYear })}
          </span>
          {card.removed ? (
            <span className="block font-medium text-red-700">{t("autopay.removed")}</span>
          ) : null}
        </p>
      ) : (
        <p className="text-sm text-ink-muted">{t("autopay.none")}</p>
      )}
    </Card>
  );
}

/** The plan's collector tasks still open: what, for whom, by when. */
export function PlanTasks({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  return (
    <Card title={t("tasks.title")}>
      {plan.openTasks.length ? (
        <ul className="space-y-3 text-sm">
          {plan.openTasks.map((task) => (
            <li key={task.id}>
              <span className="font-medium text-ink">{t(`home:tasks.kinds.${task.kind}`)}</span>
              <span className="block text-ink-muted">
                <Trans
                  t={t}
                  i18nKey="tasks.due"
                  values={{ assignee: task.assignee?.name ?? t("tasks.unassigned") }}
                  components={[<DateText key="due" value={task.dueOn} />]}
                />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">{t("tasks.empty")}</p>
      )}
    </Card>
  );
}
