import type { ItemKind } from "../db/generated/enums.ts";

export type { ItemKind };

/**
 * Items that increase what the customer owes. REFUND (money sent back by card) and CHARGEBACK
 * (money the card network took back) are debits that the refunded payment clears (ADR 014).
 */
export const DEBIT_KINDS: readonly ItemKind[] = ["INVOICE", "DEBIT_MEMO", "FEE", "REFUND", "CHARGEBACK"];
/** What the customer was billed: the debits cash application clears (not refunds or chargebacks). */
export const BILLED_KINDS: readonly ItemKind[] = ["INVOICE", "DEBIT_MEMO", "FEE"];
/**
 * Items that reduce it and can be applied to debits. REFUND_REVERSAL (a settled card refund that
 * came back) clears its REFUND item (ADR 016).
 */
export const CREDIT_KINDS: readonly ItemKind[] = ["CREDIT_MEMO", "PAYMENT", "REFUND_REVERSAL"];

export const isDebitKind = (kind: ItemKind) => DEBIT_KINDS.includes(kind);
export const isCreditKind = (kind: ItemKind) => CREDIT_KINDS.includes(kind);

/** Signed effect on the balance: debits count positive, credits negative. */
export const signedAmount = (kind: ItemKind, amount: bigint) => (isDebitKind(kind) ? amount : -amount);
