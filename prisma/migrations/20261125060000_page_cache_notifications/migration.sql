-- Rendered-page cache invalidation (ADR 019).
--
-- The portal keeps rendered pages in memory, tagged with the customer accounts they show, and
-- remembers for a few minutes which sessions are signed in. Every change to what those pages and
-- sessions read is announced on the `settle_page_cache` channel when its transaction commits, so
-- each app process drops what it holds for them. Payloads are comma-separated tags:
-- `customer:<uuid>` (an account), `session:<id>` (a session), `portal-user:<uuid>` (a portal
-- user: name, language, active flag, accounts) and `*` for everything (reference data every page
-- may show). PostgreSQL folds identical notifications of one transaction into one, and delivers
-- none for a transaction that rolls back.
--
-- The triggers are per statement with transition tables, so a set-based write of many rows costs
-- one notification per 100 tags, not one per row (a tag is at most 72 bytes, a payload at most
-- 8,000). Their queries are static, so PL/pgSQL plans them once per trigger.

CREATE FUNCTION settle_page_cache_announce(tags text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  n int := coalesce(array_length(tags, 1), 0);
  i int := 1;
BEGIN
  WHILE i <= n LOOP
    PERFORM pg_notify('settle_page_cache', array_to_string(tags[i:i + 99], ','));
    i := i + 100;
  END LOOP;
END
$$;

-- Rows that belong to one account (customer_id).
CREATE FUNCTION settle_page_cache_account_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM settle_page_cache_announce(ARRAY(SELECT DISTINCT 'customer:' || customer_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM settle_page_cache_announce(ARRAY(
      SELECT 'customer:' || customer_id FROM new_rows UNION SELECT 'customer:' || customer_id FROM old_rows));
  ELSE
    PERFORM settle_page_cache_announce(ARRAY(SELECT DISTINCT 'customer:' || customer_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- An account, and its parent (a parent's consolidated pages show its children).
CREATE FUNCTION settle_page_cache_customers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM settle_page_cache_announce(ARRAY(
      SELECT 'customer:' || id FROM new_rows
      UNION SELECT 'customer:' || parent_id FROM new_rows WHERE parent_id IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM settle_page_cache_announce(ARRAY(
      SELECT 'customer:' || id FROM new_rows
      UNION SELECT 'customer:' || parent_id FROM new_rows WHERE parent_id IS NOT NULL
      UNION SELECT 'customer:' || parent_id FROM old_rows WHERE parent_id IS NOT NULL));
  ELSE
    PERFORM settle_page_cache_announce(ARRAY(
      SELECT 'customer:' || id FROM old_rows
      UNION SELECT 'customer:' || parent_id FROM old_rows WHERE parent_id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;

-- Who may see what: a membership changes an account's users and a user's accounts.
CREATE FUNCTION settle_page_cache_memberships() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM settle_page_cache_announce(ARRAY(
      SELECT 'customer:' || customer_id FROM new_rows
      UNION SELECT 'portal-user:' || portal_user_id FROM new_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM settle_page_cache_announce(ARRAY(
      SELECT 'customer:' || customer_id FROM old_rows
      UNION SELECT 'portal-user:' || portal_user_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- A portal user (name, language, active) or a session (sign-out, revocation, active account,
-- sliding expiry; sessions are hashed tokens): their id under the table's prefix.
CREATE FUNCTION settle_page_cache_ids() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM settle_page_cache_announce(ARRAY(SELECT TG_ARGV[0] || ':' || id FROM new_rows));
  ELSE
    PERFORM settle_page_cache_announce(ARRAY(SELECT TG_ARGV[0] || ':' || id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- Reference data any page may show (letterhead and bank details, the holidays that set dispute
-- deadlines): every cached page goes.
CREATE FUNCTION settle_page_cache_everything() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('settle_page_cache', '*');
  RETURN NULL;
END
$$;

-- Three statement triggers per table (a trigger with transition tables takes one event).
CREATE PROCEDURE settle_page_cache_watch(tbl regclass, fn text, arg text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
  name text := replace(tbl::text, '"', '');
  args text := CASE WHEN arg IS NULL THEN '' ELSE quote_literal(arg) END;
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)', name || '_page_cache_insert', tbl, fn, args);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)', name || '_page_cache_update', tbl, fn, args);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)', name || '_page_cache_delete', tbl, fn, args);
END
$$;

CALL settle_page_cache_watch('customer', 'settle_page_cache_customers');
-- What an account's pages show.
CALL settle_page_cache_watch('contact', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('open_item', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('application', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('payment_attempt', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('refund', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('chargeback', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('account_flag', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('saved_card', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('autopay_setting', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('autopay_charge', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('dispute', 'settle_page_cache_account_rows');
CALL settle_page_cache_watch('portal_membership', 'settle_page_cache_memberships');
CALL settle_page_cache_watch('portal_user', 'settle_page_cache_ids', 'portal-user');
CALL settle_page_cache_watch('session', 'settle_page_cache_ids', 'session');

CREATE TRIGGER legal_entity_page_cache AFTER INSERT OR UPDATE OR DELETE ON legal_entity
  FOR EACH STATEMENT EXECUTE FUNCTION settle_page_cache_everything();
CREATE TRIGGER holiday_page_cache AFTER INSERT OR UPDATE OR DELETE ON holiday
  FOR EACH STATEMENT EXECUTE FUNCTION settle_page_cache_everything();

DROP PROCEDURE settle_page_cache_watch(regclass, text, text);
