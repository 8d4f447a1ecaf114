-- Retires the rendered-page cache's change announcements (ADR 019, superseded by ADR 021).
--
-- Every write to the tables below fired a statement trigger that gathered the changed accounts
-- and called pg_notify, which every committing writer paid for (PostgreSQL serializes commits
-- that notify). Pages read the ledger on every request now, so nothing listens any more.

DROP TRIGGER customer_page_cache_insert ON customer;
DROP TRIGGER customer_page_cache_update ON customer;
DROP TRIGGER customer_page_cache_delete ON customer;

DROP TRIGGER contact_page_cache_insert ON contact;
DROP TRIGGER contact_page_cache_update ON contact;
DROP TRIGGER contact_page_cache_delete ON contact;

DROP TRIGGER open_item_page_cache_insert ON open_item;
DROP TRIGGER open_item_page_cache_update ON open_item;
DROP TRIGGER open_item_page_cache_delete ON open_item;

DROP TRIGGER application_page_cache_insert ON application;
DROP TRIGGER application_page_cache_update ON application;
DROP TRIGGER application_page_cache_delete ON application;

DROP TRIGGER payment_attempt_page_cache_insert ON payment_attempt;
DROP TRIGGER payment_attempt_page_cache_update ON payment_attempt;
DROP TRIGGER payment_attempt_page_cache_delete ON payment_attempt;

DROP TRIGGER refund_page_cache_insert ON refund;
DROP TRIGGER refund_page_cache_update ON refund;
DROP TRIGGER refund_page_cache_delete ON refund;

DROP TRIGGER chargeback_page_cache_insert ON chargeback;
DROP TRIGGER chargeback_page_cache_update ON chargeback;
DROP TRIGGER chargeback_page_cache_delete ON chargeback;

DROP TRIGGER account_flag_page_cache_insert ON account_flag;
DROP TRIGGER account_flag_page_cache_update ON account_flag;
DROP TRIGGER account_flag_page_cache_delete ON account_flag;

DROP TRIGGER saved_card_page_cache_insert ON saved_card;
DROP TRIGGER saved_card_page_cache_update ON saved_card;
DROP TRIGGER saved_card_page_cache_delete ON saved_card;

DROP TRIGGER autopay_setting_page_cache_insert ON autopay_setting;
DROP TRIGGER autopay_setting_page_cache_update ON autopay_setting;
DROP TRIGGER autopay_setting_page_cache_delete ON autopay_setting;

DROP TRIGGER autopay_charge_page_cache_insert ON autopay_charge;
DROP TRIGGER autopay_charge_page_cache_update ON autopay_charge;
DROP TRIGGER autopay_charge_page_cache_delete ON autopay_charge;

DROP TRIGGER dispute_page_cache_insert ON dispute;
DROP TRIGGER dispute_page_cache_update ON dispute;
DROP TRIGGER dispute_page_cache_delete ON dispute;

DROP TRIGGER portal_membership_page_cache_insert ON portal_membership;
DROP TRIGGER portal_membership_page_cache_update ON portal_membership;
DROP TRIGGER portal_membership_page_cache_delete ON portal_membership;

DROP TRIGGER portal_user_page_cache_insert ON portal_user;
DROP TRIGGER portal_user_page_cache_update ON portal_user;
DROP TRIGGER portal_user_page_cache_delete ON portal_user;

DROP TRIGGER session_page_cache_insert ON session;
DROP TRIGGER session_page_cache_update ON session;
DROP TRIGGER session_page_cache_delete ON session;

DROP TRIGGER legal_entity_page_cache ON legal_entity;
DROP TRIGGER holiday_page_cache ON holiday;

DROP FUNCTION settle_page_cache_account_rows();
DROP FUNCTION settle_page_cache_customers();
DROP FUNCTION settle_page_cache_memberships();
DROP FUNCTION settle_page_cache_ids();
DROP FUNCTION settle_page_cache_everything();
DROP FUNCTION settle_page_cache_announce(text[]);
