/**
 * For integration tests: the portal's webhook route and the worker's inbox processing in one
 * small HTTP server. A delivery is stored (400 for a bad signature, as the route answers), then
 * the inbox is drained before the answer, so a test that waits for the sandbox's deliveries sees
 * what they caused. Deliveries arriving together drain together, as several workers would.
 * `{ drain: false }`: the route alone, for tests of a processor of their own.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DomainError } from "../errors.ts";
import { drainStripeInbox } from "./process-stripe-inbox.ts";
import { receiveStripeWebhook } from "./receive-stripe-webhook.ts";

export interface TestWebhookReceiver {
  url: string;
  /** The HTTP status of every answer, in order. */
  answers: number[];
  close(): Promise<void>;
}

export function startTestWebhookReceiver(options: { drain?: boolean } = {}): Promise<TestWebhookReceiver> {
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      let status = 200;
      try {
        await receiveStripeWebhook(
          Buffer.concat(chunks).toString("utf8"),
          (req.headers["stripe-signature"] as string | undefined) ?? null,
        );
        if (options.drain !== false) await drainStripeInbox();
      } catch (error) {
        status = error instanceof DomainError ? 400 : 500;
      }
      answers.push(status);
      res.writeHead(status).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
        answers,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}
