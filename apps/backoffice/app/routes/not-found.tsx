import { data } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/not-found";

/** Unknown addresses inside the app: a 404 page inside the shell, after signing in. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireStaff(request);
  throw data({ message: "Not found" }, { status: 404 });
}

// Never rendered (the loader always throws); having a component keeps this a page route, so the
// 404 is an HTML page in the shell rather than a bare resource response.
export default function NotFound() {
  return null;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
