/**
 * Liveness probe and the benchmark's floor: a bare response, no session, no database, no
 * rendering.
 */
export function loader() {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
