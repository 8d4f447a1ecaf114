import type { IssuerFacts } from "@settle/domain/legal-entities/issuer-facts";
import type { DocumentIssuer } from "./types.ts";

/** A legal entity as the database has it, for documents it issues: the domain's issuer facts. */
export type IssuingEntity = IssuerFacts;

/** The letterhead, remit-to and bank details of a document issued by `entity`. */
export function documentIssuerOf(entity: IssuingEntity): DocumentIssuer {
  return {
    name: entity.name,
    // The legal entity's postal address is its remit-to address.
    addressLines: entity.remitToAddress,
    taxId: entity.taxId,
    remitToName: entity.remitToName,
    remitToAddressLines: entity.remitToAddress,
    bank: {
      bankName: entity.bankName,
      accountName: entity.bankAccountName,
      accountNumber: entity.bankAccount,
      routingNumber: entity.bankRouting,
      iban: entity.iban,
      swift: entity.swift,
    },
  };
}
