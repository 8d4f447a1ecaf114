import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type Stripe from "stripe";
import { authenticateCheckout, type CheckoutOutcome, type SessionMeta, submitCheckout } from "./checkout.ts";

import { formatAmount } from "./money.ts";
import {
  type CheckoutForm,
  challengePage,
  checkoutPage,
  type FieldErrors,
  localeOf,
  messagePage,
} from "./pages.ts";
import type { Sandbox } from "./sandbox.ts";
import { findTestCard, luhnValid, normalizeCardNumber } from "./test-cards.ts";

const NON_TEST_CARD =
  "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.";

export interface HostedRequest {
  method: string;
  path: string;
  body: URLSearchParams;
}

/** Parses and checks the payer's form the way Checkout's own page would. */
export function validatePayerForm(
  form: URLSearchParams,
  nowMs: number,
): {
  errors: FieldErrors;
  decline: string | null;
  values: CheckoutForm;
  card?: { number: string; expMonth: number; expYear: number };
} {
  const values: CheckoutForm = {
    email: (form.get("email") ?? "").trim(),
    name: (form.get("name") ?? "").trim(),
    exp: (form.get("exp") ?? "").trim(),
  };
  const errors: FieldErrors = {};
  if (!values.email) errors.email = "Your email address is incomplete.";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = "Your email address is invalid.";

  const number = normalizeCardNumber(form.get("number") ?? "");
  if (!number) errors.number = "Your card number is incomplete.";
  else if (!/^\d+$/.test(number) || !luhnValid(number)) errors.number = "Your card number is invalid.";

  let expMonth = 0;
  let expYear = 0;
  const m = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(values.exp.replace(/\s+/g, " "));
  if (!m) errors.exp = "Your card's expiration date is incomplete.";
  else {
    expMonth = Number(m[1]);
    expYear = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    const now = new Date(nowMs);
    const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
    if (expMonth < 1 || expMonth > 12) errors.exp = "Your card's expiration month is invalid.";
    else if (expYear * 12 + (expMonth - 1) < thisMonth)
      errors.exp = "Your card's expiration date is in the past.";
    else if (expYear > now.getUTCFullYear() + 50) errors.exp = "Your card's expiration year is invalid.";
  }

  const testCard = number && !errors.number ? findTestCard(number) : undefined;
  const cvc = (form.get("cvc") ?? "").trim();
  const cvcLength = testCard?.brand === "amex" ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(cvc)) errors.cvc = "Your card's security code is incomplete.";
  if (!values.name) errors.name = "Enter the name on the card.";

  if (Object.keys(errors).length > 0) return { errors, decline: null, values };
  if (!testCard) return { errors, decline: NON_TEST_CARD, values };
  return { errors, decline: null, values, card: { number, expMonth, expYear } };
}

/** The browser-facing pages: hosted Checkout, its 3-D Secure step, receipts. */
export function handleHosted(sb: Sandbox, req: HostedRequest, res: ServerResponse): boolean {
  const nonce = randomBytes(16).toString("base64");
  let m = /^\/c\/pay\/(cs_test_[A-Za-z0-9]+)(\/authenticate)?$/.exec(req.path);
  if (m) {
    const session = sb.find<Stripe.Checkout.Session>(m[1]!);
    if (session?.object !== "checkout.session") {
      send(
        res,
        404,
        messagePage({
          title: "Page not found",
          message: "This checkout link is not valid.",
          link: null,
          merchant: sb.merchantName,
          nonce,
          lang: "en",
        }),
        nonce,
        [],
      );
      return true;
    }
    const formTargets = [session.success_url, session.cancel_url].filter((u): u is string => !!u);
    const lang = localeOf(session);
    const closed = closedPage(sb, session, nonce, lang);
    if (closed) {
      send(res, session.status === "expired" ? 410 : 200, closed, nonce, formTargets);
      return true;
    }
    const meta = sb.meta<SessionMeta>(session.id)!;
    const render = (status: number, errors: FieldErrors, decline: string | null, form: CheckoutForm) =>
      send(
        res,
        status,
        checkoutPage({
          session,
          items: meta.lineItems,
          merchant: sb.merchantName,
          nonce,
          form,
          errors,
          decline,
        }),
        nonce,
        formTargets,
      );

    if (m[2]) {
      if (!meta.pending) {
        redirect(res, `/c/pay/${session.id}`);
        return true;
      }
      if (req.method === "GET") {
        send(res, 200, challengePage({ session, merchant: sb.merchantName, nonce }), nonce, formTargets);
        return true;
      }
      if (req.method !== "POST") return methodNotAllowed(res);
      const action = req.body.get("action");
      if (action !== "complete" && action !== "fail") {
        send(res, 400, challengePage({ session, merchant: sb.merchantName, nonce }), nonce, formTargets);
        return true;
      }
      const pending = meta.pending;
      const outcome = authenticateCheckout(sb, session, action === "complete" ? "passed" : "failed");
      return finish(outcome, (status, decline) =>
        render(status, {}, decline, { email: pending.email, name: pending.name, exp: "" }),
      );
    }

    if (req.method === "GET") {
      render(200, {}, null, {
        email: session.customer_details?.email ?? session.customer_email ?? "",
        name: "",
        exp: "",
      });
      return true;
    }
    if (req.method !== "POST") return methodNotAllowed(res);
    const checked = validatePayerForm(req.body, sb.nowMs());
    if (!checked.card) {
      render(checked.decline ? 402 : 400, checked.errors, checked.decline, checked.values);
      return true;
    }
    const outcome = submitCheckout(sb, session, {
      email: checked.values.email,
      name: checked.values.name,
      card: checked.card,
    });
    return finish(outcome, (status, decline) => render(status, {}, decline, { ...checked.values, exp: "" }));

    function finish(outcome: CheckoutOutcome, rerender: (status: number, decline: string) => void): boolean {
      if (outcome.kind === "completed") redirect(res, outcome.redirectUrl);
      else if (outcome.kind === "requires_action") redirect(res, `/c/pay/${session!.id}/authenticate`);
      else rerender(402, outcome.message);
      return true;
    }
  }

  m = /^\/receipts\/(ch_[A-Za-z0-9]+)$/.exec(req.path);
  if (m && req.method === "GET") {
    const charge = sb.find<Stripe.Charge>(m[1]!);
    if (charge?.object !== "charge" || charge.status !== "succeeded") {
      send(
        res,
        404,
        messagePage({
          title: "Receipt not found",
          message: "There is no receipt at this address.",
          link: null,
          merchant: sb.merchantName,
          nonce,
          lang: "en",
        }),
        nonce,
        [],
      );
      return true;
    }
    const card = charge.payment_method_details?.card;
    send(
      res,
      200,
      messagePage({
        title: "Receipt",
        message: `${formatAmount(charge.amount, charge.currency)} paid to ${sb.merchantName} on ${new Date(charge.created * 1000).toISOString().slice(0, 10)} with ${card?.brand ?? "card"} ending ${card?.last4 ?? "····"}${charge.amount_refunded > 0 ? `; ${formatAmount(charge.amount_refunded, charge.currency)} refunded` : ""}.`,
        link: null,
        merchant: sb.merchantName,
        nonce,
        lang: "en",
      }),
      nonce,
      [],
    );
    return true;
  }
  return false;
}

function closedPage(
  sb: Sandbox,
  session: Stripe.Checkout.Session,
  nonce: string,
  lang: string,
): string | null {
  if (session.status === "expired") {
    return messagePage({
      title: "This checkout session has expired",
      message: "The time to complete this payment has run out. Nothing was charged.",
      link: session.cancel_url ? { href: session.cancel_url, text: `Return to ${sb.merchantName}` } : null,
      merchant: sb.merchantName,
      nonce,
      lang,
    });
  }
  if (session.status === "complete") {
    return messagePage({
      title: session.mode === "setup" ? "Your card is saved" : "Payment complete",
      message:
        session.mode === "setup"
          ? "This card has been saved."
          : "This checkout session has already been paid.",
      link: {
        href: session.success_url!.replaceAll("{CHECKOUT_SESSION_ID}", session.id),
        text: `Continue to ${sb.merchantName}`,
      },
      merchant: sb.merchantName,
      nonce,
      lang,
    });
  }
  return null;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, nonce: string, formTargets: string[]): void {
  // form-action also governs where a form submission may redirect to (success/cancel URLs).
  const origins = [...new Set(formTargets.map(originOf).filter((o): o is string => !!o))];
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action 'self' ${origins.join(" ")}; base-uri 'none'; frame-ancestors 'none'`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
  });
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, "Cache-Control": "no-store" });
  res.end();
}

function methodNotAllowed(res: ServerResponse): true {
  res.writeHead(405, { "Content-Type": "text/plain; charset=utf-8", Allow: "GET, POST" });
  res.end("Method not allowed");
  return true;
}
