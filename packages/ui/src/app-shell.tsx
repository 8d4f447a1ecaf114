import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";
import { cx } from "./cx.ts";
import { Icon, type IconName } from "./icon.tsx";
import { Logo } from "./logo.tsx";

export interface NavItem {
  to: string;
  label: string;
  icon?: IconName;
  /** Match the path exactly (for "/"). */
  end?: boolean;
  /** A count beside the label (e.g. what waits for the reader), with its words for screen readers. */
  badge?: { count: number; label: string };
}

export interface AppShellProps {
  /** Product name shown next to the logo, e.g. "Back office". */
  product: string;
  homeHref?: string;
  nav: NavItem[];
  /** Secondary navigation under the main items (account, developer tools). */
  secondaryNav?: NavItem[];
  /** Right side of the top bar: the signed-in user and sign-out. */
  userArea?: ReactNode;
  /** Shown above the main content, e.g. flash messages. */
  banner?: ReactNode;
  /** The shell's own words in the page's language (English by default). */
  words?: { skipToMain: string; main: string; sections: string; more: string };
  children: ReactNode;
}

const ENGLISH = { skipToMain: "Skip to main content", main: "Main", sections: "Sections", more: "More" };

function NavList({ items, label }: { items: NavItem[]; label: string }) {
  return (
    <ul aria-label={label} className="flex gap-1 lg:flex-col">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.end}
            className={({ isActive }) =>
              cx(
                "flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                isActive ? "bg-brand-50 text-brand-700" : "text-ink-muted hover:bg-slate-100 hover:text-ink",
              )
            }
          >
            {item.icon ? <Icon name={item.icon} className="size-4.5" /> : null}
            {item.label}
            {item.badge && item.badge.count > 0 ? (
              <span className="ms-auto rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white tabular-nums">
                <span aria-hidden="true">{item.badge.count}</span>
                <span className="sr-only">{item.badge.label}</span>
              </span>
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * The page frame both apps share: a skip link, a top bar (brand, user area), side navigation
 * (a scrolling row on small screens) and the main landmark.
 */
export function AppShell({
  product,
  homeHref = "/",
  nav,
  secondaryNav,
  userArea,
  banner,
  words = ENGLISH,
  children,
}: AppShellProps) {
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-surface px-4 py-2 text-sm font-medium text-brand-700 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {words.skipToMain}
      </a>
      <header className="sticky top-0 z-30 border-b border-line bg-surface/90 backdrop-blur">
        <div className="flex h-14 items-center justify-between gap-4 px-4 sm:px-6">
          <Link to={homeHref} className="flex items-center gap-2.5 rounded-lg">
            <Logo />
            <span className="text-[15px] font-semibold tracking-tight text-ink">Settle</span>
            <span className="hidden rounded-md bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-ink-muted sm:inline">
              {product}
            </span>
          </Link>
          <div className="flex items-center gap-3">{userArea}</div>
        </div>
      </header>
      <div className="lg:flex lg:min-h-[calc(100dvh-3.5rem)]">
        {/* The column carries the background and border to the bottom; the nav inside stays in view. */}
        <div className="border-b border-line bg-surface lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0">
          <nav
            aria-label={words.main}
            className="overflow-x-auto px-4 py-2 lg:sticky lg:top-14 lg:px-3 lg:py-5"
          >
            <div className="flex gap-1 lg:flex-col lg:gap-6">
              <NavList items={nav} label={words.sections} />
              {secondaryNav?.length ? (
                <div className="flex gap-1 border-l border-line pl-1 lg:flex-col lg:border-t lg:border-l-0 lg:pt-4 lg:pl-0">
                  <NavList items={secondaryNav} label={words.more} />
                </div>
              ) : null}
            </div>
          </nav>
        </div>
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-10 lg:py-8"
        >
          <div className="mx-auto max-w-7xl">
            {banner ? <div className="mb-6 space-y-3">{banner}</div> : null}
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
