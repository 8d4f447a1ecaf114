import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { useTranslation } from "../../i18n/use-translation.ts";

/** Who at the customer is kept informed, who raised the dispute and what the customer sees. */
export function DisputeContact({ dispute: d }: { dispute: StaffDisputeView }) {
  const { t } = useTranslation("dispute");
  const channel = t(`labels:disputeChannel.${d.channel}`);
  return (
    <Card title={t("contact.title")}>
      <DescriptionList
        columns={1}
        items={[
          {
            term: t("contact.keptInformed"),
            details: d.notify.email ? (
              <>
                {d.notify.name ? <span className="block">{d.notify.name}</span> : null}
                <a href={`mailto:${d.notify.email}`} className="text-brand-700 hover:underline">
                  {d.notify.email}
                </a>
                <span className="block text-xs text-ink-muted">
                  {t("contact.writesIn", {
                    language: t(`common:languages.${d.notify.locale}`, { defaultValue: d.notify.locale }),
                  })}
                </span>
              </>
            ) : (
              <span className="text-ink-faint">{t("contact.nobody")}</span>
            ),
          },
          {
            term: t("contact.raisedBy"),
            details:
              d.raisedBy.kind === "portal"
                ? t("contact.onPortal", { name: d.raisedBy.name ?? t("contact.aPortalUser") })
                : t("contact.forCustomer", {
                    name: d.raisedBy.name ?? t("contact.staff"),
                    channel: channel.toLowerCase(),
                  }),
          },
          { term: t("contact.customerSees"), details: t(`labels:customerDisputeStatus.${d.customerStatus}`) },
        ]}
      />
    </Card>
  );
}
