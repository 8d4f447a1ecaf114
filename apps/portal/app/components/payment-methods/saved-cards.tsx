import type { PaymentMethodsView } from "@settle/domain/payments/get-payment-methods";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { Form } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { useBusy } from "./payment-method-words";

/** The account's saved cards, each with its remove button, and the button that adds one through Stripe. */
export function SavedCards({ view, idempotencyKey }: { view: PaymentMethodsView; idempotencyKey: string }) {
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
