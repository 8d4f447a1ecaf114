import { randomUUID } from "node:crypto";
import { PORTAL_LOCALES } from "@settle/domain/base/portal-locales";
import { listCustomers } from "@settle/domain/customers/list-customers";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from "@settle/domain/disputes/attachment-type";
import { DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import { raiseDispute } from "@settle/domain/disputes/raise-dispute";
import { isDomainError, statusForCode } from "@settle/domain/errors";
import { getInvoice } from "@settle/domain/invoices/get-invoice";
import { listInvoices } from "@settle/domain/invoices/list-invoices";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { Pagination } from "@settle/ui/pagination";
import { load, throwAsResponse } from "@settle/web/domain-errors.server";
import { field, pageUrl } from "@settle/web/request.server";
import { declaredTooLarge, uploadedFiles } from "@settle/web/uploads.server";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { DISPUTE_REASON } from "../dispute-labels.ts";
import { textValues } from "../form-result.server.ts";
import { requireStaff } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/dispute-new";

export const meta: Route.MetaFunction = () => [{ title: "Log a dispute · Settle back office" }];

const CHANNELS = [
  ["PHONE", "Phone"],
  ["EMAIL", "E-mail"],
  ["CASH_APPLICATION", "Cash application (short payment)"],
] as const;
const LOCALE_NAMES: Record<(typeof PORTAL_LOCALES)[number], string> = {
  en: "English",
  es: "Spanish",
  "pt-BR": "Portuguese (Brazil)",
  ar: "Arabic",
};

/**
 * Three steps on one URL: choose the customer (search), then one of its open invoices, then the
 * dispute itself. Each step's choice is a query parameter, so the account page can link straight
 * to the last step for an invoice.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  const customerId = params.get("customerId");
  const invoiceId = params.get("invoiceId");
  if (customerId && invoiceId) {
    const invoice = await load(() => getInvoice({ customerId, invoiceId }, staff.actor));
    return {
      step: "details" as const,
      invoice,
      idempotencyKey: `staff-dispute-${randomUUID()}`,
      // The upload limits, for the form's hint (the domain enforces them).
      limits: { files: MAX_ATTACHMENTS_PER_REQUEST, megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
    };
  }
  if (customerId) {
    const list = await load(() =>
      listInvoices(
        {
          customerId,
          status: "open",
          q: params.get("iq") ?? undefined,
          sort: params.get("sort") ?? "due",
          dir: params.get("dir") ?? "asc",
          page: params.get("page") ?? undefined,
        },
        staff.actor,
      ),
    );
    return { step: "invoice" as const, list };
  }
  const q = params.get("q")?.trim() ?? "";
  const customers = q ? await load(() => listCustomers({ q }, staff.actor)) : null;
  return { step: "customer" as const, q, customers };
}

interface RaiseProblem {
  ok: false;
  message: string;
  field: string | null;
  values: Record<string, string>;
  /** The open dispute already holding this part of the invoice. */
  disputeId: string | null;
}

const MAX_FORM_BYTES = MAX_ATTACHMENTS_PER_REQUEST * MAX_ATTACHMENT_BYTES + 1024 * 1024;

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  if (declaredTooLarge(request, MAX_FORM_BYTES)) {
    return data<RaiseProblem>(
      {
        ok: false,
        message: `Attach at most ${MAX_ATTACHMENTS_PER_REQUEST} files of ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB each.`,
        field: "files",
        values: {},
        disputeId: null,
      },
      { status: 413 },
    );
  }
  const form = await request.formData();
  requireCsrf(request, form);
  const values = textValues(form);
  const chosen = form.getAll("line").filter((v): v is string => typeof v === "string");
  values.lines = chosen.join(",");
  try {
    const raised = await raiseDispute(
      {
        customerId: field(form, "customerId") ?? "",
        invoiceId: field(form, "invoiceId") ?? "",
        scope: (field(form, "scope") ?? "") as "WHOLE",
        lines: chosen.map((lineNo) => {
          const amount = field(form, `lineAmount-${lineNo}`)?.trim();
          return { lineNo: Number(lineNo), ...(amount ? { amount } : {}) };
        }),
        amount: field(form, "amount")?.trim() || undefined,
        reason: (field(form, "reason") ?? "") as "OTHER",
        description: field(form, "description") ?? "",
        attachments: await uploadedFiles(form, "files"),
        idempotencyKey: field(form, "idempotencyKey") ?? "",
        channel: (field(form, "channel") ?? "") as "PHONE",
        contactEmail: field(form, "contactEmail")?.trim() || undefined,
        contactName: field(form, "contactName")?.trim() || undefined,
        locale: (field(form, "locale") || undefined) as "en" | undefined,
      },
      staff.actor,
    );
    return redirect(`/disputes/${raised.id}`);
  } catch (error) {
    if (!isDomainError(error) || error.code === "NOT_FOUND") throwAsResponse(error);
    const details = error.details ?? {};
    return data<RaiseProblem>(
      {
        ok: false,
        message: error.message,
        field: typeof details.field === "string" ? details.field : null,
        values,
        disputeId: typeof details.disputeId === "string" ? details.disputeId : null,
      },
      { status: statusForCode(error.code) },
    );
  }
}

type Loaded = Route.ComponentProps["loaderData"];

export default function DisputeNew({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        back={{ to: "/disputes", label: "Disputes" }}
        title="Log a dispute"
        description="For a customer who disputes an invoice by phone or e-mail, or a short payment found in cash application. The matrix assigns the owner and deadline."
      />
      {loaderData.step === "customer" ? (
        <ChooseCustomer loaded={loaderData} />
      ) : loaderData.step === "invoice" ? (
        <ChooseInvoice loaded={loaderData} />
      ) : (
        <Details loaded={loaderData} problem={actionData as RaiseProblem | undefined} />
      )}
    </>
  );
}

const searchClass =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:outline-none focus:ring-inset";

function ChooseCustomer({ loaded }: { loaded: Extract<Loaded, { step: "customer" }> }) {
  type Row = NonNullable<typeof loaded.customers>["rows"][number];
  const columns: Column<Row>[] = [
    {
      id: "name",
      header: "Customer",
      rowHeader: true,
      cell: (r) => (
        <Link
          to={`/disputes/new?customerId=${r.id}`}
          className="font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {r.name}
        </Link>
      ),
    },
    {
      id: "account",
      header: "Account",
      cell: (r) => <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>,
    },
    { id: "entity", header: "Legal entity", cell: (r) => r.legalEntity.name },
  ];
  return (
    <Card title="1. Customer" flush>
      <div className="border-b border-line px-5 py-4">
        <Form method="get" role="search" aria-label="Customers" className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="dispute-customer-search" className="block text-sm font-medium text-ink">
              Find the customer by name or account number
            </label>
            <input
              id="dispute-customer-search"
              type="search"
              name="q"
              defaultValue={loaded.q}
              maxLength={100}
              required
              className={searchClass}
            />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
      </div>
      {loaded.customers ? (
        <DataTable
          caption={`Customers matching “${loaded.q}”`}
          columns={columns}
          rows={loaded.customers.rows}
          rowKey={(r) => r.id}
          empty={
            <EmptyState
              title={`No customers match “${loaded.q}”`}
              description="Try part of the name, or the account number as printed on invoices."
            />
          }
        />
      ) : (
        <p className="px-5 py-4 text-sm text-ink-muted">
          Or start from the customer's account page: each open invoice has a Dispute link.
        </p>
      )}
    </Card>
  );
}

function ChooseInvoice({ loaded }: { loaded: Extract<Loaded, { step: "invoice" }> }) {
  const { list } = loaded;
  type Row = (typeof list.rows)[number];
  const columns: Column<Row>[] = [
    {
      id: "number",
      header: "Invoice",
      sortKey: "number",
      rowHeader: true,
      cell: (r) => (
        <Link
          to={`/disputes/new?customerId=${list.customer.id}&invoiceId=${r.id}`}
          className="font-mono text-sm font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {r.number}
        </Link>
      ),
    },
    { id: "date", header: "Date", sortKey: "date", cell: (r) => <DateText value={r.documentDate} /> },
    {
      id: "due",
      header: "Due",
      sortKey: "due",
      cell: (r) => (r.dueDate ? <DateText value={r.dueDate} /> : "—"),
    },
    {
      id: "open",
      header: "Open",
      sortKey: "open",
      align: "right",
      cell: (r) => (
        <span className="block">
          <MoneyText amount={r.openAmount} currency={r.currency} className="font-medium" />
          {r.inDispute ? (
            <span className="block text-xs text-amber-800">
              <MoneyText amount={r.inDispute.amount} currency={r.currency} /> in dispute
            </span>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <Card
      title={`2. Invoice of ${list.customer.name} (${list.customer.accountNumber})`}
      flush
      actions={
        <Link to="/disputes/new" className="text-sm text-brand-700 hover:underline">
          Another customer
        </Link>
      }
    >
      <div className="border-b border-line px-5 py-4">
        <Form
          method="get"
          role="search"
          aria-label="Open invoices"
          className="flex flex-wrap items-end gap-3"
        >
          <input type="hidden" name="customerId" value={list.customer.id} />
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="dispute-invoice-search" className="block text-sm font-medium text-ink">
              Invoice or PO number, or the exact amount
            </label>
            <input
              id="dispute-invoice-search"
              type="search"
              name="iq"
              defaultValue={list.filters.q}
              maxLength={100}
              className={searchClass}
            />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
      </div>
      <DataTable
        caption="Open invoices"
        columns={columns}
        rows={list.rows}
        rowKey={(r) => r.id}
        sort={{ key: list.sort, dir: list.dir }}
        empty={
          <EmptyState
            title="No open invoices"
            description="Only an invoice with something still open can be disputed."
          />
        }
      />
      {list.total > list.pageSize ? (
        <div className="border-t border-line">
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            pageSize={list.pageSize}
            label="open invoices"
          />
        </div>
      ) : null}
    </Card>
  );
}

const inputClass =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";
const labelClass = "block text-sm font-medium text-ink";

function Details({
  loaded,
  problem,
}: {
  loaded: Extract<Loaded, { step: "details" }>;
  problem: RaiseProblem | undefined;
}) {
  const { invoice, idempotencyKey, limits: LIMITS } = loaded;
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const v = problem?.values ?? {};
  const scope = v.scope ?? "LINES";
  const chosen = new Set((v.lines ?? "").split(",").filter(Boolean));
  const invalid = (name: string) => problem?.field === name || problem?.field?.startsWith(`${name}.`);
  if (invoice.openAmount <= 0n) {
    return <Alert tone="info">Invoice {invoice.number} is paid: nothing is left to dispute.</Alert>;
  }
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-6" noValidate>
      <CsrfInput token={csrf} />
      <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? idempotencyKey} />
      <input type="hidden" name="customerId" value={invoice.customer.id} />
      <input type="hidden" name="invoiceId" value={invoice.id} />
      {problem ? (
        <div role="alert">
          <Alert tone="danger" title="The dispute was not logged">
            <p>{problem.message}</p>
            {problem.disputeId ? (
              <Link to={`/disputes/${problem.disputeId}`} className="font-medium underline">
                Open the dispute already in progress
              </Link>
            ) : null}
            {problem.field === "attachments" || problem.field === "files" ? (
              <p className="mt-1">Choose the documents again: nothing was stored.</p>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <Card
        title={`Invoice ${invoice.number}`}
        actions={
          <Link
            to={`/disputes/new?customerId=${invoice.customer.id}`}
            className="text-sm text-brand-700 hover:underline"
          >
            Another invoice
          </Link>
        }
      >
        <p className="text-sm text-ink-muted">
          <Link
            to={`/customers/${invoice.customer.id}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {invoice.customer.name}
          </Link>{" "}
          ({invoice.customer.accountNumber}) ·{" "}
          <MoneyText amount={invoice.totals.total} currency={invoice.currency} /> · open{" "}
          <MoneyText
            amount={invoice.openAmount}
            currency={invoice.currency}
            className="font-medium text-ink"
          />
          {invoice.inDispute ? (
            <>
              {" "}
              · <MoneyText amount={invoice.inDispute.amount} currency={invoice.currency} /> already in dispute
            </>
          ) : null}
        </p>
      </Card>
      <Card title="How the customer told us">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <label htmlFor="raise-channel" className={labelClass}>
              Channel
            </label>
            <select
              id="raise-channel"
              name="channel"
              defaultValue={v.channel ?? "PHONE"}
              aria-invalid={invalid("channel") || undefined}
              className={inputClass}
            >
              {CHANNELS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="raise-locale" className={labelClass}>
              Their language
            </label>
            <select id="raise-locale" name="locale" defaultValue={v.locale ?? "en"} className={inputClass}>
              {PORTAL_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="raise-contact-name" className={labelClass}>
              Contact name <span className="font-normal text-ink-muted">(optional)</span>
            </label>
            <input
              id="raise-contact-name"
              name="contactName"
              maxLength={200}
              autoComplete="off"
              defaultValue={v.contactName ?? ""}
              className={inputClass}
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="raise-contact-email" className={labelClass}>
              Contact e-mail <span className="font-normal text-ink-muted">(optional)</span>
            </label>
            <input
              id="raise-contact-email"
              name="contactEmail"
              type="email"
              maxLength={254}
              autoComplete="off"
              defaultValue={v.contactEmail ?? ""}
              aria-invalid={invalid("contactEmail") || undefined}
              aria-describedby="raise-contact-email-hint"
              className={inputClass}
            />
            <p id="raise-contact-email-hint" className="text-xs text-ink-faint">
              Kept informed of progress. Empty: the account's primary contact.
            </p>
          </div>
        </div>
      </Card>
      <Card title="What is disputed">
        <fieldset className="space-y-3">
          <legend className="sr-only">Scope</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value="WHOLE" defaultChecked={scope === "WHOLE"} />
            The whole open amount (<MoneyText amount={invoice.openAmount} currency={invoice.currency} />)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value="LINES" defaultChecked={scope === "LINES"} />
            Some lines (tick them below; an amount below the line total disputes part of it)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value="AMOUNT" defaultChecked={scope === "AMOUNT"} />
            An amount of the invoice
          </label>
        </fieldset>
        <div className="mt-4 max-w-xs space-y-1.5">
          <label htmlFor="raise-amount" className={labelClass}>
            Amount <span className="font-normal text-ink-muted">(for an amount, in {invoice.currency})</span>
          </label>
          <input
            id="raise-amount"
            name="amount"
            inputMode="decimal"
            maxLength={30}
            defaultValue={v.amount ?? ""}
            aria-invalid={invalid("amount") || undefined}
            className={inputClass}
          />
        </div>
        <div className="mt-5 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="mb-2 text-start text-sm font-medium text-ink">Invoice lines</caption>
            <thead>
              <tr className="text-xs text-ink-muted uppercase">
                <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
                  Dispute
                </th>
                <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
                  Line
                </th>
                <th scope="col" className="py-1.5 pe-3 text-end font-semibold">
                  Total
                </th>
                <th scope="col" className="py-1.5 text-end font-semibold">
                  Disputed amount
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((l) => (
                <tr key={l.lineNo} className="border-t border-line">
                  <td className="py-1.5 pe-3">
                    <input
                      id={`raise-line-${l.lineNo}`}
                      type="checkbox"
                      name="line"
                      value={l.lineNo}
                      defaultChecked={chosen.has(String(l.lineNo))}
                      disabled={l.openDispute !== null}
                      className="size-4"
                    />
                  </td>
                  <th scope="row" className="py-1.5 pe-3 text-start font-normal">
                    <label htmlFor={`raise-line-${l.lineNo}`}>
                      {l.lineNo}. {l.description}
                    </label>
                    {l.openDispute ? (
                      <Link
                        to={`/disputes/${l.openDispute.id}`}
                        className="ms-2 text-xs text-amber-800 underline"
                      >
                        in dispute D-{l.openDispute.number}
                      </Link>
                    ) : null}
                  </th>
                  <td className="py-1.5 pe-3 text-end">
                    <MoneyText amount={l.totalAmount} currency={invoice.currency} />
                  </td>
                  <td className="py-1.5 text-end">
                    <label htmlFor={`raise-line-amount-${l.lineNo}`} className="sr-only">
                      Disputed amount of line {l.lineNo}
                    </label>
                    <input
                      id={`raise-line-amount-${l.lineNo}`}
                      name={`lineAmount-${l.lineNo}`}
                      inputMode="decimal"
                      maxLength={30}
                      placeholder="Whole line"
                      defaultValue={v[`lineAmount-${l.lineNo}`] ?? ""}
                      disabled={l.openDispute !== null}
                      className={`${inputClass} ms-auto max-w-36 text-end`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Why">
        <div className="space-y-4">
          <div className="max-w-sm space-y-1.5">
            <label htmlFor="raise-reason" className={labelClass}>
              Reason
            </label>
            <select
              id="raise-reason"
              name="reason"
              defaultValue={v.reason ?? ""}
              aria-invalid={invalid("reason") || undefined}
              className={inputClass}
            >
              <option value="">Choose…</option>
              {DISPUTE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {DISPUTE_REASON[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="raise-description" className={labelClass}>
              What the customer says is wrong
            </label>
            <textarea
              id="raise-description"
              name="description"
              rows={5}
              maxLength={5000}
              defaultValue={v.description ?? ""}
              aria-invalid={invalid("description") || undefined}
              className={inputClass}
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="raise-files" className={labelClass}>
              Documents <span className="font-normal text-ink-muted">(optional)</span>
            </label>
            <input
              id="raise-files"
              type="file"
              name="files"
              multiple
              aria-describedby="raise-files-hint"
              className="block text-sm"
            />
            <p id="raise-files-hint" className="text-xs text-ink-faint">
              PDF, images, Office files, e-mails, CSV or text; up to {LIMITS.files} files of{" "}
              {LIMITS.megabytes} MB each.
            </p>
          </div>
        </div>
      </Card>
      <div className="flex gap-3">
        <Button type="submit" variant="primary" disabled={busy}>
          Log the dispute
        </Button>
        <LinkButton to="/disputes" variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </Form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
