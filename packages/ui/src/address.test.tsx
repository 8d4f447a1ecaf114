import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Address } from "./address.tsx";

describe("Address", () => {
  it("shows the stored lines in their order, each isolated, the name first", () => {
    const html = renderToStaticMarkup(
      <div dir="rtl">
        <Address
          name="Maggio & Kovacek Corp."
          nameClassName="font-medium"
          lines={["Rua Augusta, 1500 – Consolação", "01304-001 São Paulo – SP", "Brasil"]}
        />
      </div>,
    );
    expect(html).toBe(
      '<div dir="rtl"><address class="not-italic">' +
        '<span class="block"><bdi class="font-medium">Maggio &amp; Kovacek Corp.</bdi></span>' +
        '<span class="block"><bdi>Rua Augusta, 1500 – Consolação</bdi></span>' +
        '<span class="block"><bdi>01304-001 São Paulo – SP</bdi></span>' +
        '<span class="block"><bdi>Brasil</bdi></span></address></div>',
    );
  });

  it("keeps repeated lines", () => {
    const html = renderToStaticMarkup(<Address lines={["c/o", "c/o"]} className="text-sm" />);
    expect(html).toBe(
      '<address class="not-italic text-sm"><span class="block"><bdi>c/o</bdi></span><span class="block"><bdi>c/o</bdi></span></address>',
    );
  });
});
