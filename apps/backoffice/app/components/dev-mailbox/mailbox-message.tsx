import { Alert } from "@settle/ui/alert";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { useTranslation } from "../../i18n/use-translation.ts";
import type { Outbox } from "./mailbox-list.tsx";

/** One message as it was (or would be) sent: its text part verbatim, its attachments. */
export function MailboxMessage({
  selected,
  selectedId,
}: {
  selected: Outbox["items"][number] | null;
  selectedId: string | null;
}) {
  const { t } = useTranslation("dev-mailbox");
  return (
    <>
      {selected ? (
        <Card title={selected.subject} id="message">
          <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-ink-faint">{t("message.to")}</dt>
            <dd className="text-ink">{selected.to}</dd>
            <dt className="text-ink-faint">{t("message.queued")}</dt>
            <dd className="text-ink">
              <DateText value={selected.createdAt} mode="datetime" />
            </dd>
            <dt className="text-ink-faint">{t("message.status")}</dt>
            <dd className="text-ink">
              {t(`labels:outbox.${selected.status}`, { defaultValue: selected.status })}
              {selected.sentAt ? (
                <>
                  {" "}
                  · <DateText value={selected.sentAt} mode="datetime" />
                </>
              ) : null}
              {selected.attempts ? ` · ${t("message.attempts", { count: selected.attempts })}` : null}
            </dd>
            <dt className="text-ink-faint">{t("message.category")}</dt>
            <dd className="font-mono text-xs text-ink">{selected.category}</dd>
            {selected.attachments.length > 0 ? (
              <>
                <dt className="text-ink-faint">{t("message.attachments")}</dt>
                <dd className="text-ink">
                  <ul className="space-y-1">
                    {selected.attachments.map((a, index) => (
                      <li key={`${a.kind}-${a.id}`}>
                        <a
                          href={`/dev/mailbox/${selected.id}/attachments/${index}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {a.filename}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
          {selected.lastError ? (
            <Alert tone="danger" title={t("message.lastError")} className="mb-4">
              {selected.lastError}
            </Alert>
          ) : null}
          <h3 className="sr-only">{t("message.text")}</h3>
          {/* The text part, shown verbatim; the HTML part is never rendered here. */}
          <pre className="max-h-[32rem] overflow-auto rounded-lg bg-slate-50 p-4 font-mono text-[13px] leading-6 whitespace-pre-wrap wrap-anywhere text-ink ring-1 ring-line ring-inset">
            {selected.text}
          </pre>
        </Card>
      ) : (
        <Card>
          <EmptyState
            title={t(selectedId ? "message.notOnPage" : "message.select")}
            description={t(selectedId ? "message.notOnPageHint" : "message.selectHint")}
            icon="mail"
          />
        </Card>
      )}
    </>
  );
}
