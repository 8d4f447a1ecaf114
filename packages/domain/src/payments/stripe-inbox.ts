// The webhook inbox's contract between the endpoint that fills it (receive-stripe-webhook.ts) and
// the processes that empty it (process-stripe-inbox.ts, the worker's listener).

/** PostgreSQL NOTIFY channel: an event id, sent when a new event enters the inbox. */
export const STRIPE_INBOX_CHANNEL = "settle_stripe_inbox";
