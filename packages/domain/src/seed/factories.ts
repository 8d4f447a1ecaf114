/**
 * Small factories shared by tests and the demo seed. `build*` functions are pure: they draw from
 * the faker they are given and return a row (with its id), so a seeded faker gives the same rows
 * every run and the seed can insert thousands of them in bulk. `create*` functions insert one
 * row (or call the ledger use case) inside the caller's transaction, for tests.
 */
import { base, de, en, en_US, Faker, pt_BR } from "@faker-js/faker";
import type { z } from "zod";
import { systemActor } from "../actor.ts";
import { hashPassword } from "../auth/password.ts";
import type { Tx } from "../db/client.ts";
import type { PortalRole, RiskClass, StaffRole } from "../db/generated/enums.ts";
import {
  type CreatedItem,
  type CreateInvoiceInput,
  createInvoice,
  type InvoiceLineSchema,
} from "../ledger/create-invoice.ts";
import { recordCredit } from "../ledger/record-credit.ts";
import { divRound } from "../money/money.ts";
import {
  BR_DISTRICTS,
  CATALOG,
  COMPANY_SUFFIXES,
  type DemoLocale,
  INDUSTRIES,
  JOB_TITLES,
  PLACES_BY_COUNTRY,
  type Place,
  type Product,
  TERMS_DAYS,
} from "./demo-data.ts";

export type InvoiceLineInput = z.output<typeof InvoiceLineSchema>;

const LOCALES = {
  en: [en_US, en, base],
  "pt-BR": [pt_BR, en, base],
  de: [de, en, base],
} as const;

/** A faker with a fixed seed: the same calls give the same values on every run. */
export function createFaker(seed: number, locale: DemoLocale = "en"): Faker {
  const faker = new Faker({ locale: [...LOCALES[locale]] });
  faker.seed(seed);
  return faker;
}

// Tests that do not pass a faker share this one: deterministic per process, different per call.
const defaultFaker = createFaker(20_260_101);

/** "Indústria Müller & Söhne" → "industria-mueller-soehne"-style ASCII for e-mail domains. */
export function slugify(text: string): string {
  return text
    .replace(/ß/g, "ss")
    .replace(/[äÄ]/g, "ae")
    .replace(/[öÖ]/g, "oe")
    .replace(/[üÜ]/g, "ue")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const localeOfCountry = (country: string): DemoLocale =>
  country === "BR" ? "pt-BR" : country === "DE" ? "de" : "en";

// ---------------------------------------------------------------- legal entities

export interface LegalEntityRow {
  id: string;
  code: string;
  name: string;
  currency: string;
  country: string;
  taxId: string | null;
  remitToName: string;
  remitToAddress: string[];
  bankName: string;
  bankAccountName: string;
  bankAccount: string;
  bankRouting: string | null;
  iban: string | null;
  swift: string | null;
}

/** A USD legal entity with a unique code; pass overrides for another currency or country. */
export function buildLegalEntity(
  f: Faker = defaultFaker,
  overrides: Partial<LegalEntityRow> = {},
): LegalEntityRow {
  const name = overrides.name ?? `${f.person.lastName()} Holdings Inc.`;
  return {
    id: f.string.uuid(),
    code: `LE-${f.string.alphanumeric({ length: 8, casing: "upper" })}`,
    name,
    currency: "USD",
    country: "US",
    taxId: null,
    remitToName: name,
    remitToAddress: [
      f.location.streetAddress(),
      `${f.location.city()}, IL 606${f.string.numeric(2)}`,
      "United States",
    ],
    bankName: "Lakeshore National Bank",
    bankAccountName: name,
    bankAccount: f.string.numeric(10),
    bankRouting: "071925541",
    iban: null,
    swift: null,
    ...overrides,
  };
}

export function createLegalEntity(tx: Tx, overrides: Partial<LegalEntityRow> = {}, f: Faker = defaultFaker) {
  return tx.legalEntity.create({ data: buildLegalEntity(f, overrides) });
}

// ---------------------------------------------------------------- customers and contacts

export interface CustomerRow {
  id: string;
  accountNumber: string;
  name: string;
  legalEntityId: string;
  paymentTermsCode: string;
  paymentTermsDays: number;
  creditLimit: bigint;
  creditCurrency: string;
  riskClass: RiskClass;
  collectorId: string | null;
  parentId: string | null;
  billingAddress: string[];
  country: string;
  createdAt: Date;
}

export interface CompanyName {
  name: string;
  /** The name without its legal form, for e-mail domains. */
  slugBase: string;
}

const LEGAL_FORM_RE =
  /[\s,-]+(S\.?A\.?|Ltda\.?|ME|EIRELI|GmbH( & Co\. KG)?|UG|AG|KG|OHG|e\.G\.|e\.V\.|Inc\.?|LLC|Group)$/i;

/** A plausible B2B company name in the customer's language ("Metalúrgica Saraiva Ltda."). */
export function buildCompanyName(f: Faker, locale: DemoLocale, city?: string): CompanyName {
  const industry = f.helpers.arrayElement(INDUSTRIES[locale]);
  const suffix = f.helpers.arrayElement(COMPANY_SUFFIXES[locale]);
  const and = locale === "pt-BR" ? "e" : "&";
  const pattern = f.helpers.weightedArrayElement([
    { weight: 45, value: "industry" },
    { weight: 20, value: "partners" },
    { weight: city ? 15 : 0, value: "city" },
    { weight: 20, value: "faker" },
  ] as const);
  let base: string;
  if (pattern === "industry") {
    const last = f.person.lastName();
    base = locale === "pt-BR" && f.datatype.boolean() ? `${industry} ${last}` : `${last} ${industry}`;
  } else if (pattern === "partners") {
    base = `${f.person.lastName()} ${and} ${f.person.lastName()}`;
  } else if (pattern === "city") {
    base = locale === "en" ? `${city} ${industry}` : `${industry} ${city}`;
  } else {
    // Faker's names may carry their own legal form; ours is appended below.
    base = f.company
      .name()
      .replace(LEGAL_FORM_RE, "")
      .replace(/ (and|und|e|-) /, ` ${and} `);
  }
  return { name: `${base} ${suffix}`, slugBase: slugify(base) };
}

export interface Address {
  lines: string[];
  place: Place;
}

/** A postal address laid out the way the country writes it. */
export function buildAddress(f: Faker, country: string, place?: Place): Address {
  const places = PLACES_BY_COUNTRY[country] ?? PLACES_BY_COUNTRY.US!;
  const p = place ?? f.helpers.arrayElement(places);
  const digits = (n: number) => f.string.numeric({ length: n, allowLeadingZeros: true });
  switch (country) {
    case "BR": {
      const district = f.helpers.arrayElement(BR_DISTRICTS);
      return {
        lines: [
          `${f.location.street()}, ${f.number.int({ min: 10, max: 4999 })} – ${district}`,
          `${p.postalPrefix}${digits(2)}-${digits(3)} ${p.city} – ${p.region}`,
          "Brasil",
        ],
        place: p,
      };
    }
    case "DE":
      return {
        lines: [
          `${f.location.street()} ${f.location.buildingNumber()}`,
          `${p.postalPrefix}${digits(2)} ${p.city}`,
          "Deutschland",
        ],
        place: p,
      };
    default:
      return {
        lines: [
          f.location.streetAddress(),
          `${p.city}, ${p.region} ${p.postalPrefix}${digits(2)}`,
          "United States",
        ],
        place: p,
      };
  }
}

export interface BuildCustomerInput extends Partial<CustomerRow> {
  legalEntityId: string;
  creditCurrency: string;
  country: string;
}

/** A customer of the given legal entity; its name and address follow the country's language. */
export function buildCustomer(f: Faker, input: BuildCustomerInput): CustomerRow {
  const locale = localeOfCountry(input.country);
  const address = buildAddress(f, input.country);
  const terms = f.helpers.arrayElement(["NET15", "NET30", "NET45", "NET60"] as const);
  return {
    id: f.string.uuid(),
    accountNumber: `T-${f.string.alphanumeric({ length: 8, casing: "upper" })}`,
    name: buildCompanyName(f, locale, address.place.city).name,
    paymentTermsCode: terms,
    paymentTermsDays: TERMS_DAYS[terms],
    creditLimit: BigInt(f.helpers.arrayElement([10_000, 25_000, 50_000, 100_000])) * 100n,
    riskClass: f.helpers.arrayElement(["LOW", "MEDIUM", "HIGH"] as const),
    collectorId: null,
    parentId: null,
    billingAddress: address.lines,
    createdAt: new Date(),
    ...input,
  };
}

export interface CreateCustomerOverrides extends Partial<CustomerRow> {
  /** Faker for names and numbers; defaults to the shared test faker. */
  faker?: Faker;
}

/**
 * Inserts a customer for a test. Without `legalEntityId` it first creates a fresh USD legal
 * entity, so each test owns its data.
 */
export async function createCustomer(tx: Tx, overrides: CreateCustomerOverrides = {}) {
  const { faker: f = defaultFaker, ...rest } = overrides;
  const entity = rest.legalEntityId
    ? await tx.legalEntity.findUniqueOrThrow({ where: { id: rest.legalEntityId } })
    : await createLegalEntity(tx, {}, f);
  const row = buildCustomer(f, {
    creditCurrency: entity.currency,
    country: entity.country,
    ...rest,
    legalEntityId: entity.id,
  });
  return tx.customer.create({ data: row });
}

export interface ContactRow {
  id: string;
  customerId: string;
  name: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  isPrimary: boolean;
  createdAt: Date;
}

/** A person at the customer, with an address at the customer's own domain. */
export function buildContact(
  f: Faker,
  input: Partial<ContactRow> & { customerId: string; locale?: DemoLocale; domain?: string },
): ContactRow {
  const { locale = "en", domain = "example.com", ...rest } = input;
  const first = f.person.firstName();
  const last = f.person.lastName();
  return {
    id: f.string.uuid(),
    name: `${first} ${last}`,
    email: `${slugify(first).replace(/-/g, "")}.${slugify(last).replace(/-/g, "")}@${domain}`,
    phone: f.phone.number(),
    jobTitle: f.helpers.arrayElement(JOB_TITLES[locale]),
    isPrimary: false,
    createdAt: new Date(),
    ...rest,
  };
}

export function createContact(
  tx: Tx,
  input: Partial<ContactRow> & { customerId: string },
  f: Faker = defaultFaker,
) {
  return tx.contact.create({ data: buildContact(f, input) });
}

// ---------------------------------------------------------------- people and access

export interface CreateStaffUserInput {
  email: string;
  roles: StaffRole[];
  name?: string;
  /** Hashed here (argon2id, as sign-in verifies); or pass `passwordHash` computed earlier. */
  password?: string;
  passwordHash?: string;
  active?: boolean;
}

export async function createStaffUser(tx: Tx, input: CreateStaffUserInput, f: Faker = defaultFaker) {
  const passwordHash =
    input.passwordHash ?? (await hashPassword(input.password ?? f.internet.password({ length: 20 })));
  return tx.staffUser.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name ?? f.person.fullName(),
      passwordHash,
      roles: input.roles,
      active: input.active ?? true,
    },
  });
}

export interface CreatePortalUserInput {
  email: string;
  name?: string;
  locale?: string;
  active?: boolean;
  memberships?: { customerId: string; role: PortalRole }[];
}

/** Portal users sign in with an e-mailed code, so there is no password to set. */
export function createPortalUser(tx: Tx, input: CreatePortalUserInput, f: Faker = defaultFaker) {
  return tx.portalUser.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name ?? f.person.fullName(),
      locale: input.locale ?? "en",
      active: input.active ?? true,
      memberships: {
        create: (input.memberships ?? []).map((m) => ({ customerId: m.customerId, role: m.role })),
      },
    },
    include: { memberships: true },
  });
}

// ---------------------------------------------------------------- invoices

/** Tax on a catalog line: US sales tax skips services, Germany taxes printed books at 7%. */
export function lineTaxRateBp(product: Product, country: string, customerRateBp: number): number {
  if (country === "US") return product.service ? 0 : customerRateBp;
  if (country === "DE") return product.reducedVat ? 700 : 1900;
  return customerRateBp;
}

/** Quantity in thousandths: whole units, or 0.5 steps for goods sold by length, weight or time. */
export function drawQuantityMilli(f: Faker, product: Product, sizeFactorPct = 100): bigint {
  const max = Math.max(product.minQty, Math.round((product.maxQty * sizeFactorPct) / 100));
  if (product.unit === "flat") return 1000n;
  if (product.unit === "each") return BigInt(f.number.int({ min: product.minQty, max })) * 1000n;
  return BigInt(f.number.int({ min: product.minQty * 2, max: max * 2 })) * 500n;
}

/** Catalog list price (US cents) in the entity's currency, less the customer's discount. */
export function unitPriceFor(product: Product, priceFactorBp: bigint, discountBp = 0): bigint {
  return divRound(product.listPrice * priceFactorBp * (10_000n - BigInt(discountBp)), 100_000_000n);
}

export interface BuildLinesInput {
  locale?: DemoLocale;
  country?: string;
  /** The customer's rate (US state tax, Brazilian ICMS); Germany's rates come from the product. */
  taxRateBp?: number;
  priceFactorBp?: bigint;
  discountBp?: number;
  count?: number;
  /** Products to choose from; defaults to the whole catalog. */
  products?: readonly Product[];
  sizeFactorPct?: number;
}

/** Invoice lines drawn from the catalog, ready for createInvoice or priceLine. */
export function buildInvoiceLines(f: Faker, input: BuildLinesInput = {}): InvoiceLineInput[] {
  const { locale = "en", country = "US", taxRateBp = 625, priceFactorBp = 10_000n, discountBp = 0 } = input;
  const pool = input.products ?? CATALOG;
  const count = Math.min(input.count ?? f.number.int({ min: 1, max: 3 }), pool.length);
  return f.helpers.arrayElements(pool, count).map((product) => ({
    sku: product.sku,
    description: product.text[locale],
    quantityMilli: drawQuantityMilli(f, product, input.sizeFactorPct),
    unitPrice: unitPriceFor(product, priceFactorBp, discountBp),
    taxRateBp: lineTaxRateBp(product, country, taxRateBp),
  }));
}

const testActor = systemActor("test-factory");
const today = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

/** An invoice through the real use case (amounts, due date and audit as in production). */
export function createInvoiceForCustomer(
  tx: Tx,
  customerId: string,
  overrides: Partial<CreateInvoiceInput> = {},
  f: Faker = defaultFaker,
): Promise<CreatedItem> {
  return createInvoice(
    {
      customerId,
      number: `INV-${f.string.numeric({ length: 8, allowLeadingZeros: true })}`,
      documentDate: today(),
      lines: buildInvoiceLines(f),
      ...overrides,
    },
    testActor,
    tx,
  );
}

export interface CreateCreditInput {
  amount: bigint;
  kind?: "PAYMENT" | "CREDIT_MEMO";
  number?: string;
  documentDate?: Date;
  paymentMethod?: "CARD" | "BANK_TRANSFER" | "CHECK" | "LOCKBOX" | "CASH" | "OTHER";
  reference?: string;
}

/** An unapplied payment (or credit memo) in the customer's currency, through recordCredit. */
export async function createCreditForCustomer(
  tx: Tx,
  customerId: string,
  input: CreateCreditInput,
  f: Faker = defaultFaker,
): Promise<CreatedItem> {
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { legalEntity: { select: { currency: true } } },
  });
  const kind = input.kind ?? "PAYMENT";
  return recordCredit(
    {
      customerId,
      kind,
      number:
        input.number ??
        `${kind === "PAYMENT" ? "RCT" : "CM"}-${f.string.numeric({ length: 8, allowLeadingZeros: true })}`,
      currency: customer.legalEntity.currency,
      amount: input.amount,
      documentDate: input.documentDate ?? today(),
      paymentMethod: kind === "PAYMENT" ? (input.paymentMethod ?? "BANK_TRANSFER") : undefined,
      reference: input.reference,
    },
    testActor,
    tx,
  );
}
