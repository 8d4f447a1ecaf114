import { type Browser, expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createPortalUserFor } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

/** The invitation link e-mailed to `email`, read from the outbox as the dev mailbox shows it. */
async function invitationLink(email: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const mail = await getDb().outboxEmail.findFirst({
      where: { toAddress: email.toLowerCase(), category: "portal.invitation" },
      orderBy: { createdAt: "desc" },
    });
    const link = mail?.textBody.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/)?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No invitation was e-mailed to ${email}`);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC" });
  return context.newPage();
}

test.describe("portal access", () => {
  test("an administrator invites a colleague as viewer, who signs in and cannot manage users or pay", async ({
    page,
    browser,
  }) => {
    // Two people, two sign-ins and four accessibility checks: more than the default minute.
    test.slow();
    const customer = await createCustomerWithInvoices();
    const other = await createCustomerWithInvoices();
    const admin = await createPortalUserFor([customer], "ADMIN");
    const colleague = `colleague-${crypto.randomUUID().slice(0, 8)}@e2e.example`;

    // The administrator invites a colleague as a viewer.
    await signInToPortal(page, admin.email, null);
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}$`));
    // An administrator finds user management from the account: a section tab and a link on the home page.
    await expect(
      page.locator("#access").getByRole("link", { name: "Manage users and invitations" }),
    ).toBeVisible();
    await page
      .getByRole("navigation", { name: "Account sections" })
      .getByRole("link", { name: "Users" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}/users$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and access");
    await expectAccessible(page, "users page");
    const invite = page.locator("form#invite");
    await invite.getByLabel("Name").fill("Vera Viewer");
    await invite.getByLabel("E-mail address").fill(colleague);
    await expect(invite.getByRole("radio", { name: /Viewer/ })).toBeChecked();
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${colleague}.`)).toBeVisible();
    const invitations = page.locator("#invitations");
    await expect(invitations.getByText(colleague, { exact: true })).toBeVisible();
    await expect(invitations.getByText("Pending")).toBeVisible();

    // The colleague follows the e-mailed link in their own browser and accepts.
    const link = await invitationLink(colleague);
    const viewer = await newPage(browser);
    const opened = await viewer.goto(link);
    expect(opened?.status()).toBe(200);
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("You're invited");
    await expect(viewer.getByText(customer.name)).toBeVisible();
    await expectAccessible(viewer, "invitation page");
    await viewer.getByRole("button", { name: "Accept and sign in" }).click();
    await expect(viewer).toHaveURL(new RegExp(`/accounts/${customer.id}$`));
    await expect(viewer.getByText(customer.invoiceNumbers[0]!).first()).toBeVisible();

    // Later, they sign in the usual way with an e-mailed code and land on the account.
    await viewer.context().clearCookies();
    await signInToPortal(viewer, colleague, null);
    await expect(viewer).toHaveURL(new RegExp(`/accounts/${customer.id}$`));
    await expect(viewer.getByText(customer.name).first()).toBeVisible();

    // The home page shows their role; nothing lets a viewer manage users or pay.
    await expect(viewer.locator("#access").getByText("Viewer", { exact: true })).toBeVisible();
    await expect(viewer.getByRole("link", { name: /users|invite|manage/i })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /invite|pay/i })).toHaveCount(0);
    await expect(viewer.getByRole("link", { name: /^pay\b|pay now|pay invoice/i })).toHaveCount(0);

    // The users page refuses a viewer (403, with the reason) and shows no controls; another
    // customer's users page does not exist for them (404).
    const refused = await viewer.goto(`${E2E.portalUrl}/accounts/${customer.id}/users`);
    expect(refused?.status()).toBe(403);
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("Only administrators manage users");
    await expect(viewer.locator("form#invite")).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /remove|withdraw|send/i })).toHaveCount(0);
    await expectAccessible(viewer, "users page refused");
    const csrf = await viewer.locator('input[name="csrf"]').first().inputValue();
    const posted = await viewer.request.post(`${E2E.portalUrl}/accounts/${customer.id}/users`, {
      form: { csrf, intent: "invite", name: "Sneaky", email: "sneaky@e2e.example", role: "ADMIN" },
    });
    expect(posted.status()).toBe(403);
    expect((await viewer.goto(`${E2E.portalUrl}/accounts/${other.id}/users`))?.status()).toBe(404);

    // The administrator now sees the colleague as a viewer.
    await page.reload();
    const users = page.locator("#users");
    await expect(users.getByText("Vera Viewer", { exact: true })).toBeVisible();
    await expect(users.getByRole("row").filter({ hasText: "Vera Viewer" }).locator("select")).toHaveValue(
      "VIEWER",
    );
    await expect(page.locator("#invitations").getByText(colleague)).toHaveCount(0);

    // The used link explains itself and offers a new invitation.
    const stranger = await newPage(browser);
    const reused = await stranger.goto(link);
    expect(reused?.status()).toBe(410);
    await expect(stranger.getByRole("heading", { level: 1 })).toHaveText(
      "This invitation has already been used",
    );
    await expectAccessible(stranger, "used invitation");
    await stranger.getByRole("button", { name: "Request a new invitation" }).click();
    await expect(stranger.getByText(/asked the account's administrators/)).toBeVisible();
    const nudge = await getDb().outboxEmail.findFirst({
      where: { toAddress: admin.email.toLowerCase(), category: "portal.invitation-renewal" },
    });
    expect(nudge?.subject).toContain("asks for a new invitation");

    await viewer.context().close();
    await stranger.context().close();
  });

  test("an unknown invitation link gets a clear page, not an error", async ({ page }) => {
    const response = await page.goto(`${E2E.portalUrl}/invitations/${"x".repeat(43)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation link doesn't work");
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});
