import { expect, type Page } from "@playwright/test";

/**
 * Chooses a language in the portal's header menu, as a customer would (the menu's label is in the
 * page's current language), and waits for the page to speak it.
 */
export async function chooseLanguage(page: Page, name: string, lang: string): Promise<void> {
  await page
    .locator("summary")
    .filter({ hasText: /^(Language|Idioma|اللغة): / })
    .first()
    .click();
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}
