import { runWithRequestContext } from '../request-context/request-context';
import { JsonLogger } from './json-logger';

describe('JsonLogger', () => {
  const capture = () => {
    const lines: Record<string, unknown>[] = [];
    return { lines, logger: new JsonLogger('log', (line) => lines.push(JSON.parse(line))) };
  };

  it('puts the request id (and the job) on every line written while a request or job runs, across awaits', async () => {
    const { lines, logger } = capture();
    await runWithRequestContext({ requestId: 'req-1', job: 'mail/send-outbox-message/7' }, async () => {
      logger.log('before', 'Ctx');
      await new Promise((r) => setTimeout(r, 5));
      logger.error(new Error('after an await'));
    });
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'before', context: 'Ctx', requestId: 'req-1', job: 'mail/send-outbox-message/7' }),
      expect.objectContaining({ msg: 'after an await', level: 'error', requestId: 'req-1' }),
    ]);
  });

  it('writes no request id outside a request, and keeps concurrent requests apart', async () => {
    const { lines, logger } = capture();
    logger.log('startup');
    await Promise.all(
      ['a', 'b'].map((id) =>
        runWithRequestContext({ requestId: id }, async () => {
          await new Promise((r) => setTimeout(r, id === 'a' ? 10 : 1));
          logger.log(`from ${id}`);
        }),
      ),
    );
    expect(lines[0]).not.toHaveProperty('requestId');
    expect(lines.slice(1).map((l) => [l.msg, l.requestId])).toEqual([
      ['from b', 'b'],
      ['from a', 'a'],
    ]);
  });
});
