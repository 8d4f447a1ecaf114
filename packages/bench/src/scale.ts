/** How much data the benchmark runs against. Presets, or `--items N` with derived defaults. */
export interface Scale {
  /** Preset name, or "custom" when sizes were given by flag. */
  name: string;
  customers: number;
  /** Total open_item rows (debits, payments and credit memos), approximately. */
  items: number;
  /** open_item rows of the one "big" customer the page cases read (approximately). */
  bigCustomerItems: number;
  /**
   * How many of them are open (approximately): a key account in arrears, whose statement and
   * invoice list have thousands of open items to page, sort and age.
   */
  bigCustomerOpenItems: number;
}

export const SCALES = {
  small: { name: "small", customers: 100, items: 10_000, bigCustomerItems: 1_000, bigCustomerOpenItems: 700 },
  default: {
    name: "default",
    customers: 1_000,
    items: 100_000,
    bigCustomerItems: 7_000,
    bigCustomerOpenItems: 5_000,
  },
  large: {
    name: "large",
    customers: 10_000,
    items: 1_000_000,
    bigCustomerItems: 7_000,
    bigCustomerOpenItems: 5_000,
  },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export interface ScaleFlags {
  scale?: string;
  items?: string;
  customers?: string;
  bigItems?: string;
  bigOpen?: string;
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${flag} needs a positive whole number, got "${value}".`);
  return n;
}

/**
 * `--scale small|default|large`, optionally overridden by `--items N`, `--customers N` and
 * `--big-items N` and `--big-open N`. Without explicit customers, `--items` keeps the default's
 * 100 items per customer; the big customer stays at 7% of the items, at most 7,000 (5 in 7 of
 * them open), so its pages cost the same at every scale and only the table size around it grows.
 */
export function resolveScale(flags: ScaleFlags): Scale {
  const presetName = flags.scale ?? "default";
  if (!(presetName in SCALES)) {
    throw new Error(`Unknown --scale "${presetName}": use ${Object.keys(SCALES).join(", ")}.`);
  }
  const preset: Scale = SCALES[presetName as ScaleName];
  if (!flags.items && !flags.customers && !flags.bigItems && !flags.bigOpen) return preset;
  const items = flags.items ? positiveInt("items", flags.items) : preset.items;
  const customers = flags.customers
    ? positiveInt("customers", flags.customers)
    : flags.items
      ? Math.max(10, Math.round(items / 100))
      : preset.customers;
  const bigCustomerItems = flags.bigItems
    ? positiveInt("big-items", flags.bigItems)
    : flags.items
      ? Math.max(10, Math.min(7_000, Math.round(items * 0.07)))
      : preset.bigCustomerItems;
  const bigCustomerOpenItems = flags.bigOpen
    ? positiveInt("big-open", flags.bigOpen)
    : flags.items || flags.bigItems
      ? Math.round((bigCustomerItems * 5) / 7)
      : preset.bigCustomerOpenItems;
  if (customers < 4) throw new Error("--customers must be at least 4.");
  if (bigCustomerItems * 2 > items) throw new Error("--big-items must be at most half of --items.");
  if (bigCustomerOpenItems > bigCustomerItems * 0.8)
    throw new Error(
      "--big-open must be at most 80% of the big customer's items (the rest are its payments).",
    );
  return { name: "custom", customers, items, bigCustomerItems, bigCustomerOpenItems };
}

export const describeScale = (s: Scale) =>
  `${s.name}: ${s.customers.toLocaleString("en-US")} customers, ${s.items.toLocaleString("en-US")} items, ` +
  `big customer ${s.bigCustomerItems.toLocaleString("en-US")} items (${s.bigCustomerOpenItems.toLocaleString("en-US")} open)`;
