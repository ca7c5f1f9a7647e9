import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { QUEUES } from '../queue/queues';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A stable Message-ID makes a resend recognisable as the same message. */
  messageId?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
  /** An iCalendar invite as the message's calendar alternative (mail clients show accept/decline). */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface SentMail {
  messageId: string;
  /** What the SMTP server answered (often carries its own queue id). */
  providerMessageId?: string;
  /** Where a captured message was written (capture transport only). */
  file?: string;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Sends email: over SMTP when SMTP_URL is set, otherwise into .eml files under DATA_DIR/mail. */
export class MailTransport {
  private readonly logger = new Logger('MailTransport');
  private readonly transporter: Transporter;

  constructor(
    private readonly options: { smtpUrl?: string; from: string; captureDir: string; timeoutMs?: number; maxConnections?: number },
  ) {
    // A send must end well before the outbox takes a "sending" message to have crashed.
    const timeout = options.timeoutMs ?? 60_000;
    this.transporter = options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
          // Connections are kept and reused: opening one per message (TCP, greeting, EHLO) made the
          // SMTP round trip five times slower than the send itself (scripts/bench/reminder-burst.ts).
          // One connection per concurrent send of the mail queue; each is renewed after 100 messages.
          pool: true,
          maxConnections: options.maxConnections ?? QUEUES.mail.concurrency,
          maxMessages: 100,
        } as never)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  get mode(): 'smtp' | 'capture' {
    return this.options.smtpUrl ? 'smtp' : 'capture';
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const messageId = mail.messageId ?? `<${randomUUID()}@peervisit>`;
    const info = await this.transporter.sendMail({
      ...mail,
      from: this.options.from,
      messageId,
      icalEvent: mail.icalEvent
        ? { method: mail.icalEvent.method.toLowerCase(), content: mail.icalEvent.content, filename: 'invite.ics' }
        : undefined,
    });
    if (this.mode === 'smtp') return { messageId, providerMessageId: (info as { response?: string }).response };
    await mkdir(this.options.captureDir, { recursive: true });
    const safeId = messageId.replace(/[^a-zA-Z0-9@.-]/g, '');
    const file = join(this.options.captureDir, `${new Date().toISOString().replace(/[:.]/g, '-')}_${safeId}.eml`);
    await writeFile(file, info.message as Buffer);
    this.logger.log(`Captured mail to ${mail.to} ("${mail.subject}") in ${file}`);
    return { messageId, file };
  }

  close(): void {
    this.transporter.close();
  }

  /** Nest calls this after the workers stopped (onModuleDestroy): pooled SMTP connections end with QUIT. */
  onApplicationShutdown(): void {
    this.close();
  }
}
