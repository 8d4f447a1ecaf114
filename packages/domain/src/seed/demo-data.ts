/**
 * Fixed reference data for the demo book: the legal entities, the product catalog, places and
 * their tax rates, name parts and the staff sign-ins. Plain tables, no randomness: the generator
 * (demo-book.ts) draws from them with a seeded faker.
 *
 * Bank details, tax ids and company names are fictional; account numbers and ids carry valid
 * check digits so validators in the apps accept them.
 */
import type { StaffRole } from "../db/generated/enums.ts";

export type DemoLocale = "en" | "pt-BR" | "de";
export type PaymentTermsCode = "NET15" | "NET30" | "NET45" | "NET60";

export interface DemoLegalEntity {
  code: string;
  name: string;
  currency: string;
  country: string;
  locale: DemoLocale;
  taxId: string;
  remitToName: string;
  remitToAddress: string[];
  bankName: string;
  bankAccountName: string;
  bankAccount: string;
  bankRouting: string | null;
  iban: string | null;
  swift: string | null;
  /** Short prefix for account numbers ("US-10001"). */
  accountPrefix: string;
  /** Document number prefixes per kind, in the entity's language. */
  numberPrefix: { invoice: string; creditMemo: string; payment: string };
  /** List prices are in US cents; this converts them (basis points: 54000 = ×5.40). */
  priceFactorBp: bigint;
  customerCount: number;
  /** Child-account counts of the parent groups in this entity. */
  groups: number[];
  termsWeights: Record<PaymentTermsCode, number>;
}

export const DEMO_LEGAL_ENTITIES: readonly DemoLegalEntity[] = [
  {
    code: "SETTLE-US",
    name: "Settle Industries Inc.",
    currency: "USD",
    country: "US",
    locale: "en",
    taxId: "EIN 84-3172095",
    remitToName: "Settle Industries Inc.",
    remitToAddress: ["Lockbox 771845", "P.O. Box 71845", "Chicago, IL 60694-1845", "United States"],
    bankName: "Lakeshore National Bank",
    bankAccountName: "Settle Industries Inc. – Receivables",
    bankAccount: "4829301756",
    bankRouting: "071925541",
    iban: null,
    swift: "LKSNUS44",
    accountPrefix: "US",
    numberPrefix: { invoice: "INV-", creditMemo: "CM-", payment: "RCT-" },
    priceFactorBp: 10_000n,
    customerCount: 120,
    groups: [4, 3, 3],
    termsWeights: { NET15: 10, NET30: 60, NET45: 15, NET60: 15 },
  },
  {
    code: "SETTLE-BR",
    name: "Settle Indústria Ltda.",
    currency: "BRL",
    country: "BR",
    locale: "pt-BR",
    taxId: "CNPJ 31.847.295/0001-60",
    remitToName: "Settle Indústria Ltda.",
    remitToAddress: [
      "Av. Engenheiro Luís Carlos Berrini, 1500 – 12º andar",
      "Cidade Monções",
      "04571-000 São Paulo – SP",
      "Brasil",
    ],
    bankName: "Banco Meridional Paulista S.A.",
    bankAccountName: "Settle Indústria Ltda.",
    bankAccount: "Conta corrente 45872-3",
    bankRouting: "Agência 0421-7",
    iban: null,
    swift: null,
    accountPrefix: "BR",
    numberPrefix: { invoice: "NF-", creditMemo: "NC-", payment: "REC-" },
    priceFactorBp: 54_000n,
    customerCount: 60,
    groups: [3],
    termsWeights: { NET15: 5, NET30: 50, NET45: 25, NET60: 20 },
  },
  {
    code: "SETTLE-DE",
    name: "Settle Europe GmbH",
    currency: "EUR",
    country: "DE",
    locale: "de",
    taxId: "USt-IdNr. DE318745122",
    remitToName: "Settle Europe GmbH",
    remitToAddress: ["Große Elbstraße 145", "22767 Hamburg", "Deutschland"],
    bankName: "Hanseatische Handelsbank AG",
    bankAccountName: "Settle Europe GmbH",
    bankAccount: "0532013000",
    bankRouting: null,
    iban: "DE86200700990532013000",
    swift: "HAHBDEHHXXX",
    accountPrefix: "DE",
    numberPrefix: { invoice: "RE-", creditMemo: "GS-", payment: "ZE-" },
    priceFactorBp: 9_200n,
    customerCount: 60,
    groups: [2],
    termsWeights: { NET15: 20, NET30: 65, NET45: 10, NET60: 5 },
  },
];

export const TERMS_DAYS: Record<PaymentTermsCode, number> = { NET15: 15, NET30: 30, NET45: 45, NET60: 60 };

export interface Place {
  city: string;
  region: string;
  /** Leading digits of the postal code; the rest is drawn. */
  postalPrefix: string;
  taxRateBp: number;
}

// US: state sales tax (whole basis points; NYC's 8.875% would be 887.5 bp, which the schema's
// integer basis points cannot hold, so New York appears with Albany's 8%). Oregon has none.
const us = (region: string, taxRateBp: number, cities: [string, string][]): Place[] =>
  cities.map(([city, postalPrefix]) => ({ city, region, postalPrefix, taxRateBp }));

export const US_PLACES: readonly Place[] = [
  ...us("IL", 625, [
    ["Chicago", "606"],
    ["Rockford", "611"],
    ["Peoria", "616"],
  ]),
  ...us("TX", 825, [
    ["Houston", "770"],
    ["Dallas", "752"],
    ["San Antonio", "782"],
  ]),
  ...us("CA", 725, [
    ["Fresno", "937"],
    ["San Jose", "951"],
    ["Sacramento", "958"],
  ]),
  ...us("OH", 575, [
    ["Columbus", "432"],
    ["Cleveland", "441"],
    ["Cincinnati", "452"],
  ]),
  ...us("PA", 600, [
    ["Pittsburgh", "152"],
    ["Allentown", "181"],
  ]),
  ...us("MI", 600, [
    ["Detroit", "482"],
    ["Grand Rapids", "495"],
  ]),
  ...us("WI", 500, [
    ["Milwaukee", "532"],
    ["Madison", "537"],
  ]),
  ...us("IN", 700, [
    ["Indianapolis", "462"],
    ["Fort Wayne", "468"],
  ]),
  ...us("NY", 800, [
    ["Albany", "122"],
    ["Buffalo", "142"],
    ["Rochester", "146"],
  ]),
  ...us("GA", 400, [
    ["Atlanta", "303"],
    ["Savannah", "314"],
  ]),
  ...us("NC", 475, [
    ["Charlotte", "282"],
    ["Raleigh", "276"],
  ]),
  ...us("WA", 650, [
    ["Seattle", "981"],
    ["Tacoma", "984"],
    ["Spokane", "992"],
  ]),
  ...us("TN", 700, [
    ["Nashville", "372"],
    ["Memphis", "381"],
  ]),
  ...us("OR", 0, [
    ["Portland", "972"],
    ["Eugene", "974"],
  ]),
  ...us("MA", 625, [
    ["Worcester", "016"],
    ["Boston", "021"],
  ]),
  ...us("CO", 290, [["Denver", "802"]]),
];

// Brazil: an ICMS-like state rate on goods, 17% or 18%.
const br = (region: string, taxRateBp: number, cities: [string, string][]): Place[] =>
  cities.map(([city, postalPrefix]) => ({ city, region, postalPrefix, taxRateBp }));

export const BR_PLACES: readonly Place[] = [
  ...br("SP", 1800, [
    ["São Paulo", "045"],
    ["Campinas", "130"],
    ["São José dos Campos", "122"],
    ["Ribeirão Preto", "140"],
    ["Sorocaba", "180"],
  ]),
  ...br("MG", 1800, [
    ["Belo Horizonte", "301"],
    ["Uberlândia", "384"],
    ["Contagem", "321"],
    ["Juiz de Fora", "360"],
  ]),
  ...br("RJ", 1800, [
    ["Rio de Janeiro", "200"],
    ["Niterói", "240"],
    ["Duque de Caxias", "250"],
  ]),
  ...br("PR", 1800, [
    ["Curitiba", "810"],
    ["Londrina", "860"],
    ["Maringá", "870"],
  ]),
  ...br("SC", 1700, [
    ["Joinville", "892"],
    ["Blumenau", "890"],
    ["Florianópolis", "880"],
  ]),
  ...br("RS", 1700, [
    ["Porto Alegre", "900"],
    ["Caxias do Sul", "950"],
    ["Canoas", "924"],
  ]),
  ...br("ES", 1700, [
    ["Vitória", "290"],
    ["Serra", "291"],
  ]),
  ...br("GO", 1700, [
    ["Goiânia", "740"],
    ["Anápolis", "750"],
  ]),
];

// Germany: 19% standard VAT everywhere (7% applies per product, see the catalog).
export const DE_PLACES: readonly Place[] = [
  ["München", "803"],
  ["Hamburg", "221"],
  ["Berlin", "101"],
  ["Köln", "506"],
  ["Stuttgart", "701"],
  ["Düsseldorf", "402"],
  ["Nürnberg", "904"],
  ["Leipzig", "041"],
  ["Dortmund", "441"],
  ["Frankfurt am Main", "603"],
  ["Bremen", "281"],
  ["Hannover", "301"],
  ["Mannheim", "681"],
  ["Augsburg", "861"],
  ["Würzburg", "970"],
  ["Bielefeld", "336"],
  ["Regensburg", "930"],
  ["Ulm", "890"],
  ["Essen", "451"],
  ["Kassel", "341"],
].map(([city, postalPrefix]) => ({
  city: city as string,
  region: "",
  postalPrefix: postalPrefix as string,
  taxRateBp: 1900,
}));

export const PLACES_BY_COUNTRY: Record<string, readonly Place[]> = {
  US: US_PLACES,
  BR: BR_PLACES,
  DE: DE_PLACES,
};

export const BR_DISTRICTS = [
  "Centro",
  "Distrito Industrial",
  "Vila Industrial",
  "Jardim Paulista",
  "Barra Funda",
  "Santo Amaro",
];

/** How a catalog product is counted; fractional units are sold in 0.5 steps. */
export type Unit = "each" | "meter" | "kg" | "hour" | "flat";

export interface Product {
  sku: string;
  text: Record<DemoLocale, string>;
  unit: Unit;
  /** List price in US cents. */
  listPrice: bigint;
  minQty: number;
  maxQty: number;
  /** Services and freight: not subject to US sales tax in the demo's states. */
  service?: boolean;
  /** Printed books: 7% reduced VAT in Germany. */
  reducedVat?: boolean;
}

export const CATALOG: readonly Product[] = [
  {
    sku: "BRG-6205-2RS",
    text: {
      en: "Deep groove ball bearing 6205-2RS",
      "pt-BR": "Rolamento rígido de esferas 6205-2RS",
      de: "Rillenkugellager 6205-2RS",
    },
    unit: "each",
    listPrice: 840n,
    minQty: 10,
    maxQty: 200,
  },
  {
    sku: "BRG-22216-EK",
    text: {
      en: "Spherical roller bearing 22216 EK",
      "pt-BR": "Rolamento autocompensador de rolos 22216 EK",
      de: "Pendelrollenlager 22216 EK",
    },
    unit: "each",
    listPrice: 14_200n,
    minQty: 1,
    maxQty: 12,
  },
  {
    sku: "MTR-IE3-7K5",
    text: {
      en: "Induction motor IE3 7.5 kW, 4-pole",
      "pt-BR": "Motor de indução IE3 7,5 kW, 4 polos",
      de: "Drehstrommotor IE3 7,5 kW, 4-polig",
    },
    unit: "each",
    listPrice: 118_000n,
    minQty: 1,
    maxQty: 4,
  },
  {
    sku: "MTR-IE3-2K2",
    text: {
      en: "Induction motor IE3 2.2 kW, 4-pole",
      "pt-BR": "Motor de indução IE3 2,2 kW, 4 polos",
      de: "Drehstrommotor IE3 2,2 kW, 4-polig",
    },
    unit: "each",
    listPrice: 46_500n,
    minQty: 1,
    maxQty: 6,
  },
  {
    sku: "VFD-11K",
    text: {
      en: "Variable frequency drive 11 kW",
      "pt-BR": "Inversor de frequência 11 kW",
      de: "Frequenzumrichter 11 kW",
    },
    unit: "each",
    listPrice: 164_000n,
    minQty: 1,
    maxQty: 3,
  },
  {
    sku: "VLV-BALL-2IN",
    text: {
      en: 'Stainless steel ball valve 2"',
      "pt-BR": 'Válvula esfera em aço inox 2"',
      de: "Edelstahl-Kugelhahn DN50",
    },
    unit: "each",
    listPrice: 9_650n,
    minQty: 2,
    maxQty: 40,
  },
  {
    sku: "VLV-GATE-4IN",
    text: {
      en: 'Cast iron gate valve 4"',
      "pt-BR": 'Válvula gaveta em ferro fundido 4"',
      de: "Absperrschieber DN100, Grauguss",
    },
    unit: "each",
    listPrice: 31_200n,
    minQty: 1,
    maxQty: 10,
  },
  {
    sku: "HOS-HYD-12",
    text: {
      en: 'Hydraulic hose 1/2" 2SN (per m)',
      "pt-BR": 'Mangueira hidráulica 1/2" 2SN (m)',
      de: "Hydraulikschlauch DN12 2SN (je m)",
    },
    unit: "meter",
    listPrice: 1_180n,
    minQty: 10,
    maxQty: 150,
  },
  {
    sku: "FIT-JIC-12",
    text: { en: 'JIC 37° fitting 1/2"', "pt-BR": 'Conexão JIC 37° 1/2"', de: 'JIC-Verschraubung 37° 1/2"' },
    unit: "each",
    listPrice: 435n,
    minQty: 20,
    maxQty: 400,
  },
  {
    sku: "FST-M12-60",
    text: {
      en: "Hex bolt M12x60 8.8, zinc plated (box of 100)",
      "pt-BR": "Parafuso sextavado M12x60 8.8 zincado (cx. 100)",
      de: "Sechskantschraube M12x60 8.8 verzinkt (VE 100)",
    },
    unit: "each",
    listPrice: 3_890n,
    minQty: 1,
    maxQty: 30,
  },
  {
    sku: "FST-NUT-M12",
    text: {
      en: "Hex nut M12, class 8 (box of 200)",
      "pt-BR": "Porca sextavada M12 classe 8 (cx. 200)",
      de: "Sechskantmutter M12 Kl. 8 (VE 200)",
    },
    unit: "each",
    listPrice: 2_140n,
    minQty: 1,
    maxQty: 30,
  },
  {
    sku: "BLT-EP500-800",
    text: {
      en: "Conveyor belt EP500/3, 800 mm wide (per m)",
      "pt-BR": "Correia transportadora EP500/3, 800 mm (m)",
      de: "Fördergurt EP500/3, 800 mm breit (je m)",
    },
    unit: "meter",
    listPrice: 9_600n,
    minQty: 5,
    maxQty: 60,
  },
  {
    sku: "CHN-16B-1",
    text: {
      en: "Roller chain 16B-1 (5 m)",
      "pt-BR": "Corrente de rolos 16B-1 (5 m)",
      de: "Rollenkette 16B-1 (5 m)",
    },
    unit: "each",
    listPrice: 7_400n,
    minQty: 1,
    maxQty: 20,
  },
  {
    sku: "LUB-EP2-18",
    text: {
      en: "Lithium EP2 grease, 18 kg pail",
      "pt-BR": "Graxa de lítio EP2, balde 18 kg",
      de: "Lithiumfett EP2, 18-kg-Eimer",
    },
    unit: "each",
    listPrice: 8_900n,
    minQty: 1,
    maxQty: 20,
  },
  {
    sku: "LUB-HLP46-208",
    text: {
      en: "Hydraulic oil ISO VG 46, 208 L drum",
      "pt-BR": "Óleo hidráulico ISO VG 46, tambor 208 L",
      de: "Hydrauliköl HLP 46, 208-l-Fass",
    },
    unit: "each",
    listPrice: 61_200n,
    minQty: 1,
    maxQty: 6,
  },
  {
    sku: "PPE-GLV-C",
    text: {
      en: "Cut-resistant gloves, level C (dozen)",
      "pt-BR": "Luvas anticorte nível C (dúzia)",
      de: "Schnittschutzhandschuhe Stufe C (Dutzend)",
    },
    unit: "each",
    listPrice: 5_400n,
    minQty: 1,
    maxQty: 40,
  },
  {
    sku: "PPE-HLM-397",
    text: {
      en: "Safety helmet EN 397",
      "pt-BR": "Capacete de segurança classe B",
      de: "Industrieschutzhelm EN 397",
    },
    unit: "each",
    listPrice: 1_850n,
    minQty: 5,
    maxQty: 60,
  },
  {
    sku: "PNE-CYL-63-200",
    text: {
      en: "Pneumatic cylinder ISO 15552, 63 x 200",
      "pt-BR": "Cilindro pneumático ISO 15552, 63 x 200",
      de: "Pneumatikzylinder ISO 15552, 63 x 200",
    },
    unit: "each",
    listPrice: 18_600n,
    minQty: 1,
    maxQty: 12,
  },
  {
    sku: "SNS-IND-M18",
    text: {
      en: "Inductive proximity sensor M18",
      "pt-BR": "Sensor indutivo M18",
      de: "Induktiver Näherungsschalter M18",
    },
    unit: "each",
    listPrice: 4_270n,
    minQty: 2,
    maxQty: 50,
  },
  {
    sku: "PLC-16DI",
    text: {
      en: "PLC input module, 16 DI 24 V DC",
      "pt-BR": "Módulo de entradas CLP, 16 ED 24 Vcc",
      de: "SPS-Eingangsmodul, 16 DE 24 V DC",
    },
    unit: "each",
    listPrice: 26_800n,
    minQty: 1,
    maxQty: 8,
  },
  {
    sku: "CBL-4X2.5",
    text: {
      en: "Power cable 4 x 2.5 mm² (per m)",
      "pt-BR": "Cabo de potência 4 x 2,5 mm² (m)",
      de: "Leistungskabel 4 x 2,5 mm² (je m)",
    },
    unit: "meter",
    listPrice: 310n,
    minQty: 50,
    maxQty: 500,
  },
  {
    sku: "STL-S355-10",
    text: {
      en: "Steel plate S355, 10 mm (per kg)",
      "pt-BR": "Chapa de aço S355, 10 mm (kg)",
      de: "Stahlblech S355, 10 mm (je kg)",
    },
    unit: "kg",
    listPrice: 145n,
    minQty: 200,
    maxQty: 4000,
  },
  {
    sku: "SVC-FIELD-HR",
    text: {
      en: "Field service technician (hour)",
      "pt-BR": "Técnico de campo (hora)",
      de: "Servicetechniker vor Ort (Stunde)",
    },
    unit: "hour",
    listPrice: 13_500n,
    minQty: 2,
    maxQty: 40,
    service: true,
  },
  {
    sku: "SVC-INSTALL",
    text: {
      en: "Installation and commissioning",
      "pt-BR": "Instalação e comissionamento",
      de: "Montage und Inbetriebnahme",
    },
    unit: "flat",
    listPrice: 245_000n,
    minQty: 1,
    maxQty: 1,
    service: true,
  },
  {
    sku: "SVC-PM-MONTH",
    text: {
      en: "Preventive maintenance contract (monthly)",
      "pt-BR": "Contrato de manutenção preventiva (mensal)",
      de: "Wartungsvertrag (monatlich)",
    },
    unit: "flat",
    listPrice: 98_000n,
    minQty: 1,
    maxQty: 1,
    service: true,
  },
  {
    sku: "TRN-SAFETY",
    text: {
      en: "Machine safety training (per participant)",
      "pt-BR": "Treinamento NR-12 (por participante)",
      de: "Maschinensicherheitsschulung (pro Teilnehmer)",
    },
    unit: "each",
    listPrice: 24_000n,
    minQty: 2,
    maxQty: 15,
    service: true,
  },
  {
    sku: "DOC-HYD-HB",
    text: {
      en: "Hydraulics handbook, printed",
      "pt-BR": "Manual de hidráulica (impresso)",
      de: "Fachbuch Hydraulik (Druckausgabe)",
    },
    unit: "each",
    listPrice: 6_400n,
    minQty: 1,
    maxQty: 10,
    reducedVat: true,
  },
];

/** Appended to some invoices (never the only line). */
export const FREIGHT: Product = {
  sku: "FRT-LTL",
  text: { en: "Freight – LTL", "pt-BR": "Frete rodoviário fracionado", de: "Fracht – Stückgut" },
  unit: "flat",
  listPrice: 18_500n,
  minQty: 1,
  maxQty: 1,
  service: true,
};

export const INDUSTRIES: Record<DemoLocale, string[]> = {
  en: [
    "Fabrication",
    "Manufacturing",
    "Industrial Supply",
    "Machine Works",
    "Logistics",
    "Packaging",
    "Foods",
    "Plastics",
    "Metals",
    "Automation",
    "Construction",
    "Energy",
    "Tool & Die",
    "Components",
    "Distribution",
    "Engineering",
  ],
  "pt-BR": [
    "Metalúrgica",
    "Indústria e Comércio",
    "Plásticos",
    "Alimentos",
    "Embalagens",
    "Transportes",
    "Construtora",
    "Autopeças",
    "Máquinas",
    "Elétrica",
    "Têxtil",
    "Química",
    "Logística",
    "Agroindustrial",
    "Distribuidora",
  ],
  de: [
    "Maschinenbau",
    "Metallbau",
    "Kunststofftechnik",
    "Logistik",
    "Verpackungen",
    "Elektrotechnik",
    "Antriebstechnik",
    "Präzisionsteile",
    "Anlagenbau",
    "Lebensmittel",
    "Baustoffe",
    "Werkzeugbau",
    "Fördertechnik",
    "Oberflächentechnik",
    "Industriebedarf",
  ],
};

export const COMPANY_SUFFIXES: Record<DemoLocale, string[]> = {
  en: ["Inc.", "LLC", "Corp.", "Co.", "Inc."],
  "pt-BR": ["Ltda.", "S.A.", "Ltda.", "Ltda. ME", "EIRELI"],
  de: ["GmbH", "GmbH & Co. KG", "AG", "KG", "GmbH"],
};

/** What a child account is called after its parent: "Acme Inc. – Dallas Plant". */
export const BRANCH_NAMES: Record<DemoLocale, (city: string) => string> = {
  en: (city) => `${city} Plant`,
  "pt-BR": (city) => `Filial ${city}`,
  de: (city) => `Werk ${city}`,
};

export const JOB_TITLES: Record<DemoLocale, string[]> = {
  en: [
    "Accounts Payable Manager",
    "AP Specialist",
    "Controller",
    "Chief Financial Officer",
    "Procurement Lead",
  ],
  "pt-BR": [
    "Gerente de Contas a Pagar",
    "Analista Financeiro",
    "Controller",
    "Diretor Financeiro",
    "Comprador",
  ],
  de: [
    "Leitung Kreditorenbuchhaltung",
    "Sachbearbeitung Buchhaltung",
    "Controller",
    "Kaufmännische Leitung",
    "Einkauf",
  ],
};

export const CREDIT_REASONS: Record<DemoLocale, string[]> = {
  en: ["Price adjustment", "Returned goods", "Damaged in transit", "Quantity shortfall", "Volume rebate"],
  "pt-BR": [
    "Ajuste de preço",
    "Devolução de mercadoria",
    "Avaria no transporte",
    "Diferença de quantidade",
    "Bonificação por volume",
  ],
  de: ["Preiskorrektur", "Warenrücksendung", "Transportschaden", "Mindermenge", "Mengenrabatt"],
};

export const DEMO_PASSWORD = "settle-demo-2026";

export interface DemoStaff {
  email: string;
  name: string;
  roles: StaffRole[];
  /** Legal entity whose customers this collector works. */
  collects?: string;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { email: "admin@settle.example", name: "Morgan Reyes", roles: ["ADMIN"] },
  { email: "manager@settle.example", name: "Priya Natarajan", roles: ["AR_MANAGER"] },
  { email: "collector@settle.example", name: "Jamie Carter", roles: ["COLLECTOR"], collects: "SETTLE-US" },
  {
    email: "collector2@settle.example",
    name: "Ana Beatriz Souza",
    roles: ["COLLECTOR"],
    collects: "SETTLE-BR",
  },
  { email: "collector3@settle.example", name: "Lukas Becker", roles: ["COLLECTOR"], collects: "SETTLE-DE" },
  { email: "cash@settle.example", name: "Marcus Lee", roles: ["CASH_APPLIER"] },
  { email: "disputes@settle.example", name: "Sofia Rossi", roles: ["DISPUTE_ANALYST"] },
  { email: "credit@settle.example", name: "Daniel Okafor", roles: ["CREDIT_MANAGER"] },
  {
    email: "lead@settle.example",
    name: "Hannah Schulz",
    roles: ["COLLECTOR", "CASH_APPLIER", "DISPUTE_ANALYST"],
  },
];

export const DEMO_PORTAL_EMAIL = "demo@portal.example";
