import { LinkButton } from "@settle/ui/button";
import { Brand } from "./brand";
import { errorCopy } from "./error-copy";

/** A full-page error (the root boundary): the page's own layout could not render. */
export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const copy = errorCopy(status, message);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex h-16 max-w-6xl items-center px-4 sm:px-6">
          <Brand />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
        <div className="max-w-md text-center">
          <p className="text-sm font-semibold text-brand-700">Error {status}</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">{copy.title}</h1>
          <p className="mt-3 text-sm leading-6 text-ink-muted">{copy.body}</p>
          <div className="mt-6 flex justify-center">
            <LinkButton to="/" variant="primary" reloadDocument>
              Go to my accounts
            </LinkButton>
          </div>
        </div>
      </main>
    </div>
  );
}

/** An error inside the signed-in layout: the header stays, the page area explains. */
export function RouteErrorPanel({ status, message }: { status: number; message?: string }) {
  const copy = errorCopy(status, message);
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">Error {status}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">{copy.title}</h1>
      <p className="mt-3 text-sm leading-6 text-ink-muted">{copy.body}</p>
      <div className="mt-6 flex justify-center">
        <LinkButton to="/select-account" variant="primary">
          Go to my accounts
        </LinkButton>
      </div>
    </div>
  );
}
