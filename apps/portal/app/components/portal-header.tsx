import type { PortalRole } from "@settle/domain/actor";
import { Badge } from "@settle/ui/badge";
import { CsrfInput } from "@settle/ui/csrf-input";
import { Icon } from "@settle/ui/icon";
import { Trans } from "react-i18next";
import { Form, Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useTextDirection } from "~/lib/root-data";
import { Brand } from "./brand";
import { LanguageMenu } from "./language-menu";
import { Menu, menuItemClass } from "./menu";

export interface HeaderAccount {
  customerId: string;
  name: string;
  accountNumber: string;
  role: PortalRole;
}

export interface PortalHeaderProps {
  user: { name: string; email: string };
  accounts: HeaderAccount[];
  /** The account the page shows (from the URL), else the session's active one. */
  currentCustomerId: string | null;
}

export function PortalHeader({ user, accounts, currentCustomerId }: PortalHeaderProps) {
  const { t } = useTranslation("common");
  const csrf = useCsrfToken();
  // Names keep their own direction (dir="auto", so long ones are cut at their end) but line up
  // with the page.
  const pageSide = useTextDirection() === "rtl" ? "text-right" : "text-left";
  const current = accounts.find((a) => a.customerId === currentCustomerId);
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex min-w-0 items-center gap-2 sm:gap-6">
          <Brand compact={accounts.length > 1} />
          {accounts.length > 1 ? (
            <>
              <span aria-hidden="true" className="hidden h-6 w-px bg-line sm:block" />
              <Menu
                align="start"
                summary={
                  <span className="flex min-w-0 items-center gap-2">
                    <Icon name="building" className="size-4 shrink-0 text-ink-faint" />
                    {current ? <span className="sr-only">{t("header.currentAccount")}: </span> : null}
                    <span dir="auto" className="max-w-[9rem] truncate font-medium text-ink sm:max-w-xs">
                      {current ? current.name : t("header.chooseAccount")}
                    </span>
                  </span>
                }
              >
                <p className="border-b border-line px-4 py-2.5 text-xs font-semibold tracking-wide text-ink-muted uppercase">
                  {t("header.yourAccounts")}
                </p>
                <ul className="max-h-80 overflow-y-auto py-1">
                  {accounts.map((account) => {
                    const isCurrent = account.customerId === currentCustomerId;
                    return (
                      <li key={account.customerId}>
                        <Form method="post" action="/select-account">
                          <CsrfInput token={csrf} />
                          <button
                            type="submit"
                            name="customerId"
                            value={account.customerId}
                            aria-current={isCurrent ? "true" : undefined}
                            className={menuItemClass}
                          >
                            <span className="min-w-0 flex-1">
                              <span dir="auto" className={`block truncate font-medium ${pageSide}`}>
                                {account.name}
                              </span>
                              <span className="block text-xs text-ink-muted">
                                <Trans
                                  t={t}
                                  i18nKey="header.accountLine"
                                  values={{ number: account.accountNumber, role: t(`roles.${account.role}`) }}
                                  components={{ bdi: <bdi /> }}
                                />
                              </span>
                            </span>
                            {isCurrent ? <Badge tone="brand">{t("header.current")}</Badge> : null}
                          </button>
                        </Form>
                      </li>
                    );
                  })}
                </ul>
                <Link to="/select-account" className={`${menuItemClass} border-t border-line text-brand-700`}>
                  {t("header.seeAllAccounts")}
                </Link>
              </Menu>
            </>
          ) : null}
        </div>

        <div className="flex shrink-0 items-center gap-1 sm:gap-2">
          <LanguageMenu />
          <Menu
            summary={
              <span className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
                >
                  {initials(user.name)}
                </span>
                <span className="sr-only">{t("header.profile")}: </span>
                <bdi className="sr-only font-medium text-ink md:not-sr-only">{user.name}</bdi>
              </span>
            }
          >
            <div className="border-b border-line px-4 py-3">
              <p dir="auto" className={`truncate text-sm font-medium text-ink ${pageSide}`}>
                {user.name}
              </p>
              <p className="truncate text-xs text-ink-muted">{user.email}</p>
            </div>
            <div className="py-1">
              <Link to="/account/sessions" className={menuItemClass}>
                <Icon name="device" className="size-4 text-ink-faint" />
                {t("header.signedInDevices")}
              </Link>
              <Form method="post" action="/logout">
                <CsrfInput token={csrf} />
                <button type="submit" className={menuItemClass}>
                  <Icon name="logout" className="size-4 text-ink-faint rtl:-scale-x-100" />
                  {t("header.signOut")}
                </button>
              </Form>
            </div>
          </Menu>
        </div>
      </div>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => p?.[0]?.toUpperCase() ?? "").join("") || "?";
}
