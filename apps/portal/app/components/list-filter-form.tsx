import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import type { ReactNode } from "react";
import { Form, useLocation } from "react-router";

/**
 * The filter bar of a list page (invoices, payments): a GET form (the URL is the state) that keeps
 * the sort and starts again from page 1, with Apply and, when something is filtered, Clear.
 */
export function ListFilterForm({
  label,
  sort,
  dir,
  filtered,
  clearTo,
  applyLabel,
  clearLabel,
  children,
}: {
  label: string;
  sort: string;
  dir: string;
  filtered: boolean;
  clearTo: string;
  applyLabel: string;
  clearLabel: string;
  children: ReactNode;
}) {
  const location = useLocation();
  return (
    <Card className="mb-6">
      {/* Keyed by the query: after a client-side navigation the fields show the new filters. */}
      <Form
        key={location.search}
        method="get"
        role="search"
        aria-label={label}
        className="flex flex-wrap items-end gap-4"
      >
        {/* Sorting survives a new search; the page does not. */}
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        {children}
        <div className="flex gap-2 pb-5">
          <Button type="submit" variant="primary">
            {applyLabel}
          </Button>
          {filtered ? (
            <LinkButton to={clearTo} variant="ghost">
              {clearLabel}
            </LinkButton>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
