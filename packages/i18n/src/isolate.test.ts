import { describe, expect, it } from "vitest";
import { emailText } from "./emails.ts";
import { instancesPerLanguage } from "./instances.ts";
import { fillWords } from "./pdf.ts";

const NAME = "Maggio & Kovacek Corp.";
const FSI = "\u2068";
const PDI = "\u2069";

const sentences = instancesPerLanguage({
  resources: {
    en: { test: { owes: "{{customer}} owes {{amount}}." } },
    ar: { test: { owes: "على {{customer}} أن يدفع {{amount}}." } },
  },
  namespaces: ["test"],
  defaultNS: "test",
});

describe("values inside a right-to-left sentence", () => {
  it("are isolated in Arabic, so a Latin name keeps its final full stop", () => {
    expect(sentences("ar").t("owes", { customer: NAME, amount: "US$ 1,234.50" })).toBe(
      `على ${FSI}${NAME}${PDI} أن يدفع ${FSI}US$ 1,234.50${PDI}.`,
    );
  });

  it("are left as they are in left-to-right languages, and an empty value adds no marks", () => {
    expect(sentences("en").t("owes", { customer: NAME, amount: "$1.00" })).toBe(`${NAME} owes $1.00.`);
    expect(sentences("ar").t("owes", { customer: "", amount: "" })).toBe("على  أن يدفع .");
  });

  it("are isolated in Arabic e-mails and in every PDF label", () => {
    expect(emailText("ar", "greeting", { name: NAME })).toBe(`مرحبًا ${FSI}${NAME}${PDI}،`);
    expect(emailText("en", "greeting", { name: NAME })).toBe(`Hello ${NAME},`);
    expect(fillWords("{{page}} / {{pages}} {{missing}}", { page: 1, pages: 2 })).toBe(
      `${FSI}1${PDI} / ${FSI}2${PDI} {{missing}}`,
    );
  });
});
