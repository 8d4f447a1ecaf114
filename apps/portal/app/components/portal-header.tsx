import type { PortalRole } from "@settle/domain/actor";
import { Badge } from "@settle/ui/badge";
import { CsrfInput } from "@settle/ui/csrf-input";
import { Icon } from "@settle/ui/icon";
import { Form, Link } from "react-router";
import { ROLE_LABELS } from "~/lib/labels";
import { useCsrfToken } from "~/lib/root-data";
import { Brand } from "./brand";
import { Menu } from "./menu";

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

const menuItem =
  "flex w-full items-center gap-3 px-4 py-2.5 text-left text-sm text-ink hover:bg-slate-50 focus-visible:bg-slate-50";

export function PortalHeader({ user, accounts, currentCustomerId }: PortalHeaderProps) {
  const csrf = useCsrfToken();
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
                align="left"
                label={current ? `Switch account (current: ${current.name})` : "Choose an account"}
                summary={
                  <span className="flex min-w-0 items-center gap-2">
                    <Icon name="building" className="size-4 text-ink-faint" />
                    <span className="max-w-[9rem] truncate font-medium text-ink sm:max-w-xs">
                      {current ? current.name : "Choose an account"}
                    </span>
                  </span>
                }
              >
                <p className="border-b border-line px-4 py-2.5 text-xs font-semibold tracking-wide text-ink-faint uppercase">
                  Your accounts
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
                            className={menuItem}
                          >
                            <span className="min-w-0 flex-1">
                              <span className="block truncate font-medium">{account.name}</span>
                              <span className="block text-xs text-ink-faint">
                                Account {account.accountNumber} · {ROLE_LABELS[account.role]}
                              </span>
                            </span>
                            {isCurrent ? <Badge tone="brand">Current</Badge> : null}
                          </button>
                        </Form>
                      </li>
                    );
                  })}
                </ul>
                <Link to="/select-account" className={`${menuItem} border-t border-line text-brand-700`}>
                  See all accounts
                </Link>
              </Menu>
            </>
          ) : null}
        </div>

        <Menu
          label={`Your profile: ${user.name}`}
          summary={
            <span className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
              >
                {initials(user.name)}
              </span>
              <span className="hidden font-medium text-ink md:inline">{user.name}</span>
            </span>
          }
        >
          <div className="border-b border-line px-4 py-3">
            <p className="truncate text-sm font-medium text-ink">{user.name}</p>
            <p className="truncate text-xs text-ink-muted">{user.email}</p>
          </div>
          <div className="py-1">
            <Link to="/account/sessions" className={menuItem}>
              <Icon name="device" className="size-4 text-ink-faint" />
              Signed-in devices
            </Link>
            <Form method="post" action="/logout">
              <CsrfInput token={csrf} />
              <button type="submit" className={menuItem}>
                <Icon name="logout" className="size-4 text-ink-faint" />
                Sign out
              </button>
            </Form>
          </div>
        </Menu>
      </div>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => p?.[0]?.toUpperCase() ?? "").join("") || "?";
}
