import { createTransport } from "nodemailer";

export interface OutgoingEmail {
  /** The outbox row's id. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects with the server's reason. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** Delivers through the SMTP server in `smtpUrl` (smtp:// or smtps://, credentials in the URL). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(
    {
      url: smtpUrl,
      pool: true,
      maxConnections: 5,
      // Well inside the outbox claim lease, so a hung server fails the attempt instead of the sweep
      // handing the message to another worker while this one may still send it.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      // Message content is ours, but never let it make the worker read files or fetch URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from },
  );
  const idDomain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "settle.invalid";
  return {
    async send(email) {
      await transport.sendMail({
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? undefined,
        attachments: email.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
        // Stable per outbox row: if a crash makes us send twice, mail clients see one message.
        messageId: `<${email.id}@${idDomain}>`,
      });
    },
    close() {
      transport.close();
    },
  };
}
