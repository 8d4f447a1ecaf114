import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { PageLocaleProvider } from "./page-locale.tsx";
import { Pagination, type PaginationProps } from "./pagination.tsx";

// Words as an app passes them (here Brazilian Portuguese): nothing in the control is its own.
const text: PaginationProps["text"] = {
  pageOf: (page, pageCount) => `Página ${page} de ${pageCount}`,
  range: (first, last, total) => `${first}–${last} de ${total}`,
  previous: "Anterior",
  next: "Próxima",
};

function footer(url: string, props: Partial<PaginationProps> = {}) {
  const router = createMemoryRouter(
    [
      {
        path: "/customers",
        element: (
          <PageLocaleProvider locale="pt-BR">
            <Pagination
              page={2}
              pageCount={40}
              total={1_000}
              pageSize={25}
              label="Páginas de clientes"
              text={text}
              {...props}
            />
          </PageLocaleProvider>
        ),
      },
    ],
    { initialEntries: [url] },
  );
  return renderToStaticMarkup(<RouterProvider router={router} />);
}

describe("Pagination", () => {
  it("links the neighbouring pages keeping the other parameters, in the app's words and the page's numbers", () => {
    const markup = footer("/customers?q=acme&page=2&sort=name");
    expect(markup).toContain('<nav aria-label="Páginas de clientes"');
    expect(markup).toContain("Página 2 de 40");
    expect(markup).toContain("26–50 de 1.000");
    // Page 1 is the list without the parameter; the others keep their order.
    expect(markup).toMatch(/<a rel="prev"[^>]*href="\/customers\?q=acme&amp;sort=name"[^>]*>.*Anterior<\/a>/);
    expect(markup).toMatch(/<a rel="next"[^>]*href="\/customers\?q=acme&amp;page=3&amp;sort=name"/);
  });

  it("has no link past either end; a list's own parameter and locale are used", () => {
    const first = footer("/customers", { page: 1, pageCount: 1, total: 3 });
    expect(first).not.toContain("<a ");
    expect(first.match(/aria-disabled="true"/g)).toHaveLength(2);
    expect(first).toContain("1–3 de 3");
    const items = footer("/customers?items=4", { page: 4, param: "items", locale: "en-US", total: 1_000 });
    expect(items).toContain('href="/customers?items=3"');
    expect(items).toContain('href="/customers?items=5"');
    expect(items).toContain("76–100 de 1,000");
    // Past the end: back to the last page, no range.
    const past = footer("/customers?page=50", { page: 50 });
    expect(past).toContain('href="/customers?page=40"');
    expect(past).not.toContain(" de 1.000");
  });
});
