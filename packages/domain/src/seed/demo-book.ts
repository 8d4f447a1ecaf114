/**
 * Builds the whole demo book in memory: legal entities, staff, customers with contacts and
 * portal access, 18 months of invoices with the payments, credit memos and applications that
 * customers of different habits produce. Pure bigint arithmetic, no database: seed-demo.ts
 * inserts the result in bulk.
 *
 * Determinism: every random choice comes from fakers with fixed seeds, and every date is a
 * whole number of days relative to the reference date. The same seed therefore gives the same
 * customers, document numbers and amounts on any day; only the calendar dates move, so the book
 * always looks current (aging buckets, "recent" invoices) without any randomness depending on
 * the clock.
 */
import type { Faker } from "@faker-js/faker";
import type { PaymentMethod, PortalRole, RiskClass, StaffRole } from "../db/generated/enums.ts";
import { priceLine } from "../ledger/create-invoice.ts";
import { allocate, minBig, percentOfBp, sumAmounts } from "../money/money.ts";
import {
  BRANCH_NAMES,
  CATALOG,
  CREDIT_REASONS,
  DEMO_LEGAL_ENTITIES,
  DEMO_PORTAL_EMAIL,
  DEMO_STAFF,
  type DemoLegalEntity,
  type DemoLocale,
  FREIGHT,
  JOB_TITLES,
  type PaymentTermsCode,
  PLACES_BY_COUNTRY,
  type Place,
  type Product,
  TERMS_DAYS,
} from "./demo-data.ts";
import {
  buildAddress,
  buildCompanyName,
  buildContact,
  type ContactRow,
  type CustomerRow,
  createFaker,
  drawQuantityMilli,
  type LegalEntityRow,
  lineTaxRateBp,
  slugify,
  unitPriceFor,
} from "./factories.ts";

export const DEMO_SEED = 2026;
/** About 18 months of history. */
export const HISTORY_DAYS = 548;
const TARGET_INVOICES = 5_400n;
const PORTAL_CUSTOMERS = 50;
const DAY_MS = 86_400_000;
const SEED_ACTOR = "seed";

// ---------------------------------------------------------------- rows (as inserted)

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  createdAt: Date;
}

export interface PortalUserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  createdAt: Date;
}

export interface MembershipRow {
  id: string;
  portalUserId: string;
  customerId: string;
  role: PortalRole;
  createdAt: Date;
}

export type DemoItemKind = "INVOICE" | "CREDIT_MEMO" | "PAYMENT";

export interface OpenItemRow {
  id: string;
  customerId: string;
  legalEntityId: string;
  kind: DemoItemKind;
  number: string;
  currency: string;
  amount: bigint;
  openAmount: bigint;
  documentDate: Date;
  dueDate: Date | null;
  reference: string | null;
  poNumber: string | null;
  description: string | null;
  paymentMethod: PaymentMethod | null;
  createdById: string;
  createdAt: Date;
}

export interface InvoiceLineRow {
  id: string;
  itemId: string;
  lineNo: number;
  sku: string | null;
  description: string;
  quantityMilli: bigint;
  unitPrice: bigint;
  taxRateBp: number;
  netAmount: bigint;
  taxAmount: bigint;
}

export interface ApplicationRow {
  id: string;
  kind: "APPLY";
  customerId: string;
  creditItemId: string;
  debitItemId: string;
  currency: string;
  amount: bigint;
  actorType: string;
  actorId: string;
  createdAt: Date;
}

export interface DemoPortalSignIn {
  email: string;
  accounts: { accountNumber: string; name: string; role: PortalRole }[];
}

export interface DemoBook {
  referenceDate: Date;
  legalEntities: LegalEntityRow[];
  staff: StaffRow[];
  customers: CustomerRow[];
  contacts: ContactRow[];
  portalUsers: PortalUserRow[];
  memberships: MembershipRow[];
  items: OpenItemRow[];
  lines: InvoiceLineRow[];
  applications: ApplicationRow[];
  demoPortal: DemoPortalSignIn;
}

// ---------------------------------------------------------------- customer behaviour

/** How a customer pays; drives every settlement the generator draws for it. */
type Profile = "PROMPT" | "LATE" | "PARTIAL" | "DELINQUENT";
type Tier = "SMALL" | "MEDIUM" | "LARGE" | "KEY";

const TIERS: Record<Tier, { weight: number; invoiceWeight: number; creditMajor: bigint; sizePct: number }> = {
  SMALL: { weight: 35, invoiceWeight: 10, creditMajor: 10_000n, sizePct: 50 },
  MEDIUM: { weight: 35, invoiceWeight: 25, creditMajor: 50_000n, sizePct: 100 },
  LARGE: { weight: 22, invoiceWeight: 50, creditMajor: 150_000n, sizePct: 160 },
  KEY: { weight: 8, invoiceWeight: 90, creditMajor: 400_000n, sizePct: 250 },
};

const PROFILE_WEIGHTS: { weight: number; value: Profile }[] = [
  { weight: 48, value: "PROMPT" },
  { weight: 26, value: "LATE" },
  { weight: 17, value: "PARTIAL" },
  { weight: 9, value: "DELINQUENT" },
];

const RISK_BY_PROFILE: Record<Profile, { weight: number; value: RiskClass }[]> = {
  PROMPT: [
    { weight: 70, value: "LOW" },
    { weight: 30, value: "MEDIUM" },
  ],
  LATE: [
    { weight: 60, value: "MEDIUM" },
    { weight: 40, value: "HIGH" },
  ],
  PARTIAL: [
    { weight: 40, value: "MEDIUM" },
    { weight: 60, value: "HIGH" },
  ],
  DELINQUENT: [
    { weight: 50, value: "HIGH" },
    { weight: 50, value: "CRITICAL" },
  ],
};

const CREDIT_MEMO_RATE: Record<Profile, number> = {
  PROMPT: 0.025,
  LATE: 0.035,
  PARTIAL: 0.07,
  DELINQUENT: 0.05,
};

const METHODS_BY_COUNTRY: Record<string, { weight: number; value: PaymentMethod }[]> = {
  US: [
    { weight: 45, value: "BANK_TRANSFER" },
    { weight: 25, value: "CHECK" },
    { weight: 20, value: "LOCKBOX" },
    { weight: 10, value: "CARD" },
  ],
  // "OTHER" is the boleto bancário, Brazil's printed bank slip.
  BR: [
    { weight: 70, value: "BANK_TRANSFER" },
    { weight: 20, value: "OTHER" },
    { weight: 10, value: "CARD" },
  ],
  DE: [
    { weight: 90, value: "BANK_TRANSFER" },
    { weight: 10, value: "CARD" },
  ],
};

// The demo portal user's accounts show every kind of behaviour.
const DEMO_GROUP_PROFILES: Profile[] = ["LATE", "PROMPT", "PARTIAL", "DELINQUENT", "PROMPT"];
const DEMO_GROUP_ROLES: PortalRole[] = ["ADMIN", "ADMIN", "PAYER", "PAYER", "VIEWER"];

interface EntityPlan {
  spec: DemoLegalEntity;
  row: LegalEntityRow;
}

interface CustomerPlan {
  row: CustomerRow;
  entity: EntityPlan;
  locale: DemoLocale;
  place: Place;
  taxRateBp: number;
  profile: Profile;
  tier: Tier;
  sinceDay: number;
  discountBp: number;
  products: Product[];
  /** Weekly payment-run offset for customers who remit in batches, else null. */
  batchOffset: number | null;
  method: PaymentMethod;
  slugBase: string;
  contacts: ContactRow[];
  parent: CustomerPlan | null;
}

interface DraftItem {
  row: OpenItemRow;
  day: number;
  customer: CustomerPlan;
  lines?: InvoiceLineRow[];
  /** Fills the description once document numbers are known. */
  describe?: () => string | null;
}

interface DraftApplication {
  id: string;
  credit: DraftItem;
  debit: DraftItem;
  amount: bigint;
  day: number;
}

export interface BuildDemoBookOptions {
  /** "Today" for the book; defaults to the current date (UTC). Only dates depend on it. */
  referenceDate?: Date;
  /** The moment of seeding (default: now): nothing in the book happens after it. */
  now?: Date;
  seed?: number;
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Whole currency units, rounded down (partial and on-account payments are round sums). */
const roundDownToUnits = (amount: bigint, unit: bigint) => (amount / unit) * unit;

export function buildDemoBook(options: BuildDemoBookOptions = {}): DemoBook {
  const now = (options.now ?? new Date()).getTime();
  const ref = startOfUtcDay(options.referenceDate ?? new Date(now));
  const seed = options.seed ?? DEMO_SEED;
  // Separate streams for ids and names, so changing how a name is drawn does not reshuffle amounts.
  const rng = createFaker(seed);
  const ids = createFaker(seed + 1);
  const people: Record<DemoLocale, Faker> = {
    en: createFaker(seed + 2, "en"),
    "pt-BR": createFaker(seed + 3, "pt-BR"),
    de: createFaker(seed + 4, "de"),
  };
  const uuid = () => ids.string.uuid();
  const int = (min: number, max: number) => rng.number.int({ min, max });
  const chance = (probability: number) => rng.datatype.boolean({ probability });
  const dateOf = (day: number) => new Date(ref.getTime() + day * DAY_MS);
  // A moment of a day at a time of day; on the day of seeding, the day's hours are squeezed into
  // the part that has gone by, so that no event is dated after the seeding (nor out of order).
  const timeOf = (day: number, minute: number) => {
    const start = ref.getTime() + day * DAY_MS;
    const at = start + minute * 60_000;
    if (at <= now) return new Date(at);
    const gone = Math.max(0, now - start);
    return new Date(Math.min(start + Math.floor((minute * 60_000 * gone) / DAY_MS), now));
  };

  // ------------------------------------------------------------ organisation and staff
  const entities: EntityPlan[] = DEMO_LEGAL_ENTITIES.map((spec) => ({
    spec,
    row: {
      id: uuid(),
      code: spec.code,
      name: spec.name,
      currency: spec.currency,
      country: spec.country,
      taxId: spec.taxId,
      remitToName: spec.remitToName,
      remitToAddress: [...spec.remitToAddress],
      bankName: spec.bankName,
      bankAccountName: spec.bankAccountName,
      bankAccount: spec.bankAccount,
      bankRouting: spec.bankRouting,
      iban: spec.iban,
      swift: spec.swift,
    },
  }));
  const staff: StaffRow[] = DEMO_STAFF.map((s) => ({
    id: uuid(),
    email: s.email,
    name: s.name,
    roles: [...s.roles],
    createdAt: dateOf(-HISTORY_DAYS - 60),
  }));
  const collectorFor = (code: string) => staff[DEMO_STAFF.findIndex((s) => s.collects === code)]?.id ?? null;

  // ------------------------------------------------------------ customers
  const plans: CustomerPlan[] = [];
  const groupsByEntity = new Map<string, CustomerPlan[][]>();
  const usedNames = new Set<string>();
  const usedSlugs = new Set<string>();

  const uniqueSlug = (wanted: string) => {
    let slug = wanted.slice(0, 40).replace(/-+$/, "");
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${wanted.slice(0, 36)}-${n}`;
    usedSlugs.add(slug);
    return slug;
  };

  for (const entity of entities) {
    const { spec } = entity;
    const f = people[spec.locale];
    let accountSeq = 0;
    const groups: CustomerPlan[][] = [];
    groupsByEntity.set(spec.code, groups);

    const addCustomer = (opts: { parent?: CustomerPlan; tier?: Tier; profile?: Profile }): CustomerPlan => {
      const { parent = null } = opts;
      const place = rng.helpers.arrayElement(PLACES_BY_COUNTRY[spec.country] ?? []);
      const address = buildAddress(f, spec.country, place);
      let name: string;
      let slugBase: string;
      if (parent) {
        name = `${parent.row.name} – ${BRANCH_NAMES[spec.locale](place.city)}`;
        slugBase = `${parent.slugBase}-${slugify(place.city)}`;
      } else {
        let company = buildCompanyName(f, spec.locale, place.city);
        while (usedNames.has(company.name)) company = buildCompanyName(f, spec.locale, place.city);
        name = company.name;
        slugBase = company.slugBase;
      }
      usedNames.add(name);
      const slug = uniqueSlug(slugBase);
      const terms: PaymentTermsCode = parent
        ? (parent.row.paymentTermsCode as PaymentTermsCode)
        : rng.helpers.weightedArrayElement(
            Object.entries(spec.termsWeights).map(([value, weight]) => ({
              value: value as PaymentTermsCode,
              weight,
            })),
          );
      const profile = opts.profile ?? rng.helpers.weightedArrayElement(PROFILE_WEIGHTS);
      const tier =
        opts.tier ??
        rng.helpers.weightedArrayElement(
          (Object.keys(TIERS) as Tier[]).map((value) => ({ value, weight: TIERS[value].weight })),
        );
      // Most customers predate the history window; about one in eight started within it.
      const sinceDay = parent
        ? Math.min(parent.sinceDay + int(0, 400), -60)
        : chance(0.88)
          ? -HISTORY_DAYS - int(30, 2500)
          : -int(60, 480);
      const creditMajor = (TIERS[tier].creditMajor * spec.priceFactorBp) / 10_000n;
      const creditLimit = roundDownToUnits(creditMajor, 5_000n) * 100n;
      const taxRateBp = spec.country === "US" && chance(0.1) ? 0 : place.taxRateBp; // US: resale-exempt
      const discountBp = { SMALL: 0, MEDIUM: int(0, 10) * 50, LARGE: int(6, 20) * 50, KEY: int(16, 30) * 50 }[
        tier
      ];
      const row: CustomerRow = {
        id: uuid(),
        accountNumber: `${spec.accountPrefix}-${10_001 + accountSeq++}`,
        name,
        legalEntityId: entity.row.id,
        paymentTermsCode: terms,
        paymentTermsDays: TERMS_DAYS[terms],
        creditLimit,
        creditCurrency: spec.currency,
        riskClass: rng.helpers.weightedArrayElement(RISK_BY_PROFILE[profile]),
        collectorId: collectorFor(spec.code),
        parentId: parent?.row.id ?? null,
        billingAddress: address.lines,
        country: spec.country,
        createdAt: timeOf(Math.min(sinceDay, 0), 8 * 60),
      };
      const plan: CustomerPlan = {
        row,
        entity,
        locale: spec.locale,
        place,
        taxRateBp,
        profile,
        tier,
        sinceDay,
        discountBp,
        products: rng.helpers.arrayElements(CATALOG, int(5, 12)),
        batchOffset: (profile === "PROMPT" || profile === "LATE") && chance(0.5) ? int(0, 6) : null,
        method: rng.helpers.weightedArrayElement(METHODS_BY_COUNTRY[spec.country] ?? []),
        slugBase: slug,
        contacts: [],
        parent,
      };
      const contactCount = rng.helpers.weightedArrayElement([
        { weight: 30, value: 1 },
        { weight: 45, value: 2 },
        { weight: 25, value: 3 },
      ]);
      const emails = new Set<string>();
      for (let i = 0; i < contactCount; i++) {
        const contact = buildContact(f, {
          id: uuid(),
          customerId: row.id,
          locale: spec.locale,
          domain: `${slug}.example`,
          isPrimary: i === 0,
          createdAt: row.createdAt,
        });
        if (i === 0) contact.jobTitle = JOB_TITLES[spec.locale][0] ?? null;
        // Two people with the same name at one company get distinct mailboxes.
        if (contact.email && emails.has(contact.email))
          contact.email = contact.email.replace("@", `${i + 1}@`);
        if (contact.email) emails.add(contact.email);
        plan.contacts.push(contact);
      }
      plans.push(plan);
      return plan;
    };

    const isDemoEntity = entity === entities[0];
    for (const [g, childCount] of spec.groups.entries()) {
      const demo = isDemoEntity && g === 0;
      const parent = addCustomer({
        tier: rng.helpers.arrayElement(["LARGE", "KEY"] as const),
        profile: demo ? DEMO_GROUP_PROFILES[0] : undefined,
      });
      const group = [parent];
      for (let c = 0; c < childCount; c++) {
        group.push(
          addCustomer({
            parent,
            tier: rng.helpers.arrayElement(["MEDIUM", "LARGE"] as const),
            profile: demo ? DEMO_GROUP_PROFILES[c + 1] : undefined,
          }),
        );
      }
      groups.push(group);
    }
    while (accountSeq < spec.customerCount) addCustomer({});
  }

  // ------------------------------------------------------------ the ledger
  const drafts: DraftItem[] = [];
  const lines: InvoiceLineRow[] = [];
  const applications: DraftApplication[] = [];
  let itemSeq = 0;

  const addItem = (
    customer: CustomerPlan,
    kind: DemoItemKind,
    day: number,
    amount: bigint,
    extra: Partial<OpenItemRow> = {},
  ): DraftItem => {
    const item: DraftItem = {
      day,
      customer,
      row: {
        id: uuid(),
        customerId: customer.row.id,
        legalEntityId: customer.entity.row.id,
        kind,
        number: "", // assigned in date order below
        currency: customer.entity.spec.currency,
        amount,
        openAmount: amount,
        documentDate: dateOf(day),
        dueDate: null,
        reference: null,
        poNumber: null,
        description: null,
        paymentMethod: null,
        createdById: SEED_ACTOR,
        createdAt: timeOf(day, 8 * 60 + (itemSeq++ % 540)),
        ...extra,
      },
    };
    drafts.push(item);
    return item;
  };
  const apply = (credit: DraftItem, debit: DraftItem, amount: bigint, day: number) => {
    if (amount > 0n) applications.push({ id: uuid(), credit, debit, amount, day });
  };

  // Spread the target invoice count over customers by size and time on the books.
  const weights = plans.map((p) => {
    const activeDays = Math.min(HISTORY_DAYS, -p.sinceDay);
    return BigInt(Math.round((TIERS[p.tier].invoiceWeight * activeDays * 100) / HISTORY_DAYS));
  });
  const invoiceCounts = allocate(TARGET_INVOICES, weights);

  for (const [index, customer] of plans.entries()) {
    const terms = customer.row.paymentTermsDays;
    const firstDay = Math.max(customer.sinceDay, -(HISTORY_DAYS - 1));
    const count = Number(invoiceCounts[index] ?? 0n);
    const days = Array.from({ length: count }, () => int(firstDay, 0)).sort((a, b) => a - b);
    /** What each invoice will still owe after its credit memo: the settlements' budget. */
    const owed = new Map<DraftItem, bigint>();
    const invoices: DraftItem[] = [];
    const settlements: { day: number; debit: DraftItem; amount: bigint }[] = [];
    const settle = (day: number, debit: DraftItem, amount: bigint) => {
      // Payments the customer has not made yet (future days) leave the invoice open.
      if (day > 0 || amount <= 0n) return;
      settlements.push({ day, debit, amount });
      owed.set(debit, (owed.get(debit) ?? 0n) - amount);
    };

    for (const day of days) {
      const invoice = addInvoice(customer, day);
      invoices.push(invoice);
      owed.set(invoice, invoice.row.amount);
      const due = day + terms;

      if (chance(CREDIT_MEMO_RATE[customer.profile])) addCreditMemo(customer, invoice, owed);
      const rest = owed.get(invoice) ?? 0n;
      if (rest === 0n) continue;
      switch (customer.profile) {
        case "PROMPT": {
          if (chance(0.02)) break; // disputed or lost: stays open and ages
          const late = chance(0.06);
          settle(late ? due + int(1, 15) : Math.max(day + 1, due - int(0, 7)), invoice, rest);
          break;
        }
        case "LATE":
          if (chance(0.03)) break;
          settle(due + int(30, 90), invoice, rest);
          break;
        case "PARTIAL": {
          if (chance(0.55)) {
            const part = roundDownToUnits(percentOfBp(rest, int(4_000, 9_000)), 100n);
            if (part > 0n && part < rest) {
              settle(due + int(0, 30), invoice, part);
              if (chance(0.5)) settle(due + int(45, 120), invoice, rest - part);
              break;
            }
          }
          settle(due + int(0, 25), invoice, rest);
          break;
        }
        case "DELINQUENT":
          break; // pays round sums on account, below
      }
    }

    if (customer.profile === "DELINQUENT") {
      payOnAccount(customer, invoices, owed);
    } else {
      remit(customer, settlements);
    }
  }

  function addInvoice(customer: CustomerPlan, day: number): DraftItem {
    const { spec } = customer.entity;
    const lineCount = rng.helpers.weightedArrayElement([
      { weight: 30, value: 1 },
      { weight: 25, value: 2 },
      { weight: 20, value: 3 },
      { weight: 12, value: 4 },
      { weight: 8, value: 5 },
      { weight: 5, value: 6 },
    ]);
    const products = rng.helpers.arrayElements(
      customer.products,
      Math.min(lineCount, customer.products.length),
    );
    if (products.length < 6 && chance(0.25)) products.push(FREIGHT);
    const priced = products.map((product, i) => {
      const line = {
        sku: product.sku,
        description: product.text[customer.locale],
        quantityMilli: drawQuantityMilli(rng, product, TIERS[customer.tier].sizePct),
        unitPrice: unitPriceFor(product, spec.priceFactorBp, customer.discountBp),
        taxRateBp: lineTaxRateBp(product, spec.country, customer.taxRateBp),
      };
      return { ...line, lineNo: i + 1, ...priceLine(line) };
    });
    const amount = sumAmounts(priced.map((p) => p.netAmount + p.taxAmount));
    const poPrefix = { en: "PO-", "pt-BR": "PC-", de: "45" }[customer.locale];
    const soPrefix = { en: "SO-", "pt-BR": "PV-", de: "AB-" }[customer.locale];
    const invoice = addItem(customer, "INVOICE", day, amount, {
      dueDate: dateOf(day + customer.row.paymentTermsDays),
      poNumber: chance(0.7)
        ? `${poPrefix}${rng.string.numeric({ length: 8, allowLeadingZeros: true })}`
        : null,
      reference: `${soPrefix}${rng.string.numeric({ length: 7, allowLeadingZeros: true })}`,
    });
    invoice.lines = priced.map((p) => ({
      id: uuid(),
      itemId: invoice.row.id,
      lineNo: p.lineNo,
      sku: p.sku,
      description: p.description,
      quantityMilli: p.quantityMilli,
      unitPrice: p.unitPrice,
      taxRateBp: p.taxRateBp,
      netAmount: p.netAmount,
      taxAmount: p.taxAmount,
    }));
    lines.push(...invoice.lines);
    return invoice;
  }

  /** A credit memo a few days after the invoice; most are applied to it at once. */
  function addCreditMemo(customer: CustomerPlan, invoice: DraftItem, owed: Map<DraftItem, bigint>): void {
    const day = invoice.day + int(1, 6);
    const reasons = CREDIT_REASONS[customer.locale];
    const reasonIndex = int(0, reasons.length - 1);
    const invoiceLines = invoice.lines ?? [];
    // "Returned goods" credits one whole line; the other reasons a share of the invoice.
    const returned = reasonIndex === 1 && invoiceLines.length > 1;
    const line = invoiceLines.length > 0 ? rng.helpers.arrayElement(invoiceLines) : undefined;
    const amount =
      line && returned
        ? line.netAmount + line.taxAmount
        : minBig(invoice.row.amount, percentOfBp(invoice.row.amount, int(300, 2_500)) || 1n);
    const applied = chance(0.85);
    if (day > 0 || amount <= 0n) return;
    const memo = addItem(customer, "CREDIT_MEMO", day, amount);
    memo.describe = () => {
      memo.row.reference = invoice.row.number;
      return `${reasons[reasonIndex]} – ${invoice.row.number}`;
    };
    if (applied) {
      apply(memo, invoice, amount, day);
      owed.set(invoice, (owed.get(invoice) ?? 0n) - amount);
    }
  }

  /** Turns planned settlements into payments: one per invoice, or one per weekly payment run. */
  function remit(
    customer: CustomerPlan,
    settlements: { day: number; debit: DraftItem; amount: bigint }[],
  ): void {
    settlements.sort((a, b) => a.day - b.day);
    const runs = new Map<string, { day: number; parts: Map<DraftItem, bigint> }>();
    for (const [i, s] of settlements.entries()) {
      const key =
        customer.batchOffset === null ? `s${i}` : `w${Math.floor((s.day + customer.batchOffset) / 7)}`;
      const run = runs.get(key) ?? { day: s.day, parts: new Map<DraftItem, bigint>() };
      run.day = Math.max(run.day, s.day);
      run.parts.set(s.debit, (run.parts.get(s.debit) ?? 0n) + s.amount);
      runs.set(key, run);
    }
    for (const run of runs.values()) {
      const applied = sumAmounts(run.parts.values());
      // A few remittances overpay (duplicate or rounded), leaving unapplied cash.
      const over = chance(0.015) ? percentOfBp(applied, int(100, 1_000)) : 0n;
      // Recent receipts wait in the cash-application queue; a rare old one was never identified.
      const unapplied = run.day >= -10 ? chance(0.3) : chance(0.006);
      const debits = [...run.parts.keys()];
      const payment = addPayment(customer, run.day, applied + over);
      payment.describe = () => (unapplied && run.day < -10 ? null : remittanceText(customer.locale, debits));
      if (!unapplied) for (const [debit, amount] of run.parts) apply(payment, debit, amount, run.day);
    }
  }

  /** Delinquent accounts pay round sums every month or two, cleared oldest invoice first. */
  function payOnAccount(customer: CustomerPlan, invoices: DraftItem[], owed: Map<DraftItem, bigint>): void {
    const first = invoices[0];
    if (!first) return;
    for (let day = first.day + int(30, 60); day <= 0; day += int(30, 75)) {
      const payable = invoices.filter((inv) => inv.day <= day && (owed.get(inv) ?? 0n) > 0n);
      const total = sumAmounts(payable.map((inv) => owed.get(inv) ?? 0n));
      const share = int(1_500, 4_000);
      // Recent round sums often wait for the customer's remittance advice; old ones were applied.
      const onAccount = chance(day >= -45 ? 0.5 : 0.02);
      if (total === 0n) continue;
      const amount = roundDownToUnits(percentOfBp(total, share), 10_000n) || total;
      const payment = addPayment(customer, day, amount);
      payment.describe = () =>
        ({ en: "Payment on account", "pt-BR": "Pagamento por conta", de: "Akontozahlung" })[customer.locale];
      if (onAccount) continue;
      let left = amount;
      for (const inv of payable) {
        const part = minBig(left, owed.get(inv) ?? 0n);
        apply(payment, inv, part, day);
        owed.set(inv, (owed.get(inv) ?? 0n) - part);
        left -= part;
        if (left === 0n) break;
      }
    }
  }

  function addPayment(customer: CustomerPlan, day: number, amount: bigint): DraftItem {
    const method = chance(0.85)
      ? customer.method
      : rng.helpers.weightedArrayElement(METHODS_BY_COUNTRY[customer.row.country] ?? []);
    return addItem(customer, "PAYMENT", day, amount, {
      paymentMethod: method,
      reference: paymentReference(rng, customer.row.country, method, dateOf(day)),
    });
  }

  // ------------------------------------------------------------ numbers, open amounts, checks
  const prefixFor = (spec: DemoLegalEntity, kind: DemoItemKind) =>
    kind === "INVOICE"
      ? spec.numberPrefix.invoice
      : kind === "CREDIT_MEMO"
        ? spec.numberPrefix.creditMemo
        : spec.numberPrefix.payment;
  const ordered = drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.day - b.d.day || a.i - b.i)
    .map(({ d }) => d);
  const sequences = new Map<string, number>();
  for (const d of ordered) {
    const key = `${d.customer.entity.spec.code}|${d.row.kind}`;
    const n = (sequences.get(key) ?? 100_000) + 1;
    sequences.set(key, n);
    d.row.number = `${prefixFor(d.customer.entity.spec, d.row.kind)}${n}`;
  }
  for (const d of drafts) if (d.describe) d.row.description = d.describe();

  assertLedger(applications);
  const applied = new Map<DraftItem, bigint>();
  for (const a of applications) {
    applied.set(a.credit, (applied.get(a.credit) ?? 0n) + a.amount);
    applied.set(a.debit, (applied.get(a.debit) ?? 0n) + a.amount);
  }
  for (const d of drafts) d.row.openAmount = d.row.amount - (applied.get(d) ?? 0n);

  // ------------------------------------------------------------ portal access
  const portalUsers: PortalUserRow[] = [];
  const memberships: MembershipRow[] = [];
  const portalEmails = new Set<string>();
  const covered = new Set<CustomerPlan>();
  const addPortalUser = (
    email: string,
    name: string,
    locale: DemoLocale,
    links: [CustomerPlan, PortalRole][],
  ) => {
    if (portalEmails.has(email)) return;
    portalEmails.add(email);
    const createdAt = timeOf(-int(1, 300), 10 * 60);
    const user: PortalUserRow = { id: uuid(), email, name, locale, createdAt };
    portalUsers.push(user);
    for (const [customer, role] of links) {
      memberships.push({ id: uuid(), portalUserId: user.id, customerId: customer.row.id, role, createdAt });
      covered.add(customer);
    }
  };
  const primaryName = (c: CustomerPlan) => c.contacts[0]?.name ?? c.row.name;

  const demoGroup = groupsByEntity.get(entities[0]!.spec.code)?.[0] ?? [];
  const demoLinks = demoGroup.map((c, i): [CustomerPlan, PortalRole] => [c, DEMO_GROUP_ROLES[i] ?? "VIEWER"]);
  addPortalUser(DEMO_PORTAL_EMAIL, "Dana Whitfield", "en", demoLinks);
  for (const groups of groupsByEntity.values()) {
    for (const group of groups) {
      const [parent, ...children] = group;
      if (!parent || group === demoGroup) continue;
      const linked = children.slice(0, int(1, 2)).map((c): [CustomerPlan, PortalRole] => [c, "PAYER"]);
      addPortalUser(`ap@${parent.slugBase}.example`, primaryName(parent), parent.locale, [
        [parent, "ADMIN"],
        ...linked,
      ]);
    }
  }
  const standalone = rng.helpers.shuffle(plans.filter((p) => !p.parent && !covered.has(p)));
  for (const c of standalone) {
    if (covered.size >= PORTAL_CUSTOMERS) break;
    const role: PortalRole = chance(0.35) ? "ADMIN" : "PAYER";
    addPortalUser(`ap@${c.slugBase}.example`, primaryName(c), c.locale, [[c, role]]);
    const second = c.contacts[1];
    if (second?.email && chance(0.4)) addPortalUser(second.email, second.name, c.locale, [[c, "VIEWER"]]);
  }

  return {
    referenceDate: ref,
    legalEntities: entities.map((e) => e.row),
    staff,
    customers: plans.map((p) => p.row),
    contacts: plans.flatMap((p) => p.contacts),
    portalUsers,
    memberships,
    items: ordered.map((d) => d.row),
    lines,
    applications: applications.map((a) => ({
      id: a.id,
      kind: "APPLY",
      customerId: a.credit.row.customerId,
      creditItemId: a.credit.row.id,
      debitItemId: a.debit.row.id,
      currency: a.credit.row.currency,
      amount: a.amount,
      actorType: "system",
      actorId: SEED_ACTOR,
      createdAt: timeOf(a.day, 17 * 60),
    })),
    demoPortal: {
      email: DEMO_PORTAL_EMAIL,
      accounts: demoLinks.map(([c, role]) => ({
        accountNumber: c.row.accountNumber,
        name: c.row.name,
        role,
      })),
    },
  };
}

/**
 * The ledger rules, replayed in date order before anything is written: each application pairs a
 * credit with a debit of the same customer and currency, never before either exists, and no item
 * is ever cleared beyond its amount. A failure here is a bug in the generator.
 */
function assertLedger(applications: readonly DraftApplication[]): void {
  const used = new Map<DraftItem, bigint>();
  const sorted = [...applications].sort((a, b) => a.day - b.day);
  for (const a of sorted) {
    const { credit, debit } = a;
    if (credit.row.kind === "INVOICE" || debit.row.kind !== "INVOICE")
      throw new Error("Seed: wrong item kinds.");
    if (credit.customer !== debit.customer) throw new Error("Seed: application across customers.");
    if (credit.row.currency !== debit.row.currency) throw new Error("Seed: application across currencies.");
    if (a.day < credit.day || a.day < debit.day) throw new Error("Seed: application before its items.");
    for (const item of [credit, debit]) {
      const total = (used.get(item) ?? 0n) + a.amount;
      if (total > item.row.amount) throw new Error(`Seed: ${item.row.number} over-applied.`);
      used.set(item, total);
    }
  }
}

const REMITTANCE_TEXT: Record<DemoLocale, { label: string; more: (n: number) => string }> = {
  en: { label: "Remittance", more: (n) => `and ${n} more` },
  "pt-BR": { label: "Pagamento ref.", more: (n) => `e mais ${n}` },
  de: { label: "Zahlung zu", more: (n) => `und ${n} weitere` },
};

function remittanceText(locale: DemoLocale, debits: readonly DraftItem[]): string {
  const text = REMITTANCE_TEXT[locale];
  const numbers = debits.slice(0, 5).map((d) => d.row.number);
  const rest = debits.length - numbers.length;
  return `${text.label} ${numbers.join(", ")}${rest > 0 ? ` ${text.more(rest)}` : ""}`;
}

/** What a bank statement or card processor would show for the receipt. */
function paymentReference(f: Faker, country: string, method: PaymentMethod, date: Date): string {
  const digits = (n: number) => f.string.numeric({ length: n, allowLeadingZeros: true });
  const upper = (n: number) => f.string.alphanumeric({ length: n, casing: "upper" });
  switch (method) {
    case "CARD":
      return `${country === "DE" ? "Karte" : country === "BR" ? "Cartão" : "Card"} •••• ${digits(4)} · auth ${upper(6)}`;
    case "CHECK":
      return `Check no. ${f.number.int({ min: 1_001, max: 98_999 })}`;
    case "LOCKBOX":
      return `Lockbox 771845 · batch ${digits(3)} · item ${digits(2)}`;
    case "OTHER":
      return `Boleto nosso número ${digits(11)}-${digits(1)}`;
    default: {
      if (country === "BR") {
        // PIX end-to-end id: E + payer bank ISPB + yyyyMMddHHmm + 11 characters.
        const stamp = date.toISOString().slice(0, 10).replace(/-/g, "");
        const hhmm =
          `${f.number.int({ min: 8, max: 17 })}`.padStart(2, "0") +
          digits(1).replace(/[6-9]/, "5") +
          digits(1);
        return `PIX E${digits(8)}${stamp}${hhmm}${upper(11)}`;
      }
      if (country === "DE") return `SEPA EREF ${upper(16)}`;
      return `ACH trace ${digits(15)}`;
    }
  }
}
