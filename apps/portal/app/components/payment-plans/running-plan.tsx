import type { SubmissionResult } from "@conform-to/react";
import type { PaymentPlanOffer, RunningPlan } from "@settle/domain/plans/get-payment-plan";
import { Alert } from "@settle/ui/alert";
import { Badge, type Tone } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DataTable } from "@settle/ui/data-table";
import { DateText, formatDate } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText, useMoneyFormat } from "@settle/ui/money-text";
import { usePageLocale } from "@settle/ui/page-locale";
import { ProgressBar } from "@settle/ui/progress-bar";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { type Payment, scheduleColumns } from "./plan-terms";

/** The form's intent: the page's action tells paying apart from answering an offer. */
export const PAY_INTENT = "pay";

const STATUS_TONES: Partial<Record<PaymentPlanOffer["status"], Tone>> = {
  ACCEPTED: "info",
  ACTIVE: "info",
  COMPLETED: "success",
  DEFAULTED: "danger",
  CANCELLED: "neutral",
};

/** Plans that ended, with words for how. */
const ENDED: readonly PaymentPlanOffer["status"][] = ["COMPLETED", "DEFAULTED", "CANCELLED"];

const STATE_TONES: Record<Payment["state"], Tone> = {
  paid: "success",
  missed: "danger",
  overdue: "danger",
  due: "warning",
  upcoming: "neutral",
  cancelled: "neutral",
};

/** Money as words inside a sentence, in the page's language. */
function useMoneyWords() {
  const format = useMoneyFormat();
  const locale = usePageLocale();
  return (amount: bigint, currency: string) => format(amount, currency, locale);
}

/** Paid of total as an accessible progress bar, with the same words beside it. */
function PaidBar({ label, running, currency }: { label: string; running: RunningPlan; currency: string }) {
  const { t } = useTranslation("payment-plans");
  const money = useMoneyWords();
  const paidOfTotal = t("running.amountPaidOf", {
    paid: money(running.paid, currency),
    total: money(running.total, currency),
  });
  return (
    <div className="space-y-1.5">
      <ProgressBar
        part={running.paid}
        whole={running.total}
        label={t("running.progressOf", { label })}
        valueText={paidOfTotal}
      />
      <p className="text-sm text-ink-muted">{paidOfTotal}</p>
    </div>
  );
}

/**
 * An accepted plan as it runs: its status, the payments made of all, paid of total, the next
 * payment, how it is paid (autopay with its card, or from the portal), and how it ended.
 */
export function RunningPlanSummary({ offer, running }: { offer: PaymentPlanOffer; running: RunningPlan }) {
  const { t } = useTranslation("payment-plans");
  const locale = usePageLocale();
  const { next } = running;
  const ended = running.endedAt !== null && ENDED.includes(offer.status);
  return (
    <Card title={t("running.title")}>
      <div className="space-y-5">
        {ended ? (
          <Alert tone={offer.status === "COMPLETED" ? "success" : "info"}>
            <p>{t(`running.ended.${offer.status}`, { date: formatDate(running.endedAt!, { locale }) })}</p>
            {running.endReason ? (
              <p className="mt-1">{t("running.endReason", { reason: running.endReason })}</p>
            ) : null}
          </Alert>
        ) : null}
        <DescriptionList
          columns={3}
          items={[
            {
              term: t("running.status"),
              details: (
                <Badge tone={STATUS_TONES[offer.status] ?? "neutral"}>{t(`statuses.${offer.status}`)}</Badge>
              ),
            },
            {
              term: t("running.payments"),
              details: t("running.paidOf", { paid: running.paidInstalments, total: running.instalments }),
            },
            {
              term: t("running.next"),
              details: next ? (
                <span className="flex flex-wrap items-center gap-2">
                  <MoneyText amount={next.amount} currency={offer.currency} />
                  <DateText value={next.dueDate} timeZone="UTC" />
                  {next.status === "MISSED" ? (
                    <Badge tone="danger">{t("schedule.states.missed")}</Badge>
                  ) : null}
                </span>
              ) : (
                t("running.nextNone")
              ),
            },
            {
              term: t("running.payBy"),
              details:
                running.payBy === "AUTOPAY"
                  ? running.card
                    ? t("running.autopayWith", { card: running.card })
                    : t("running.autopay")
                  : t("running.portal"),
            },
          ]}
        />
        <PaidBar label={offer.label} running={running} currency={offer.currency} />
      </div>
    </Card>
  );
}

/**
 * "Pay now" for the account's payers and administrators while the plan runs and something is
 * owed: what is due (the overdue included), or the next payment, by card through Stripe. The key
 * comes with the page, so pressing it twice is one payment. Viewers are told who can pay; while
 * card payments are off, payers see no form.
 */
export function PayInstalmentForm({
  offer,
  running,
  idempotencyKey,
  reply,
}: {
  offer: PaymentPlanOffer;
  running: RunningPlan;
  idempotencyKey: string;
  reply: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payment-plans");
  const money = useMoneyWords();
  const csrfToken = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const problems = Object.values(reply?.error ?? {}).flatMap((messages) => messages ?? []);
  const problem = (
    <div aria-live="polite" className="empty:hidden">
      {problems.length > 0 ? (
        <Alert tone="danger" title={t("pay.problem")}>
          {problems.join(" ")}
        </Alert>
      ) : null}
    </div>
  );
  const open = offer.status === "ACCEPTED" || offer.status === "ACTIVE";
  // Paid meanwhile, the plan ended, or card payments are off (no way to pay in the portal): only
  // why the last press was refused, if it was.
  if (!open || running.dueNow === 0n || (offer.can.payer && !offer.can.pay)) return problem;
  const amount = money(running.dueNow, offer.currency);
  const explanation = t(running.overdue ? "pay.overdue" : running.ahead ? "pay.next" : "pay.due", { amount });
  return (
    <Card title={t("pay.title")}>
      <div className="space-y-4">
        {problem}
        <p className="text-sm text-ink">{explanation}</p>
        {running.payBy === "AUTOPAY" ? (
          <p className="text-sm text-ink-muted">{t("pay.autopayNote")}</p>
        ) : null}
        {offer.can.pay ? (
          <Form method="post">
            <CsrfInput token={csrfToken} />
            <input type="hidden" name="intent" value={PAY_INTENT} />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <Button type="submit" variant="primary" disabled={busy}>
              {t("pay.submit", { amount })}
            </Button>
          </Form>
        ) : (
          <Alert tone="info">{t("pay.readOnly")}</Alert>
        )}
      </div>
    </Card>
  );
}

/** The schedule as it is kept: each payment's due date, amount, what is paid of it and its state. */
export function RunningSchedule({ offer }: { offer: PaymentPlanOffer }) {
  const { t } = useTranslation("payment-plans");
  const money = (amount: bigint) => <MoneyText amount={amount} currency={offer.currency} />;
  return (
    <Card title={t("schedule.title")} flush>
      <DataTable<Payment>
        caption={t("schedule.title")}
        rows={offer.schedule}
        rowKey={(p) => String(p.sequence)}
        columns={[
          ...scheduleColumns(t, money),
          { id: "paid", header: t("schedule.paid"), cell: (p) => money(p.paidAmount), align: "right" },
          {
            id: "state",
            header: t("schedule.status"),
            cell: (p) => <Badge tone={STATE_TONES[p.state]}>{t(`schedule.states.${p.state}`)}</Badge>,
          },
        ]}
      />
    </Card>
  );
}
