import { randomUUID } from "node:crypto";
import { DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import { raiseDispute } from "@settle/domain/disputes/raise-dispute";
import { getInvoice } from "@settle/domain/invoices/get-invoice";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { Trans } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { useFormat } from "~/i18n/format";
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
import type { Route } from "./+types/dispute-new";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) => t("disputes:raise.metaTitle", { number: loaderData?.invoice.number ?? "" }));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoice = await load(() =>
    getInvoice({ customerId: params.customerId, invoiceId: params.invoiceId }, session.actor),
  );
  // The form's key: submitting it twice (a double click, a retry) makes one dispute.
  return { invoice, idempotencyKey: `portal-dispute-${randomUUID()}` };
}

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export async function action({ request, params }: Route.ActionArgs) {
  const session = await requirePortalSession(request);
  if (tooLargeRequest(request)) {
    return data<DisputeProblem>(
      { ok: false, problem: "tooLarge", field: "attachments", values: {}, disputeId: null },
      { status: 413 },
    );
  }
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const chosen = formData.getAll("line").filter((v): v is string => typeof v === "string");
  const files = await uploadedFiles(formData, "files");
  if (files.length > 10) {
    return data<DisputeProblem>(
      { ok: false, problem: "tooManyFiles", field: "attachments", values: {}, disputeId: null },
      { status: 400 },
    );
  }
  try {
    const raised = await raiseDispute(
      {
        customerId: params.customerId,
        invoiceId: params.invoiceId,
        scope: (field(formData, "scope") ?? "") as "WHOLE",
        lines: chosen.map((lineNo) => {
          const amount = field(formData, `lineAmount-${lineNo}`)?.trim();
          return { lineNo: Number(lineNo), ...(amount ? { amount } : {}) };
        }),
        amount: field(formData, "amount")?.trim() || undefined,
        reason: (field(formData, "reason") ?? "") as "OTHER",
        description: field(formData, "description") ?? "",
        attachments: files,
        idempotencyKey: field(formData, "idempotencyKey") ?? "",
      },
      session.actor,
    );
    return redirect(`/accounts/${params.customerId}/disputes/${raised.id}?raised=1`);
  } catch (error) {
    return disputeProblem(error);
  }
}

export default function DisputeNewPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { invoice, idempotencyKey } = loaderData;
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const format = useFormat();
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const base = `/accounts/${params.customerId}`;
  const money = (amount: bigint, className?: string) => (
    <MoneyText amount={amount} currency={invoice.currency} locale={locale} className={className} />
  );
  const problem = actionData && !actionData.ok ? actionData : null;
  const problemValues = problem
    ? {
        ...problem.values,
        available: problem.values.available
          ? format.money(BigInt(problem.values.available), invoice.currency)
          : "",
      }
    : {};
  const input =
    "block w-full rounded-md border-0 px-3 py-2 text-sm text-ink ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

  return (
    <>
      <PageHeader
        back={{ to: `${base}/invoices/${invoice.id}`, label: t("raise.back") }}
        title={t("raise.title", { number: invoice.number })}
        description={<Trans t={t} i18nKey="raise.open" components={{ amount: money(invoice.openAmount) }} />}
      />
      <AccountNav customerId={params.customerId} />
      {invoice.openAmount <= 0n ? (
        <Alert tone="info">{t("raise.paid")}</Alert>
      ) : (
        <Form method="post" encType="multipart/form-data" className="space-y-6" noValidate>
          <CsrfInput token={csrf} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          {problem ? (
            <Alert tone="danger">
              <p>{t(`problems.${problem.problem}`, problemValues)}</p>
              {problem.disputeId ? (
                <Link to={`${base}/disputes/${problem.disputeId}`} className="font-medium underline">
                  {t("problems.openDispute", { label: problem.values.label ?? "" })}
                </Link>
              ) : null}
            </Alert>
          ) : null}
          <Card title={t("raise.whatTitle")}>
            <fieldset className="space-y-3">
              <legend className="sr-only">{t("raise.whatTitle")}</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="scope" value="WHOLE" defaultChecked={!invoice.inDispute} />
                <span>
                  <Trans
                    t={t}
                    i18nKey="raise.scopeWHOLE"
                    components={{ amount: money(invoice.openAmount) }}
                  />
                </span>
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="scope" value="LINES" defaultChecked={!!invoice.inDispute} />
                <span>{t("raise.scopeLINES")}</span>
              </label>
              <fieldset className="ms-6 space-y-2">
                <legend className="text-sm font-medium text-ink">{t("raise.lines")}</legend>
                {invoice.lines.map((line) => (
                  <div key={line.lineNo} className="flex flex-wrap items-center gap-3 text-sm">
                    <label className="flex min-w-64 items-center gap-2">
                      <input type="checkbox" name="line" value={line.lineNo} disabled={!!line.openDispute} />
                      <span>
                        {line.lineNo}. <bdi>{line.description}</bdi> · {money(line.totalAmount)}
                      </span>
                    </label>
                    {line.openDispute ? (
                      <Link
                        to={`${base}/disputes/${line.openDispute.id}`}
                        className="text-ink-muted underline"
                      >
                        {t("raise.lineHeld", { label: `D-${line.openDispute.number}` })}
                      </Link>
                    ) : (
                      <input
                        type="text"
                        inputMode="decimal"
                        name={`lineAmount-${line.lineNo}`}
                        aria-label={t("raise.lineAmount", { lineNo: line.lineNo })}
                        placeholder={t("raise.amountHint")}
                        className={`${input} max-w-40`}
                      />
                    )}
                  </div>
                ))}
              </fieldset>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="scope" value="AMOUNT" />
                <span>{t("raise.scopeAMOUNT")}</span>
              </label>
              <div className="ms-6 max-w-60">
                <label htmlFor="dispute-amount" className="block text-sm font-medium text-ink">
                  {t("raise.amount", { currency: invoice.currency })}
                </label>
                <input
                  id="dispute-amount"
                  type="text"
                  inputMode="decimal"
                  name="amount"
                  placeholder={t("raise.amountHint")}
                  className={input}
                  aria-invalid={problem?.field === "amount" ? true : undefined}
                />
              </div>
            </fieldset>
          </Card>
          <Card title={t("raise.reason")}>
            <div className="space-y-4">
              <div className="max-w-md">
                <label htmlFor="dispute-reason" className="block text-sm font-medium text-ink">
                  {t("raise.reason")}
                </label>
                <select id="dispute-reason" name="reason" required defaultValue="" className={input}>
                  <option value="" disabled>
                    {t("raise.chooseReason")}
                  </option>
                  {DISPUTE_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`reasons.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="dispute-description" className="block text-sm font-medium text-ink">
                  {t("raise.description")}
                </label>
                <p id="dispute-description-hint" className="text-sm text-ink-muted">
                  {t("raise.descriptionHint")}
                </p>
                <textarea
                  id="dispute-description"
                  name="description"
                  required
                  maxLength={5000}
                  rows={5}
                  aria-describedby="dispute-description-hint"
                  className={input}
                />
              </div>
              <div>
                <label htmlFor="dispute-files" className="block text-sm font-medium text-ink">
                  {t("raise.files")}
                </label>
                <p id="dispute-files-hint" className="text-sm text-ink-muted">
                  {t("raise.filesHint")}
                </p>
                <input
                  id="dispute-files"
                  type="file"
                  name="files"
                  multiple
                  accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.xlsx,.xls,.csv,.txt,.docx,.eml,.msg"
                  aria-describedby="dispute-files-hint"
                  className="mt-1 block text-sm"
                />
              </div>
            </div>
          </Card>
          <Button type="submit" disabled={busy}>
            {t("raise.submit")}
          </Button>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
