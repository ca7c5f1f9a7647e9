import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@peervisit/platform';
import { EntityManager } from 'typeorm';

/** The Index's domain event: its reminders (notifications' Index planner) follow every change. */
declare module '@peervisit/platform' {
  interface DomainEvents {
    /** Any change to an Index assessment (timeline, people, assignments, answers, status), in its transaction. */
    'iccIndex.changed': { assessmentId: string };
  }
}

@Injectable()
export class IndexChanges {
  constructor(private readonly events: DomainEventBus) {}

  /** Publishes `iccIndex.changed` in the caller's transaction; its after-commit handlers run at that commit. */
  changed(manager: EntityManager, assessmentId: string): Promise<void> {
    return this.events.publish('iccIndex.changed', { assessmentId }, manager);
  }
}
