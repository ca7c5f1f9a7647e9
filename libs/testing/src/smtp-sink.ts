import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId?: string;
  /** The HTML part, when the message has one. */
  html?: string;
  /** The text/calendar part (an invite), unfolded, when the message carries one. */
  calendar?: string;
}

/** One message that arrived in full, with who sent it and what became of it. */
export interface SinkDelivery {
  mail: ReceivedMail;
  /** The name the client gave in EHLO/HELO (nodemailer's `name` option, e.g. `SMTP_URL=smtp://host:port/?name=worker-a`). */
  clientName: string;
  /** The SMTP session (connection) it came in on. */
  sessionId: string;
  outcome: 'pending' | 'accepted' | 'aborted' | 'refused';
  /** When the sink answered "250 OK" (Date.now()), for lateness measurements. */
  acceptedAt?: number;
}

export interface SmtpSinkOptions {
  /**
   * How long to hold a message, received in full, before answering the final "250 OK" (ms). A
   * function gets the message and its arrival index (0-based, over every message that arrived).
   * While held the message is in `pending`; if the client goes away meanwhile it is not delivered
   * (it goes to `aborted`), as with a real server that never acknowledged it.
   */
  holdMs?: number | ((mail: ReceivedMail, index: number) => number);
  /** Answer a message with an error instead of accepting it (return undefined to accept). */
  refuse?: (mail: ReceivedMail, index: number) => { code?: number; message: string } | undefined;
}

export interface SmtpSink {
  url: string;
  /** Messages accepted (answered "250 OK" to a client still connected). */
  received: ReceivedMail[];
  /** Messages received in full and being held before the answer. */
  pending: ReceivedMail[];
  /** Messages whose client went away before the answer: not delivered. */
  aborted: ReceivedMail[];
  /** Messages answered with an error by `refuse`. */
  refused: ReceivedMail[];
  /** Every message that arrived in full, in arrival order, with its sender and outcome. */
  deliveries: SinkDelivery[];
  /** Ids of the SMTP sessions (connections) that have ended, by QUIT or by the client going away. */
  closedSessions: ReadonlySet<string>;
  stop(): Promise<void>;
}

/** A real SMTP server on a free local port that keeps what it receives, for tests of the SMTP path. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const pending: ReceivedMail[] = [];
  const aborted: ReceivedMail[] = [];
  const refused: ReceivedMail[] = [];
  const deliveries: SinkDelivery[] = [];
  const closedSessions = new Set<string>();
  // Held messages and how to answer them now (on stop: "shutting down", not delivered).
  const held = new Map<NodeJS.Timeout, () => void>();
  let arrivals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId,
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            calendar: parsed.attachments
              .find((a) => a.contentType.includes('calendar'))
              ?.content.toString('utf8')
              .replace(/\r?\n[ \t]/g, ''),
          };
          const index = arrivals++;
          const delivery: SinkDelivery = { mail, clientName: session.hostNameAppearsAs || '', sessionId: session.id, outcome: 'pending' };
          deliveries.push(delivery);
          const answer = (shuttingDown = false) => {
            const at = pending.indexOf(mail);
            if (at >= 0) pending.splice(at, 1);
            if (shuttingDown || closedSessions.has(session.id)) {
              aborted.push(mail);
              delivery.outcome = 'aborted';
              return callback(new Error('The client went away before the answer'));
            }
            const refusal = options.refuse?.(mail, index);
            if (refusal) {
              refused.push(mail);
              delivery.outcome = 'refused';
              return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code ?? 451 }));
            }
            received.push(mail);
            delivery.outcome = 'accepted';
            delivery.acceptedAt = Date.now();
            callback();
          };
          const hold = typeof options.holdMs === 'function' ? options.holdMs(mail, index) : (options.holdMs ?? 0);
          if (hold <= 0) return answer();
          pending.push(mail);
          const timer = setTimeout(() => {
            held.delete(timer);
            answer();
          }, hold);
          held.set(timer, () => answer(true));
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    pending,
    aborted,
    refused,
    deliveries,
    closedSessions,
    stop: () => {
      for (const [timer, answerNow] of held) {
        clearTimeout(timer);
        answerNow();
      }
      held.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
