-- Rendered-page cache invalidation (ADR 019).
--
-- The portal keeps rendered pages in memory, tagged with the customer accounts they show, and
-- remembers for a few minutes which sessions are signed in. Every change to what those pages and
-- sessions read is announced on the `settle_page_cache` channel when its transaction commits, so
-- each app process drops what it holds for them. Payloads are comma-separated tags:
-- `customer:<uuid>` (an account), `session:<id>` (a session), `portal-user:<uuid>` (a portal
-- user: name, language, active flag, accounts) and `*` for everything (reference data every page
-- may show). PostgreSQL folds identical notifications of one
-- transaction into one, and delivers none for a transaction that rolls back.
--
-- The triggers are per statement with transition tables, so a set-based write of many rows costs
-- one notification per 100 tags, not one per row (a tag is at most 76 bytes, a payload at
-- most 8,000).

CREATE FUNCTION settle_page_cache_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- TG_ARGV: `prefix:column` per tag the changed rows carry; none means "everything".
  sources text[] := '{}';
  selects text[] := '{}';
  arg text;
  payload text;
BEGIN
  IF TG_NARGS = 0 THEN
    PERFORM pg_notify('settle_page_cache', '*');
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN sources := sources || 'new_rows'::text; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN sources := sources || 'old_rows'::text; END IF;
  FOREACH arg IN ARRAY TG_ARGV LOOP
    FOR i IN 1 .. array_length(sources, 1) LOOP
      selects := selects || format('SELECT %L || %I::text AS tag FROM %I',
                                   split_part(arg, ':', 1) || ':', split_part(arg, ':', 2), sources[i])::text;
    END LOOP;
  END LOOP;
  FOR payload IN EXECUTE format(
    'SELECT string_agg(tag, '','') FROM (
       SELECT tag, (row_number() OVER ()) / 100 AS chunk
         FROM (SELECT DISTINCT tag FROM (%s) changed WHERE tag IS NOT NULL) tags
     ) numbered GROUP BY chunk',
    array_to_string(selects, ' UNION ALL '))
  LOOP
    PERFORM pg_notify('settle_page_cache', payload);
  END LOOP;
  RETURN NULL;
END
$$;

-- Three statement triggers per table (a trigger with transition tables takes one event).
CREATE PROCEDURE settle_page_cache_watch(tbl regclass, VARIADIC cols text[])
LANGUAGE plpgsql AS $$
DECLARE
  args text := (SELECT coalesce(string_agg(quote_literal(c), ', '), '') FROM unnest(cols) c);
  name text := replace(tbl::text, '"', '');
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION settle_page_cache_notify(%s)',
                 name || '_page_cache_insert', tbl, args);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION settle_page_cache_notify(%s)',
                 name || '_page_cache_update', tbl, args);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION settle_page_cache_notify(%s)',
                 name || '_page_cache_delete', tbl, args);
END
$$;

-- An account, and its parent (a parent's consolidated pages show its children).
CALL settle_page_cache_watch('customer', 'customer:id', 'customer:parent_id');
-- What an account's pages show.
CALL settle_page_cache_watch('contact', 'customer:customer_id');
CALL settle_page_cache_watch('open_item', 'customer:customer_id');
CALL settle_page_cache_watch('application', 'customer:customer_id');
CALL settle_page_cache_watch('payment_attempt', 'customer:customer_id');
CALL settle_page_cache_watch('refund', 'customer:customer_id');
CALL settle_page_cache_watch('chargeback', 'customer:customer_id');
CALL settle_page_cache_watch('account_flag', 'customer:customer_id');
CALL settle_page_cache_watch('saved_card', 'customer:customer_id');
CALL settle_page_cache_watch('autopay_setting', 'customer:customer_id');
CALL settle_page_cache_watch('autopay_charge', 'customer:customer_id');

CALL settle_page_cache_watch('dispute', 'customer:customer_id');

-- Who may see what: a membership changes an account's users and a user's accounts.
CALL settle_page_cache_watch('portal_membership', 'customer:customer_id', 'portal-user:portal_user_id');
CALL settle_page_cache_watch('portal_user', 'portal-user:id');
-- Sign-outs, revocations, the active account, the sliding expiry (sessions are hashed tokens).
CALL settle_page_cache_watch('session', 'session:id');

-- Reference data any page may show (letterhead and bank details, the holidays that set dispute
-- deadlines): every cached page goes.
CREATE TRIGGER legal_entity_page_cache AFTER INSERT OR UPDATE OR DELETE ON legal_entity
  FOR EACH STATEMENT EXECUTE FUNCTION settle_page_cache_notify();
CREATE TRIGGER holiday_page_cache AFTER INSERT OR UPDATE OR DELETE ON holiday
  FOR EACH STATEMENT EXECUTE FUNCTION settle_page_cache_notify();

DROP PROCEDURE settle_page_cache_watch(regclass, text[]);
