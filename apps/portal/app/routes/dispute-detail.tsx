import { addDisputeAttachments } from "@settle/domain/disputes/add-dispute-attachments";
import { addDisputeMessage } from "@settle/domain/disputes/add-dispute-message";
import { getPortalDispute } from "@settle/domain/disputes/get-dispute";
import { withdrawDispute } from "@settle/domain/disputes/withdraw-dispute";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { Trans } from "react-i18next";
import { data, Form, Link, useNavigation, useSearchParams } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import {
  type DisputeProblem,
  disputeProblem,
  tooLargeRequest,
  uploadedFiles,
} from "~/lib/dispute-problems.server";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/dispute-detail";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) => t("disputes:label", { label: loaderData?.dispute.label ?? "" }));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const dispute = await load(() =>
    getPortalDispute({ customerId: params.customerId, disputeId: params.disputeId }, session.actor),
  );
  return { dispute, userId: session.actor.userId };
}

type Done = { ok: true; notice: "sent" | "uploaded" | "withdrawn"; count?: number };

export async function action({ request, params }: Route.ActionArgs) {
  const session = await requirePortalSession(request);
  if (tooLargeRequest(request)) {
    return data<DisputeProblem>(
      { ok: false, problem: "tooLarge", field: "files", values: {}, disputeId: null },
      { status: 413 },
    );
  }
  const formData = await request.formData();
  verifyCsrf(request, formData);
  // The page's account must be the dispute's: another account's dispute is a 404 like any id.
  await load(() =>
    getPortalDispute({ customerId: params.customerId, disputeId: params.disputeId }, session.actor),
  );
  const intent = formData.get("intent");
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  try {
    if (intent === "reply") {
      await addDisputeMessage({ disputeId: params.disputeId, body: text("body") }, session.actor);
      return { ok: true, notice: "sent" } satisfies Done;
    }
    if (intent === "attach") {
      const files = await uploadedFiles(formData, "files");
      if (files.length > 10) {
        return data<DisputeProblem>(
          { ok: false, problem: "tooManyFiles", field: "files", values: {}, disputeId: null },
          { status: 400 },
        );
      }
      const added = await addDisputeAttachments({ disputeId: params.disputeId, files }, session.actor);
      return { ok: true, notice: "uploaded", count: added.length } satisfies Done;
    }
    if (intent === "withdraw") {
      await withdrawDispute({ disputeId: params.disputeId, note: text("note") || undefined }, session.actor);
      return { ok: true, notice: "withdrawn" } satisfies Done;
    }
    return data<DisputeProblem>(
      { ok: false, problem: "failed", field: null, values: {}, disputeId: null },
      { status: 400 },
    );
  } catch (error) {
    return disputeProblem(error);
  }
}

export default function DisputeDetailPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { dispute, userId } = loaderData;
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  const base = `/accounts/${params.customerId}`;
  const money = (amount: bigint, className?: string) => (
    <MoneyText amount={amount} currency={dispute.currency} locale={locale} className={className} />
  );
  const input =
    "block w-full rounded-md border-0 px-3 py-2 text-sm text-ink ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";
  const problem = actionData && !actionData.ok ? actionData : null;
  const done = actionData?.ok ? actionData : null;
  const open = dispute.canReply;

  return (
    <>
      <PageHeader
        back={{ to: `${base}/disputes`, label: t("title") }}
        title={t("label", { label: dispute.label })}
        meta={<Badge tone={open ? "warning" : "neutral"}>{t(`statuses.${dispute.status}`)}</Badge>}
        description={
          <>
            <Trans
              t={t}
              i18nKey="detail.raisedOn"
              components={{ date: <DateText value={dispute.createdAt} locale={locale} /> }}
            />
            {open ? (
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
        }
      />
      <AccountNav customerId={params.customerId} />
      <div className="space-y-6">
        {search.get("raised") && !actionData ? (
          <Alert tone="success">
            <Trans
              t={t}
              i18nKey="detail.raised"
              components={{ date: <DateText value={dispute.deadline} locale={locale} /> }}
            />
          </Alert>
        ) : null}
        {done ? (
          <Alert tone="success">
            {done.notice === "uploaded"
              ? t("detail.uploaded", { count: done.count ?? 0 })
              : t(`detail.${done.notice}`)}
          </Alert>
        ) : null}
        {problem ? <Alert tone="danger">{t(`problems.${problem.problem}`, problem.values)}</Alert> : null}

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

        {dispute.resolution ? (
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
        ) : null}

        <Card title={t("detail.thread")}>
          {dispute.messages.length === 0 ? (
            <p className="text-sm text-ink-muted">{t("detail.noMessages")}</p>
          ) : (
            <ol className="space-y-4">
              {dispute.messages.map((m) => (
                <li key={m.id} className="rounded-md border border-line p-3 text-sm">
                  <p className="text-xs text-ink-muted">
                    <bdi>{m.authorKind === "portal" && m.authorName ? m.authorName : m.authorName}</bdi> ·{" "}
                    <DateText value={m.createdAt} locale={locale} mode="datetime" />
                  </p>
                  {/* Plain text: rendered as text, line breaks kept; never as HTML. */}
                  <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
                </li>
              ))}
            </ol>
          )}
          {open ? (
            <Form
              method="post"
              className="mt-4 space-y-2"
              key={done?.notice === "sent" ? `sent-${userId}` : "reply"}
            >
              <CsrfInput token={csrf} />
              <input type="hidden" name="intent" value="reply" />
              <label htmlFor="dispute-reply" className="block text-sm font-medium text-ink">
                {t("detail.replyLabel")}
              </label>
              <textarea id="dispute-reply" name="body" required maxLength={5000} rows={4} className={input} />
              <Button type="submit" disabled={busy}>
                {t("detail.send")}
              </Button>
            </Form>
          ) : null}
        </Card>

        <Card title={t("detail.documents")}>
          {dispute.attachments.length === 0 ? (
            <p className="text-sm text-ink-muted">{t("detail.noDocuments")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {dispute.attachments.map((a) => (
                <li key={a.id}>
                  <a
                    href={`${base}/disputes/${dispute.id}/documents/${a.id}`}
                    download
                    className="underline"
                    aria-label={t("detail.download", { name: a.fileName })}
                  >
                    <bdi>{a.fileName}</bdi>
                  </a>{" "}
                  <span className="text-ink-muted">
                    · <DateText value={a.createdAt} locale={locale} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          {open ? (
            <Form method="post" encType="multipart/form-data" className="mt-4 space-y-2">
              <CsrfInput token={csrf} />
              <input type="hidden" name="intent" value="attach" />
              <label htmlFor="dispute-files" className="block text-sm font-medium text-ink">
                {t("detail.addDocuments")}
              </label>
              <p id="dispute-files-hint" className="text-sm text-ink-muted">
                {t("raise.filesHint")}
              </p>
              <input
                id="dispute-files"
                type="file"
                name="files"
                multiple
                required
                aria-describedby="dispute-files-hint"
                className="block text-sm"
              />
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("detail.upload")}
              </Button>
            </Form>
          ) : null}
        </Card>

        {dispute.canWithdraw ? (
          <Card title={t("detail.withdraw")}>
            <Form method="post" className="space-y-2">
              <CsrfInput token={csrf} />
              <input type="hidden" name="intent" value="withdraw" />
              <p className="text-sm text-ink-muted">{t("detail.withdrawHint")}</p>
              <label htmlFor="dispute-withdraw-note" className="block text-sm font-medium text-ink">
                {t("detail.withdrawNote")}
              </label>
              <textarea id="dispute-withdraw-note" name="note" maxLength={2000} rows={2} className={input} />
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("detail.withdrawConfirm")}
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
