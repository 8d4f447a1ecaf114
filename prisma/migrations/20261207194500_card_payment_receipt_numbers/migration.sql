-- Card payments take receipt numbers from the legal entity's receipt numbering (ADR 026) and keep
-- the card as Stripe described it.

-- AlterTable
ALTER TABLE "open_item" ADD COLUMN "card_brand" TEXT,
ADD COLUMN "card_last4" TEXT;

-- CreateTable
CREATE TABLE "receipt_number_counter" (
    "legal_entity_id" UUID NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT 'RCT-',
    "last_value" BIGINT NOT NULL,

    CONSTRAINT "receipt_number_counter_pkey" PRIMARY KEY ("legal_entity_id"),
    CONSTRAINT "receipt_number_counter_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- The card of card payments recorded so far, from the description Settle wrote for them
-- ("Card payment (visa •••• 4242)").
UPDATE "open_item" i
   SET "card_brand" = m.parts[1], "card_last4" = m.parts[2]
  FROM (SELECT "id", regexp_match("description", '^Card payment \(([a-z_]+) •••• ([0-9]{4})\)$') AS parts
          FROM "open_item"
         WHERE "kind" = 'PAYMENT' AND "payment_method" = 'CARD' AND "card_brand" IS NULL) m
 WHERE i."id" = m."id" AND m.parts IS NOT NULL;

-- Each legal entity continues the numbering its receipts already use: the most common prefix of
-- its numbered receipts (letters and punctuation before the digits; "RCT-" when it has none) and
-- the highest number issued with it. Card payments recorded so far keep their CARD-… numbers: they
-- are printed on receipts the payers already hold.
INSERT INTO "receipt_number_counter" ("legal_entity_id", "prefix", "last_value")
SELECT le."id",
       COALESCE(best."prefix", 'RCT-'),
       GREATEST(100000, COALESCE(best."last_value", 0))
  FROM "legal_entity" le
  LEFT JOIN LATERAL (
    SELECT p."prefix", MAX(p."value") AS "last_value"
      FROM (SELECT (regexp_match(i."number", '^([^0-9]+)([0-9]{1,15})$'))[1] AS "prefix",
                   (regexp_match(i."number", '^([^0-9]+)([0-9]{1,15})$'))[2]::bigint AS "value"
              FROM "open_item" i
             WHERE i."legal_entity_id" = le."id" AND i."kind" = 'PAYMENT'
               AND i."number" ~ '^[^0-9]+[0-9]{1,15}$') p
     GROUP BY p."prefix"
     ORDER BY COUNT(*) DESC, p."prefix"
     LIMIT 1
  ) best ON true
ON CONFLICT ("legal_entity_id") DO NOTHING;
