import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/authorization.decorators';
import { HealthChecks, liveness } from './health-checks';

/**
 * GET /health/live: the process answers (restart it when not).
 * GET /health/ready and GET /health: PostgreSQL and Redis answer, reported separately; 503 when
 * either is down (send it no traffic until they do). /health stays for the scripts that use it.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Get('live')
  live() {
    return liveness();
  }

  @Get('ready')
  ready(@Res() reply: FastifyReply) {
    return this.health(reply);
  }

  @Get()
  async health(@Res() reply: FastifyReply) {
    const readiness = await this.checks.readiness();
    return reply.status(readiness.status === 'ok' ? 200 : 503).send(readiness);
  }
}
