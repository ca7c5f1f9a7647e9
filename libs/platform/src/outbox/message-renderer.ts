import { OutboxMessage } from './outbox-message.entity';

export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
  /** e.g. an iCalendar invite: { filename: 'invite.ics', content, contentType: 'text/calendar; method=REQUEST' } */
  attachments?: { filename: string; content: string; contentType?: string }[];
  /** An iCalendar part sent as the message's alternative (what mail clients show as an invite). */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/**
 * Turns an outbox row into a message at send time (the notify step), or answers { skip: why } when the
 * message is no longer worth sending (e.g. the peer has logged evidence since). Provided by the
 * notifications lib; platform only defines the shape.
 */
export interface MessageRenderer {
  render(message: OutboxMessage): Promise<RenderedMessage | { skip: string }>;
}

export const MESSAGE_RENDERER = Symbol('MESSAGE_RENDERER');
