import type { Person } from '../person/person.entity';

/** The directory lib's domain events; their handlers are listed in docs/architecture.md, "What happens after a change". */
declare module '@peervisit/platform' {
  interface DomainEvents {
    /**
     * Someone accepted an invitation, in the accepting transaction (the account exists by then). The
     * lib that owns the invitation's kind says what accepting does: AuthService.onInvitationAccepted.
     */
    'invitation.accepted': { kind: string; person: Person; payload: Record<string, unknown> };
  }
}
