import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { createStaff } from "../support/data.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

test.describe("back office languages", () => {
  test("a staff user picks Arabic on the account page: right to left, everywhere, until they clear it", async ({
    page,
  }) => {
    const staff = await createStaff(["AR_MANAGER"]);
    await signInToBackoffice(page, staff);
    await page.goto(`${E2E.backofficeUrl}/`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByRole("link", { name: /Account and language/ }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.getByLabel("Language").selectOption("ar");
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(
      page.getByText("تم الحفظ: أصبح المكتب الخلفي يخاطبك باللغة \u2068العربية\u2069."),
    ).toBeVisible();

    // Every page follows, on any device: here the refund approval settings.
    await page.getByRole("link", { name: "اعتماد المبالغ المستردة" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("اعتماد المبالغ المستردة");
    await expect(page.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();

    await page.goto(`${E2E.backofficeUrl}/account`);
    await page.getByLabel("اللغة").selectOption("");
    await page.getByRole("button", { name: "حفظ" }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByText("Saved: the back office follows your browser's language.")).toBeVisible();
  });

  test.describe("without a choice", () => {
    test.use({ locale: "pt-BR" });

    test("the browser's language is used", async ({ page }) => {
      const staff = await createStaff(["COLLECTOR"]);
      await signInToBackoffice(page, staff);
      await page.goto(`${E2E.backofficeUrl}/customers`);
      await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clientes");
      await expect(page.getByRole("button", { name: "Sair" })).toBeVisible();
    });
  });
});
