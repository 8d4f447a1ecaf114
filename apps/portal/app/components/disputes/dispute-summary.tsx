import type { PortalDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

/** Under the title: when it was raised and, while open, when we answer by. */
export function DisputeDates({ dispute }: { dispute: PortalDisputeView }) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  return (
    <>
      <Trans
        t={t}
        i18nKey="detail.raisedOn"
        components={{ date: <DateText value={dispute.createdAt} locale={locale} /> }}
      />
      {dispute.canReply ? (
        <>
          {" · "}
          <Trans
            t={t}
            i18nKey="detail.answerBy"
            components={{ date: <DateText value={dispute.deadline} locale={locale} /> }}
          />
        </>
      ) : null}
    </>
  );
}

/** The invoice, reason, amounts, department, description and disputed lines. */
export function DisputeSummary({ dispute, base }: { dispute: PortalDisputeView; base: string }) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const money = (amount: bigint) => <MoneyText amount={amount} currency={dispute.currency} locale={locale} />;
  return (
    <Card title={t("detail.summary")}>
      <DescriptionList
        items={[
          {
            term: t("detail.invoice"),
            details: (
              <Link to={`${base}/invoices/${dispute.invoice.id}`} className="underline">
                {dispute.invoice.number}
              </Link>
            ),
          },
          { term: t("detail.reason"), details: t(`reasons.${dispute.reason}`) },
          { term: t("detail.amount"), details: money(dispute.amount) },
          { term: t("detail.invoiceOpen"), details: money(dispute.invoice.openAmount) },
          ...(dispute.department ? [{ term: t("detail.department"), details: dispute.department }] : []),
          {
            term: t("detail.description"),
            details: <p className="whitespace-pre-wrap">{dispute.description}</p>,
          },
          ...(dispute.lines.length
            ? [
                {
                  term: t("detail.lines"),
                  details: (
                    <ul>
                      {dispute.lines.map((l) => (
                        <li key={l.lineNo}>
                          {t("detail.line", { lineNo: l.lineNo })}: <bdi>{l.description}</bdi> ·{" "}
                          {money(l.amount)}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** The decision: the credit memo it gave, and the explanation. */
export function DisputeResolution({ dispute }: { dispute: PortalDisputeView }) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  if (!dispute.resolution) return null;
  const money = (amount: bigint) => <MoneyText amount={amount} currency={dispute.currency} locale={locale} />;
  return (
    <Card title={t("detail.resolution")}>
      <div className="space-y-2 text-sm">
        {dispute.creditMemo ? (
          <p>
            <Trans
              t={t}
              i18nKey="detail.creditMemo"
              values={{ number: dispute.creditMemo.number }}
              components={{
                amount: money(dispute.creditMemo.amount),
                applied: money(dispute.creditMemo.applied),
              }}
            />
          </p>
        ) : null}
        {dispute.resolution.explanation ? (
          <>
            <h3 className="font-medium">{t("detail.explanation")}</h3>
            <p className="whitespace-pre-wrap">{dispute.resolution.explanation}</p>
          </>
        ) : null}
      </div>
    </Card>
  );
}
