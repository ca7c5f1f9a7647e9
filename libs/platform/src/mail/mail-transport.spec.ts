import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { createTestApp, startSmtpSink } from '@peervisit/testing';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';

// The platform alone has no GraphQL field; the app needs one to boot.
@Resolver()
class HelloResolver {
  @Query(() => String)
  hello() {
    return 'hello';
  }
}
@Module({ providers: [HelloResolver] })
class HelloModule {}

describe('MailTransport', () => {
  it('writes an .eml file under the capture directory when no SMTP_URL is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-'));
    try {
      const transport = new MailTransport({ from: 'PeerVisit <no-reply@peervisit.local>', captureDir: dir });
      expect(transport.mode).toBe('capture');
      const sent = await transport.send({
        to: 'leader@example.org',
        subject: 'Visit programme',
        text: 'See you in Bergen.',
        messageId: '<m-1@peervisit>',
      });
      const eml = readFileSync(sent.file as string, 'utf8');
      expect(eml).toContain('Subject: Visit programme');
      expect(eml).toContain('Message-ID: <m-1@peervisit>');
      expect(eml).toContain('See you in Bergen.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends over SMTP to a real server, keeping the Message-ID', async () => {
    const sink = await startSmtpSink();
    try {
      const transport = new MailTransport({ smtpUrl: sink.url, from: 'PeerVisit <no-reply@peervisit.local>', captureDir: '/nonexistent' });
      await transport.send({
        to: 'peer@example.org',
        subject: 'Evidence reminder',
        text: 'Log what you heard today.',
        messageId: '<m-2@peervisit>',
      });
      transport.close();
      expect(sink.received).toEqual([
        { to: ['peer@example.org'], subject: 'Evidence reminder', text: 'Log what you heard today.\n', messageId: '<m-2@peervisit>' },
      ]);
    } finally {
      await sink.stop();
    }
  });

  it('keeps its SMTP connections and reuses them, at most maxConnections at a time', async () => {
    const sink = await startSmtpSink();
    try {
      const transport = new MailTransport({
        smtpUrl: sink.url,
        from: 'PeerVisit <no-reply@peervisit.local>',
        captureDir: '/nonexistent',
        maxConnections: 2,
      });
      for (let i = 0; i < 3; i++) await transport.send({ to: 'peer@example.org', subject: `one by one ${i}`, text: 't' });
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => transport.send({ to: 'peer@example.org', subject: `together ${i}`, text: 't' })),
      );
      transport.close();
      expect(sink.received).toHaveLength(9);
      const sessions = (prefix: string) =>
        new Set(sink.deliveries.filter((d) => d.mail.subject.startsWith(prefix)).map((d) => d.sessionId));
      // One after the other: one connection. Six at once: no more than the two allowed.
      expect(sessions('one by one').size).toBe(1);
      expect(sessions('together').size).toBeLessThanOrEqual(2);
      expect(new Set(sink.deliveries.map((d) => d.sessionId)).size).toBeLessThanOrEqual(2);
    } finally {
      await sink.stop();
    }
  });

  it('reports an SMTP server that refuses the connection', async () => {
    const transport = new MailTransport({ smtpUrl: 'smtp://127.0.0.1:1', from: 'x@example.org', captureDir: '/nonexistent' });
    await expect(transport.send({ to: 'peer@example.org', subject: 's', text: 't' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('ends its pooled SMTP connections when the application shuts down', async () => {
    const sink = await startSmtpSink();
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = sink.url;
    try {
      const t = await createTestApp({ imports: [HelloModule] });
      await t.app.get<MailTransport>(MAIL_TRANSPORT).send({ to: 'peer@example.org', subject: 'Pooled', text: 't' });
      const [session] = sink.deliveries.map((d) => d.sessionId);
      expect(sink.closedSessions.has(session)).toBe(false);
      await t.close();
      const deadline = Date.now() + 5000;
      while (!sink.closedSessions.has(session) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(sink.closedSessions.has(session)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
      await sink.stop();
    }
  });
});
