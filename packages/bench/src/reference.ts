/**
 * Word lists for generated names and addresses. Legal entities, the product catalog, places,
 * industries and company suffixes come from the demo seed (packages/domain/src/seed/demo-data.ts),
 * so benchmark data looks like the demo book, only much larger.
 */
export const COMPANY_WORDS = [
  "Acme",
  "Northwind",
  "Blue Ridge",
  "Summit",
  "Keystone",
  "Redwood",
  "Ironbridge",
  "Silver Lake",
  "Granite",
  "Harbor",
  "Pioneer",
  "Cedar",
  "Falcon",
  "Atlas",
  "Meridian",
  "Lakeside",
  "Orion",
  "Sterling",
  "Riverbend",
  "Highland",
  "Beacon",
  "Crescent",
  "Evergreen",
  "Frontier",
  "Horizon",
  "Liberty",
  "Maple",
  "Oakmont",
  "Prairie",
  "Quarry",
  "Sierra",
  "Tidewater",
  "Union",
  "Vanguard",
  "Westfield",
  "Apex",
  "Bayview",
  "Copperline",
  "Delta",
  "Eastgate",
];

export const FIRST_NAMES: Record<string, string[]> = {
  en: ["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "Emily", "Daniel"],
  "pt-BR": ["João", "Maria", "José", "Ana", "Carlos", "Fernanda", "Paulo", "Juliana", "Lucas", "Camila"],
  de: ["Thomas", "Sabine", "Michael", "Andrea", "Stefan", "Claudia", "Andreas", "Katrin", "Jan", "Julia"],
};

export const LAST_NAMES: Record<string, string[]> = {
  en: ["Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore"],
  "pt-BR": [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Lima",
    "Pereira",
    "Costa",
    "Rodrigues",
    "Almeida",
    "Ferreira",
  ],
  de: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch"],
};

/** Street names; the generator adds house numbers in each country's order. */
export const STREETS: Record<string, string[]> = {
  US: [
    "Industrial Pkwy",
    "Commerce Dr",
    "Main St",
    "Enterprise Ave",
    "Railroad St",
    "Factory Rd",
    "Mill St",
    "Harbor Blvd",
  ],
  BR: [
    "Rua da Indústria",
    "Av. das Nações",
    "Rua XV de Novembro",
    "Av. Brasil",
    "Rua do Comércio",
    "Rodovia dos Bandeirantes",
  ],
  DE: ["Industriestraße", "Hafenstraße", "Gewerbepark", "Bahnhofstraße", "Am Werk", "Mühlenweg"],
};

export const COUNTRY_NAMES: Record<string, string> = { US: "United States", BR: "Brasil", DE: "Deutschland" };

export const FEE_TEXT: Record<string, string> = {
  en: "Late payment fee",
  "pt-BR": "Juros de mora",
  de: "Mahngebühr",
};

/** Actions of the non-ledger audit trail (the back office account page lists them). */
export const ACCOUNT_ACTIONS = [
  "customer.update",
  "credit_limit.change",
  "contact.update",
  "collection_note.add",
  "promise_to_pay.record",
];
