/** Who issues a document: the legal entity's name, tax id, remit-to address and bank details. */
export interface IssuerFacts {
  name: string;
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

/** The issuer fields of a legal entity row, for the documents it issues (plain data). */
export function issuerFacts(entity: IssuerFacts): IssuerFacts {
  return {
    name: entity.name,
    taxId: entity.taxId,
    remitToName: entity.remitToName,
    remitToAddress: entity.remitToAddress,
    bankName: entity.bankName,
    bankAccountName: entity.bankAccountName,
    bankAccount: entity.bankAccount,
    bankRouting: entity.bankRouting,
    iban: entity.iban,
    swift: entity.swift,
  };
}
