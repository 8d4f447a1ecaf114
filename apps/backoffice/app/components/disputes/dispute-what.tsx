import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { useTranslation } from "../../i18n/use-translation.ts";

/** Scope, amount, reason and channel, the customer's words and the lines the dispute holds. */
export function WhatIsDisputed({ dispute: d }: { dispute: StaffDisputeView }) {
  const { t } = useTranslation("dispute");
  return (
    <Card title={t("what.title")}>
      <DescriptionList
        columns={2}
        items={[
          { term: t("what.scope"), details: t(`labels:disputeScope.${d.scope}`) },
          {
            term: t("what.amount"),
            details: <MoneyText amount={d.amount} currency={d.currency} className="font-medium" />,
          },
          { term: t("what.reason"), details: t(`labels:disputeReason.${d.reason}`) },
          { term: t("what.channel"), details: t(`labels:disputeChannel.${d.channel}`) },
        ]}
      />
      <h3 className="mt-5 text-sm font-medium text-ink">{t("what.description")}</h3>
      {/* Plain text as typed: React escapes it; line breaks are kept by CSS, never as HTML. */}
      <p className="mt-1 text-sm whitespace-pre-wrap text-ink">{d.description}</p>
      {d.lines.length > 0 ? <HeldLines dispute={d} /> : null}
    </Card>
  );
}

function HeldLines({ dispute: d }: { dispute: StaffDisputeView }) {
  const { t } = useTranslation("dispute");
  return (
    <div className="mt-5 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="mb-2 text-start text-sm font-medium text-ink">
          {d.scope === "WHOLE" ? t("what.linesHeld") : t("what.linesDisputed")}
        </caption>
        <thead>
          <tr className="text-xs text-ink-muted uppercase">
            <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
              {t("what.line")}
            </th>
            <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
              {t("what.lineDescription")}
            </th>
            <th scope="col" className="py-1.5 pe-3 text-end font-semibold">
              {t("what.lineTotal")}
            </th>
            <th scope="col" className="py-1.5 text-end font-semibold">
              {t("what.disputed")}
            </th>
          </tr>
        </thead>
        <tbody>
          {d.lines.map((l) => (
            <tr key={l.lineNo} className="border-t border-line">
              <th scope="row" className="py-1.5 pe-3 text-start font-normal">
                {l.lineNo}
              </th>
              <td className="py-1.5 pe-3">{l.description}</td>
              <td className="py-1.5 pe-3 text-end">
                <MoneyText amount={l.lineTotal} currency={d.currency} className="text-ink-muted" />
              </td>
              <td className="py-1.5 text-end">
                <MoneyText amount={l.amount} currency={d.currency} className="font-medium" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
