import { getPaymentMethods } from "@settle/domain/payments/get-payment-methods";
import {
  MAX_AUTOPAY_DAYS_BEFORE,
  PaymentMethodsFormSchema,
} from "@settle/domain/payments/payment-method-forms";
import { removeSavedCard } from "@settle/domain/payments/remove-saved-card";
import { disableAutopay, enableAutopay } from "@settle/domain/payments/set-autopay";
import { paymentMethodsPath, startCardSetup } from "@settle/domain/payments/start-card-setup";
import { sendStepUpCode, stepUpGrantedUntil, verifyStepUpCode } from "@settle/domain/portal/step-up";
import { Alert } from "@settle/ui/alert";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { pageUrl } from "@settle/web/request.server";
import { isRouteErrorResponse, redirect, useParams, useRouteError } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { AutopayCard } from "~/components/payment-methods/autopay-card";
import { paymentMethodFieldWords } from "~/components/payment-methods/payment-method-words";
import { SavedCards } from "~/components/payment-methods/saved-cards";
import { StepUpCard } from "~/components/payment-methods/step-up-card";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { refusalWordsFor, wordsFor } from "~/lib/form-words.server";
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
  return load(async () => ({
    view: await getPaymentMethods(params.customerId, session.actor),
    stepUpUntil: await stepUpGrantedUntil(session.sessionId, session.actor),
    // Minutes rather than a clock time: the server does not know the visitor's time zone.
    now: new Date(),
    maxDaysBefore: MAX_AUTOPAY_DAYS_BEFORE,
    notice: (NOTICES as readonly string[]).includes(done ?? "") ? (done as Notice) : null,
    // A fresh key per page: pressing "Add a card" twice opens one Checkout Session.
    idempotencyKey: crypto.randomUUID(),
  }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const { actor, sessionId } = await requirePortalSession(request);
  const { customerId } = params;
  const { locale, t } = await wordsFor(request);
  const back = (notice: Notice) => `${paymentMethodsPath(customerId)}?done=${notice}`;
  return submitForm(
    formData,
    PaymentMethodsFormSchema,
    async (input): Promise<string> => {
      switch (input.intent) {
        case "send-code":
          // Only someone who may change payment methods here gets a code for it.
          await getPaymentMethods(customerId, actor);
          await sendStepUpCode(sessionId, actor);
          return back("code-sent");
        case "verify-code":
          await getPaymentMethods(customerId, actor);
          await verifyStepUpCode({ code: input.code }, sessionId, actor);
          return paymentMethodsPath(customerId);
        case "add-card": {
          const { idempotencyKey } = input;
          const started = await startCardSetup({ customerId, idempotencyKey }, actor, {
            portalUrl: env.portalUrl,
            sessionId,
            locale,
          });
          return started.checkoutUrl;
        }
        case "remove-card": {
          const removed = await removeSavedCard({ customerId, cardId: input.cardId }, actor, { sessionId });
          return back(removed.autopayTurnedOff ? "removed-autopay-off" : "removed");
        }
        case "enable-autopay":
          await enableAutopay({ ...input, customerId }, actor, { sessionId });
          return back("autopay-on");
        case "disable-autopay":
          await disableAutopay(customerId, actor);
          return back("autopay-off");
      }
    },
    {
      words: refusalWordsFor(t, "payment-methods:errors"),
      formatError: paymentMethodFieldWords(t),
      // Every form goes on to a page: the notice, Stripe's, or the page afresh.
      done: (to) => redirect(to),
    },
  );
}

export default function PaymentMethods({ loaderData: page, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation("payment-methods");
  const intent = actionData?.reply.initialValue?.intent;
  // The code and autopay forms show their own field errors; anything else is said at the top.
  const problems = Object.entries(actionData?.reply.error ?? {})
    .filter(
      ([name]) =>
        name === "" || (name !== "intent" && intent !== "verify-code" && intent !== "enable-autopay"),
    )
    .flatMap(([, messages]) => messages ?? []);
  const minutesLeft = page.stepUpUntil
    ? Math.max(1, Math.ceil((new Date(page.stepUpUntil).getTime() - new Date(page.now).getTime()) / 60_000))
    : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountNav customerId={params.customerId} />
      <div className="space-y-6">
        <div aria-live="polite" className="space-y-3 empty:hidden">
          {page.notice ? <Alert tone="success">{t(`notices.${page.notice}`)}</Alert> : null}
          {problems.length ? (
            <Alert tone="danger" title={t("problem")}>
              {problems.join(" ")}
            </Alert>
          ) : null}
        </div>
        <StepUpCard
          minutesLeft={minutesLeft}
          codeSent={page.notice === "code-sent" || intent === "verify-code"}
          lastResult={intent === "verify-code" ? actionData?.reply : undefined}
        />
        <SavedCards view={page.view} idempotencyKey={page.idempotencyKey} />
        <AutopayCard
          view={page.view}
          maxDaysBefore={page.maxDaysBefore}
          lastResult={intent === "enable-autopay" ? actionData?.reply : undefined}
        />
      </div>
    </>
  );
}

/** Who may not manage payment methods here (a viewer; card payments off) is told why. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("payment-methods");
  const { customerId = "" } = useParams();
  const reason = isRouteErrorResponse(error)
    ? (error.data as { reason?: unknown } | null)?.reason
    : undefined;
  if (typeof reason !== "string") return <RouteError />;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountNav customerId={customerId} />
      <Alert tone="warning" title={t("cannot")}>
        {t(`errors.${reason}`, { defaultValue: t("errors.failed") })}
      </Alert>
    </>
  );
}
