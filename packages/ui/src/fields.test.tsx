import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfirmButton } from "./confirm-dialog.tsx";
import { DateField, MoneyField, SelectField, TextareaField, TextField } from "./fields.tsx";
import { FilterBar } from "./filter-bar.tsx";
import { MoneyFormatProvider, MoneyText, moneyText } from "./money-text.tsx";
import { listHref, StatusTabs } from "./status-tabs.tsx";
import { Toast } from "./toast.tsx";

const Schema = z.object({
  email: z.email("Enter an e-mail address."),
  amount: z.string({ error: "Enter an amount." }).min(1, "Enter an amount."),
  reason: z.enum(["PRICING", "DAMAGED"]),
  note: z.string().max(10).optional(),
});

/** A form whose last result is a failed submission of `values`, as an action would reply. */
function Failed({ values }: { values: Record<string, string> }) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  const lastResult = parseWithZod(data, { schema: Schema }).reply();
  const [, fields] = useForm({
    id: "f",
    lastResult,
    defaultValue: values,
    constraint: getZodConstraint(Schema),
  });
  return (
    <form>
      <TextField type="email" label="E-mail" field={fields.email} description="Where we write to." />
      <MoneyField label="Amount" field={fields.amount} currency="USD" />
      <SelectField
        label="Reason"
        field={fields.reason}
        placeholder="Choose…"
        options={[
          { value: "PRICING", label: "Pricing" },
          { value: "DAMAGED", label: "Damaged" },
        ]}
      />
      <TextareaField label="Note" field={fields.note} />
    </form>
  );
}

const html = (node: React.ReactNode) => renderToStaticMarkup(node);
/** The attributes of the first element matching a tag and name, as a map. */
function attrs(markup: string, tag: string, name: string): Record<string, string> {
  const match = new RegExp(`<${tag}[^>]*name="${name}"[^>]*>`).exec(markup);
  if (!match) throw new Error(`no <${tag} name="${name}">`);
  return Object.fromEntries([...match[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe("fields wired to Conform", () => {
  it("puts each field's error on its control, described by it, with the label tied to the control", () => {
    const markup = html(<Failed values={{ email: "nope", amount: "", reason: "PRICING", note: "" }} />);
    const email = attrs(markup, "input", "email");
    expect(email["aria-invalid"]).toBe("true");
    expect(email.type).toBe("email");
    expect(email.value).toBe("nope");
    const described = (email["aria-describedby"] ?? "").split(" ");
    expect(markup).toContain(`id="${described.find((id) => id.includes("error"))}"`);
    expect(markup).toContain("Enter an e-mail address.");
    expect(markup).toContain(`for="${email.id}"`);
    // The description stays described alongside the error.
    expect(described.some((id) => id.includes("description"))).toBe(true);

    const amount = attrs(markup, "input", "amount");
    expect(amount.inputmode ?? amount.inputMode).toBe("decimal");
    expect(amount["aria-invalid"]).toBe("true");
    expect(amount["aria-describedby"]).toContain("currency");
    expect(markup).toContain("Enter an amount.");

    const reason = attrs(markup, "select", "reason");
    expect(reason["aria-invalid"]).toBeUndefined();
    expect(markup).toContain('<option value="">Choose…</option>');
    // Constraints from the schema reach the browser: required fields are marked.
    expect(attrs(markup, "select", "reason").required).toBe("");
  });

  it("works without Conform for plain forms: name, errors and ids from props", () => {
    const markup = html(<DateField label="Due from" name="dueFrom" id="due-from" errors="Not a date." />);
    const input = attrs(markup, "input", "dueFrom");
    expect(input).toMatchObject({ id: "due-from", type: "date", "aria-invalid": "true" });
    expect(input["aria-describedby"]).toBe("due-from-error");
    expect(markup).toContain('<p id="due-from-error" class="text-sm text-red-700">Not a date.</p>');
  });
});

describe("status tabs and filter bar", () => {
  it("link each status with its count and mark the current one", () => {
    const router = createMemoryRouter(
      [
        {
          path: "/",
          element: (
            <StatusTabs
              label="Filter by status"
              current="open"
              formatCount={(n) => new Intl.NumberFormat("pt-BR").format(n)}
              tabs={[
                { key: "", label: "All", count: 1200, href: listHref("/x", { q: "acme" }) },
                { key: "open", label: "Open", count: 3, href: listHref("/x", { q: "acme", status: "open" }) },
              ]}
            />
          ),
        },
      ],
      { initialEntries: ["/"] },
    );
    const markup = html(<RouterProvider router={router} />);
    expect(markup).toContain('aria-label="Filter by status"');
    expect(markup).toMatch(/<a aria-current="page"[^>]*href="\/x\?q=acme&amp;status=open"/);
    expect(markup.match(/aria-current/g)).toHaveLength(1);
    expect(markup).toContain("1.200");
  });

  it("keeps hidden parameters, offers Clear only when something is set", () => {
    const bar = (active: boolean) => {
      const router = createMemoryRouter(
        [
          {
            path: "/",
            element: (
              <FilterBar
                text={{ label: "Filter", searchLabel: "Search", apply: "Apply", clear: "Clear" }}
                action="/disputes"
                query={active ? "acme" : ""}
                keep={{ status: "open", sort: undefined }}
                active={active}
              />
            ),
          },
        ],
        { initialEntries: ["/"] },
      );
      return html(<RouterProvider router={router} />);
    };
    expect(bar(true)).toContain('<input type="hidden" name="status" value="open"/>');
    expect(bar(true)).not.toContain('name="sort"');
    expect(bar(true)).toContain('href="/disputes?status=open"');
    expect(bar(false)).not.toContain("Clear");
    expect(bar(true)).toContain('role="search"');
  });
});

describe("confirm, toast and money", () => {
  it("asks in a dialog before submitting the intent", () => {
    const markup = html(
      <ConfirmButton title="Write off INV-1?" confirm="Write off 12.00" cancel="Cancel" value="write-off">
        Write off
      </ConfirmButton>,
    );
    const dialogId = /<dialog id="([^"]+)"/.exec(markup)?.[1];
    expect(dialogId).toBeTruthy();
    expect(markup).toContain(`commandfor="${dialogId}" command="show-modal"`);
    const submit = /<button type="submit"[^>]*>Write off 12.00<\/button>/.exec(markup)?.[0] ?? "";
    expect(submit).toContain('name="intent"');
    expect(submit).toContain('value="write-off"');
    // Inside the dialog: nothing submits before the confirmation.
    expect(markup.indexOf(submit)).toBeGreaterThan(markup.indexOf("<dialog"));
  });

  it("says an action's result in a live region", () => {
    expect(html(<Toast message="Saved." dismiss="Dismiss" />)).toMatch(
      /aria-live="polite".*role="status".*Saved\./,
    );
    expect(html(<Toast message="Refused." tone="danger" dismiss="Dismiss" />)).toMatch(/role="alert"/);
    expect(html(<Toast message={null} dismiss="Dismiss" />)).not.toContain("role=");
  });

  it("formats money with the app's formatter, and refuses to guess without one", () => {
    const format = (amount: bigint, currency: string) => `${currency} ${amount}`;
    expect(
      html(
        <MoneyFormatProvider format={format}>
          <MoneyText amount={-1250n} currency="EUR" locale="ar" tone="signed" />
        </MoneyFormatProvider>,
      ),
    ).toBe('<span dir="rtl" class="tabular whitespace-nowrap text-emerald-700">EUR -1250\u200E</span>');
    expect(moneyText(format, 5n, "USD", "en")).toBe("USD 5");
    expect(() => html(<MoneyText amount={1n} currency="USD" />)).toThrow(/MoneyFormatProvider/);
  });
});
