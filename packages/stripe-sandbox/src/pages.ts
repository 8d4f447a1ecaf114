import type Stripe from "stripe";
import { html, type SafeHtml } from "./html.ts";
import { formatAmount } from "./money.ts";
import { TEST_CARDS } from "./test-cards.ts";

const STYLE = `
:root { color-scheme: light; --ink: #1a1f36; --muted: #4f566b; --line: #c4c9d4; --accent: #0a5bd3; --error: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 960px; margin: 0 auto; padding: 24px 16px 48px; display: grid; gap: 32px; grid-template-columns: 1fr; }
@media (min-width: 800px) { main { grid-template-columns: 1fr 1fr; } }
header { grid-column: 1 / -1; display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 0 0 12px; }
.badge { background: #ffde92; color: #5c3b00; border-radius: 4px; padding: 2px 8px; font-size: .8rem; font-weight: 600; }
section, form.card { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px; padding: 20px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: start; padding: 8px 0; border-bottom: 1px solid #e3e8ee; vertical-align: top; }
td.num, th.num { text-align: end; white-space: nowrap; }
tfoot td, tfoot th { font-weight: 700; border-bottom: 0; font-size: 1.1rem; }
label { display: block; font-weight: 600; margin: 16px 0 4px; }
.hint { color: var(--muted); font-size: .875rem; margin: 0; }
input { width: 100%; font: inherit; padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
input[aria-invalid="true"] { border-color: var(--error); }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.field-error { color: var(--error); font-size: .875rem; margin: 4px 0 0; }
.alert { border: 2px solid var(--error); color: var(--error); background: #fdf1f0; border-radius: 6px; padding: 12px; margin: 0 0 16px; }
.alert a { color: var(--error); }
button { font: inherit; font-weight: 600; border: 0; border-radius: 6px; padding: 12px 16px; cursor: pointer; }
button.primary { width: 100%; margin-top: 24px; background: var(--accent); color: #fff; }
button.secondary { background: #e3e8ee; color: var(--ink); }
.actions { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 16px; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
input:focus-visible { outline: 3px solid #f5a623; outline-offset: 1px; border-color: var(--accent); }
details { margin-top: 16px; color: var(--muted); font-size: .875rem; }
details code { color: var(--ink); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export interface PageOptions {
  title: string;
  lang: string;
  nonce: string;
  body: SafeHtml;
}

export function page(o: PageOptions): string {
  return `<!doctype html>${html`<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${o.title}</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head>
<body>
${o.body}
</body>
</html>`}`;
}

export interface CheckoutForm {
  email: string;
  name: string;
  exp: string;
}

export type FieldErrors = Partial<Record<"email" | "number" | "exp" | "cvc" | "name", string>>;

export function localeOf(session: Stripe.Checkout.Session): string {
  return session.locale && session.locale !== "auto" ? session.locale : "en";
}

function header(merchant: string) {
  return html`<header><h1>${merchant}</h1><span class="badge">Test mode</span></header>`;
}

function summary(session: Stripe.Checkout.Session, items: Stripe.LineItem[], lang: string) {
  if (session.mode === "setup") {
    return html`<section aria-labelledby="summary-title">
  <h2 id="summary-title">Save a card</h2>
  <p>Save your card with this merchant for future payments. You will not be charged now.</p>
</section>`;
  }
  const rows = items.map(
    (li) => html`<tr>
      <td>${li.description}${li.quantity && li.quantity > 1 ? html`<br><span class="hint">Qty ${li.quantity} × ${formatAmount(li.price?.unit_amount ?? 0, li.currency, lang)}</span>` : ""}</td>
      <td class="num">${formatAmount(li.amount_total, li.currency, lang)}</td>
    </tr>`,
  );
  return html`<section aria-labelledby="summary-title">
  <h2 id="summary-title">Order summary</h2>
  <table>
    <thead><tr><th scope="col">Item</th><th scope="col" class="num">Amount</th></tr></thead>
    <tbody>${rows}</tbody>
    <tfoot><tr><th scope="row">Total due</th><td class="num" id="total">${formatAmount(session.amount_total ?? 0, session.currency ?? "usd", lang)}</td></tr></tfoot>
  </table>
</section>`;
}

function field(o: {
  id: keyof FieldErrors;
  label: string;
  type?: string;
  autocomplete: string;
  value?: string;
  errors: FieldErrors;
  hint?: string;
  inputmode?: string;
  placeholder?: string;
}) {
  const error = o.errors[o.id];
  const describedBy = [o.hint ? `${o.id}-hint` : "", error ? `${o.id}-error` : ""].filter(Boolean).join(" ");
  return html`<div>
  <label for="${o.id}">${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ""}
  <input id="${o.id}" name="${o.id}" type="${o.type ?? "text"}" autocomplete="${o.autocomplete}" required
    ${o.inputmode ? html`inputmode="${o.inputmode}"` : ""} ${o.placeholder ? html`placeholder="${o.placeholder}"` : ""}
    value="${o.value ?? ""}" ${error ? html`aria-invalid="true"` : ""} ${describedBy ? html`aria-describedby="${describedBy}"` : ""}>
  ${error ? html`<p class="field-error" id="${o.id}-error">${error}</p>` : ""}
</div>`;
}

export function checkoutPage(o: {
  session: Stripe.Checkout.Session;
  items: Stripe.LineItem[];
  merchant: string;
  nonce: string;
  form: CheckoutForm;
  errors: FieldErrors;
  decline: string | null;
}): string {
  const { session, errors } = o;
  const lang = localeOf(session);
  const total = formatAmount(session.amount_total ?? 0, session.currency ?? "usd", lang);
  const fieldOrder: (keyof FieldErrors)[] = ["email", "number", "exp", "cvc", "name"];
  const listed = fieldOrder.filter((f) => errors[f]);
  const alert = o.decline
    ? html`<div class="alert" role="alert" id="payment-error"><strong>Payment failed.</strong> ${o.decline} Try another card.</div>`
    : listed.length > 0
      ? html`<div class="alert" role="alert" id="form-errors"><strong>Check these fields:</strong>
          <ul>${listed.map((f) => html`<li><a href="#${f}">${errors[f]}</a></li>`)}</ul></div>`
      : "";
  const testCards = TEST_CARDS.map(
    (c) => html`<li><code>${c.number.replace(/(\d{4})(?=\d)/g, "$1 ")}</code> ${c.description}</li>`,
  );
  const body = html`<main>
${header(o.merchant)}
<div>
  ${summary(session, o.items, lang)}
  ${session.cancel_url ? html`<p><a href="${session.cancel_url}" id="cancel-link">← Back to ${o.merchant}</a></p>` : ""}
</div>
<form class="card" method="post" action="/c/pay/${session.id}" novalidate aria-labelledby="pay-title">
  <h2 id="pay-title">${session.mode === "setup" ? "Card details" : "Pay with card"}</h2>
  ${alert}
  ${field({ id: "email", label: "Email", type: "email", autocomplete: "email", value: o.form.email, errors })}
  ${field({ id: "number", label: "Card number", autocomplete: "cc-number", inputmode: "numeric", placeholder: "1234 1234 1234 1234", errors })}
  <div class="row">
    ${field({ id: "exp", label: "Expiry date", autocomplete: "cc-exp", inputmode: "numeric", placeholder: "MM / YY", hint: "MM / YY", value: o.form.exp, errors })}
    ${field({ id: "cvc", label: "Security code (CVC)", autocomplete: "cc-csc", inputmode: "numeric", placeholder: "CVC", errors })}
  </div>
  ${field({ id: "name", label: "Name on card", autocomplete: "cc-name", value: o.form.name, errors })}
  <button class="primary" type="submit" id="submit">${session.mode === "setup" ? "Save card" : html`Pay ${total}`}</button>
  <details><summary>Test cards</summary><p>Use any future expiry date and any CVC.</p><ul>${testCards}</ul></details>
</form>
</main>`;
  return page({
    title: session.mode === "setup" ? `Save a card – ${o.merchant}` : `Pay ${total} – ${o.merchant}`,
    lang,
    nonce: o.nonce,
    body,
  });
}

export function challengePage(o: {
  session: Stripe.Checkout.Session;
  merchant: string;
  nonce: string;
}): string {
  const lang = localeOf(o.session);
  const what =
    o.session.mode === "setup"
      ? "saving your card"
      : `a payment of ${formatAmount(o.session.amount_total ?? 0, o.session.currency ?? "usd", lang)}`;
  const body = html`<main>
${header(o.merchant)}
<form class="card" method="post" action="/c/pay/${o.session.id}/authenticate" aria-labelledby="challenge-title">
  <h2 id="challenge-title">3-D Secure authentication (simulated)</h2>
  <p>Your bank asks you to confirm ${what} to ${o.merchant}.</p>
  <p class="hint">This is a test page standing in for your bank's challenge.</p>
  <div class="actions">
    <button class="primary" type="submit" name="action" value="complete" id="complete">Complete</button>
    <button class="secondary" type="submit" name="action" value="fail" id="fail">Fail</button>
  </div>
</form>
</main>`;
  return page({ title: `Authenticate – ${o.merchant}`, lang, nonce: o.nonce, body });
}

export function messagePage(o: {
  title: string;
  message: string;
  link: { href: string; text: string } | null;
  merchant: string;
  nonce: string;
  lang: string;
}): string {
  const body = html`<main>
${header(o.merchant)}
<section aria-labelledby="message-title">
  <h2 id="message-title">${o.title}</h2>
  <p>${o.message}</p>
  ${o.link ? html`<p><a href="${o.link.href}">${o.link.text}</a></p>` : ""}
</section>
</main>`;
  return page({ title: `${o.title} – ${o.merchant}`, lang: o.lang, nonce: o.nonce, body });
}
