import { getPaymentMethods, type PaymentMethodsView } from "@settle/domain/payments/get-payment-methods";
import { removeSavedCard } from "@settle/domain/payments/remove-saved-card";
import { disableAutopay, enableAutopay, MAX_AUTOPAY_DAYS_BEFORE } from "@settle/domain/payments/set-autopay";
import { paymentMethodsPath, startCardSetup } from "@settle/domain/payments/start-card-setup";
import { sendStepUpCode, stepUpGrantedUntil, verifyStepUpCode } from "@settle/domain/portal/step-up";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { PageHeader } from "@settle/ui/page-header";
import { field, pageUrl } from "@settle/web/request.server";
import { data, Form, redirect, useNavigation } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { getLocale } from "~/i18n/i18n.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { actOrRefuse, loadOrRefuse } from "~/lib/access-refusals.server";
import { useCsrfToken } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-methods";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("payment-methods:title"));

/** What the page says after a redirect (`?done=`): a card added, removed, autopay on or off. */
const NOTICES = [
  "added",
  "removed",
  "removed-autopay-off",
  "autopay-on",
  "autopay-off",
  "code-sent",
] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const done = pageUrl(request).searchParams.get("done");
  return loadOrRefuse(async () => ({
    view: await getPaymentMethods(params.customerId, session.actor),
    stepUpUntil: await stepUpGrantedUntil(session.sessionId, session.actor),
    // Minutes rather than a clock time: the server does not know the visitor's time zone.
    now: new Date(),
    // From the loader, so the page's bundle does not pull the use case (and the database) in.
    maxDaysBefore: MAX_AUTOPAY_DAYS_BEFORE,
    notice: (NOTICES as readonly string[]).includes(done ?? "") ? (done as Notice) : null,
    // A fresh key per page: pressing "Add a card" twice opens one Checkout Session.
    idempotencyKey: crypto.randomUUID(),
  }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const session = await requirePortalSession(request);
  const { actor, sessionId } = session;
  const customerId = params.customerId;
  const back = (notice: Notice) => redirect(`${paymentMethodsPath(customerId)}?done=${notice}`);
  const intent = field(formData, "intent");
  switch (intent) {
    case "send-code":
      return actOrRefuse(
        async () => {
          // Only someone who may change payment methods here gets a code for it.
          await getPaymentMethods(customerId, actor);
          return sendStepUpCode(sessionId, actor);
        },
        () => back("code-sent"),
      );
    case "verify-code":
      return actOrRefuse(
        async () => {
          await getPaymentMethods(customerId, actor);
          return verifyStepUpCode({ code: field(formData, "code") ?? "" }, sessionId, actor);
        },
        () => redirect(paymentMethodsPath(customerId)),
      );
    case "add-card": {
      const locale = await getLocale(request);
      return actOrRefuse(
        () =>
          startCardSetup({ customerId, idempotencyKey: field(formData, "idempotencyKey") ?? "" }, actor, {
            portalUrl: env.portalUrl,
            sessionId,
            locale,
          }),
        (started) => redirect(started.checkoutUrl),
      );
    }
    case "remove-card":
      return actOrRefuse(
        () => removeSavedCard({ customerId, cardId: field(formData, "cardId") ?? "" }, actor, { sessionId }),
        (removed) => back(removed.autopayTurnedOff ? "removed-autopay-off" : "removed"),
      );
    case "enable-autopay":
      return actOrRefuse(
        () =>
          enableAutopay(
            {
              customerId,
              cardId: field(formData, "cardId") ?? "",
              currency: field(formData, "currency") ?? "",
              timing: field(formData, "timing") === "DAYS_BEFORE" ? "DAYS_BEFORE" : "ON_DUE_DATE",
              daysBefore: field(formData, "daysBefore") ?? "0",
            },
            actor,
            { sessionId },
          ),
        () => back("autopay-on"),
      );
    case "disable-autopay":
      return actOrRefuse(
        () => disableAutopay(customerId, actor),
        () => back("autopay-off"),
      );
    default:
      return data({ ok: false as const, reason: "failed", values: {} }, { status: 400 });
  }
}

export default function PaymentMethods({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation("payment-methods");
  const result = loaderData;
  const problem =
    actionData && "ok" in actionData && actionData.ok === false
      ? t(`errors.${actionData.reason}`, { defaultValue: t("errors.failed") })
      : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountNav customerId={params.customerId} />
      {result.ok ? (
        <div className="space-y-6">
          <div aria-live="polite" className="space-y-3 empty:hidden">
            {result.value.notice ? <Alert tone="success">{t(`notices.${result.value.notice}`)}</Alert> : null}
            {problem ? (
              <Alert tone="danger" title={t("problem")}>
                {problem}
              </Alert>
            ) : null}
          </div>
          <StepUp
            minutesLeft={
              result.value.stepUpUntil
                ? Math.max(
                    1,
                    Math.ceil(
                      (new Date(result.value.stepUpUntil).getTime() - new Date(result.value.now).getTime()) /
                        60_000,
                    ),
                  )
                : null
            }
            codeSent={result.value.notice === "code-sent" || actionData?.reason === "wrong-code"}
          />
          <Cards view={result.value.view} idempotencyKey={result.value.idempotencyKey} />
          <Autopay view={result.value.view} maxDaysBefore={result.value.maxDaysBefore} />
        </div>
      ) : (
        <Alert tone="warning" title={t("cannot")}>
          {t(`errors.${result.reason}`, { defaultValue: t("errors.failed") })}
        </Alert>
      )}
    </>
  );
}

function useBusy() {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod === "POST";
}

function StepUp({ minutesLeft, codeSent }: { minutesLeft: number | null; codeSent: boolean }) {
  const { t } = useTranslation("payment-methods");
  const csrfToken = useCsrfToken();
  const busy = useBusy();
  if (minutesLeft !== null) {
    return <p className="text-sm text-ink-muted">{t("stepUp.granted", { count: minutesLeft })}</p>;
  }
  const input =
    "block w-40 rounded-lg border-0 bg-surface px-3 py-2 text-sm tabular text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";
  return (
    <Card title={t("stepUp.title")}>
      <p className="mb-4 text-sm">{t("stepUp.why")}</p>
      <div className="flex flex-wrap items-end gap-6">
        <Form method="post">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="intent" value="send-code" />
          <Button type="submit" variant={codeSent ? "secondary" : "primary"} disabled={busy}>
            {codeSent ? t("stepUp.resend") : t("stepUp.send")}
          </Button>
        </Form>
        {codeSent ? (
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <CsrfInput token={csrfToken} />
            <input type="hidden" name="intent" value="verify-code" />
            <div>
              <label htmlFor="step-up-code" className="mb-1 block text-sm font-medium">
                {t("stepUp.code")}
              </label>
              <input
                id="step-up-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                dir="ltr"
                className={input}
              />
            </div>
            <Button type="submit" variant="primary" disabled={busy}>
              {t("stepUp.confirm")}
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}

function Cards({ view, idempotencyKey }: { view: PaymentMethodsView; idempotencyKey: string }) {
  const { t } = useTranslation("payment-methods");
  const csrfToken = useCsrfToken();
  const busy = useBusy();
  return (
    <Card title={t("cards.title")} flush>
      {view.cards.length === 0 ? (
        <p className="px-5 py-4 text-sm text-ink-muted">{t("cards.none")}</p>
      ) : (
        <ul className="divide-y divide-line">
          {view.cards.map((card) => (
            <li key={card.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
              <div className="text-sm">
                <span className="font-medium capitalize">{card.brand}</span>{" "}
                <span dir="ltr" className="tabular">
                  •••• {card.last4}
                </span>{" "}
                <span className="text-ink-muted">
                  {t("cards.expires", { date: `${String(card.expMonth).padStart(2, "0")}/${card.expYear}` })}
                </span>{" "}
                {card.expired ? (
                  <span className="ms-2 rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">
                    {t("cards.expired")}
                  </span>
                ) : null}
                {view.autopay?.enabled && view.autopay.savedCardId === card.id ? (
                  <span className="ms-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                    {t("cards.autopay")}
                  </span>
                ) : null}
              </div>
              <Form method="post">
                <CsrfInput token={csrfToken} />
                <input type="hidden" name="intent" value="remove-card" />
                <input type="hidden" name="cardId" value={card.id} />
                <Button type="submit" variant="ghost" disabled={busy}>
                  {t("cards.remove", { last4: card.last4 })}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="border-t border-line px-5 py-4">
        <CsrfInput token={csrfToken} />
        <input type="hidden" name="intent" value="add-card" />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("cards.add")}
        </Button>
        <p className="mt-2 text-xs text-ink-faint">{t("cards.stripeNote")}</p>
      </Form>
    </Card>
  );
}

function Autopay({ view, maxDaysBefore }: { view: PaymentMethodsView; maxDaysBefore: number }) {
  const { t } = useTranslation("payment-methods");
  const csrfToken = useCsrfToken();
  const busy = useBusy();
  const autopay = view.autopay;
  const usable = view.cards.filter((c) => !c.expired);
  const select =
    "block rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";
  return (
    <Card title={t("autopay.title")}>
      <p className="mb-4 text-sm">
        {autopay?.enabled
          ? t(autopay.timing === "DAYS_BEFORE" ? "autopay.onBefore" : "autopay.onDue", {
              count: autopay.daysBefore,
              currency: autopay.currency,
            })
          : t("autopay.off")}
      </p>
      {!autopay?.enabled && autopay?.disabledReason && autopay.disabledReason !== "user" ? (
        <Alert tone="warning">
          {t(`autopay.reasons.${autopay.disabledReason}`, { defaultValue: t("autopay.off") })}
        </Alert>
      ) : null}
      {usable.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("autopay.needsCard")}</p>
      ) : (
        <Form method="post" className="mt-4 grid gap-4 sm:max-w-md">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="intent" value="enable-autopay" />
          <div>
            <label htmlFor="autopay-card" className="mb-1 block text-sm font-medium">
              {t("autopay.card")}
            </label>
            <select
              id="autopay-card"
              name="cardId"
              defaultValue={autopay?.savedCardId ?? usable[0]?.id}
              className={select}
            >
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.brand} •••• {c.last4}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="autopay-currency" className="mb-1 block text-sm font-medium">
              {t("autopay.currency")}
            </label>
            <select id="autopay-currency" name="currency" defaultValue={autopay?.currency} className={select}>
              {view.currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">{t("autopay.when")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="timing"
                value="ON_DUE_DATE"
                defaultChecked={autopay?.timing !== "DAYS_BEFORE"}
              />
              {t("autopay.onDueDate")}
            </label>
            <label className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <input
                type="radio"
                name="timing"
                value="DAYS_BEFORE"
                defaultChecked={autopay?.timing === "DAYS_BEFORE"}
              />
              {t("autopay.daysBefore")}
              <input
                type="number"
                name="daysBefore"
                min={0}
                max={maxDaysBefore}
                defaultValue={autopay?.daysBefore ?? 3}
                aria-label={t("autopay.days")}
                className={`${select} w-20`}
              />
            </label>
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="primary" disabled={busy}>
              {autopay?.enabled ? t("autopay.save") : t("autopay.turnOn")}
            </Button>
          </div>
        </Form>
      )}
      {autopay?.enabled ? (
        <Form method="post" className="mt-4">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="intent" value="disable-autopay" />
          <Button type="submit" variant="ghost" disabled={busy}>
            {t("autopay.turnOff")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
