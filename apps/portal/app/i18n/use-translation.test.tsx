import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, Trans } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nFor } from "./instance";
import { useTranslation } from "./use-translation";

function Day() {
  return <time>7 Dec</time>;
}

function Texts({ counts }: { counts: number[] }) {
  const { t } = useTranslation("statement");
  return (
    <p>
      {counts.map((n) => (
        <span key={n}>{t("table.count", { count: n })}|</span>
      ))}
      <span>{t("title")}|</span>
      <span>{t("common:kinds.INVOICE")}|</span>
      <Trans t={t} i18nKey="openAsOf" components={{ date: <Day /> }} />
    </p>
  );
}

const render = (locale: "en" | "pt-BR", counts: number[]) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor(locale)}>
      <Texts counts={counts} />
    </I18nextProvider>,
  );

describe("useTranslation", () => {
  it("gives the page's texts with plurals, other namespaces and Trans, the same on every render", () => {
    const first = render("en", [1, 2, 1]);
    expect(first).toContain("<span>1 document|</span><span>2 documents|</span>");
    expect(first).toContain("<span>Statement|</span><span>Invoice|</span>");
    expect(first).toContain("Open items as of <time>7 Dec</time>");
    // Remembered texts come back the same, and each language keeps its own.
    expect(render("en", [1, 2, 1])).toBe(first);
    const pt = render("pt-BR", [2]);
    expect(pt).toContain(`<span>${i18nFor("pt-BR").t("statement:table.count", { count: 2 })}|</span>`);
    expect(pt).not.toContain("2 documents");
  });

  it("refuses to work outside the provider", () => {
    expect(() => renderToStaticMarkup(<Texts counts={[]} />)).toThrow(/I18nextProvider/);
  });
});
