import { LoggerService } from '@nestjs/common';
import { currentRequestContext } from '../request-context/request-context';

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LEVELS)[number];

/**
 * One JSON object per line on stdout: time, level, context, message (and stack for errors), and the
 * request id (and job) of the request or job the line was written for.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    level: LogLevel = 'log',
    private readonly write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  ) {
    this.threshold = LEVELS.indexOf(level);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]) {
    if (LEVELS.indexOf(level) > this.threshold) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, context };
    const request = currentRequestContext();
    if (request) {
      entry.requestId = request.requestId;
      if (request.job) entry.job = request.job;
    }
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) Object.assign(entry, message);
    else entry.msg = String(message);
    if (level === 'error' && typeof rest[0] === 'string') entry.stack = rest[0];
    this.write(JSON.stringify(entry));
  }

  log(message: unknown, ...rest: unknown[]) {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('verbose', message, rest);
  }
}
