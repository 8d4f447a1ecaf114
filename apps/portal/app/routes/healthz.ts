/** Liveness for load balancers and the benchmark floor: no database, no session, no rendering. */
export function loader() {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
