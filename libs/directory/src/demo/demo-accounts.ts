/**
 * The demo's accounts and the one password they share, which the README publishes for development.
 * scripts/seed.ts --demo creates them; the list lives here so that a production API can refuse to
 * start while any of them still signs in with that password (see demo-password-check.ts).
 */
export const DEMO_PASSWORD = 'peervisit-demo';

export const DEMO_ACCOUNTS = [
  {
    email: 'secretariat@example.org',
    fullName: 'Marta Kowalska',
    role: 'network secretariat (admin)',
    isAdmin: true,
    organisation: 'EUROCITIES secretariat',
  },
  { email: 'leader@example.org', fullName: 'Jonas Berg', role: 'expert leader', isAdmin: false, organisation: 'Milan city administration' },
  { email: 'peer.milan@example.org', fullName: 'Elena Rossi', role: 'peer', isAdmin: false, organisation: 'Milan city administration' },
  {
    email: 'peer.rotterdam@example.org',
    fullName: 'Pieter de Vries',
    role: 'peer in Bergen, host coordinator in Rotterdam',
    isAdmin: false,
    organisation: 'Rotterdam city administration',
  },
  {
    email: 'coordinator.bergen@example.org',
    fullName: 'Ingrid Solheim',
    role: 'host coordinator',
    isAdmin: false,
    organisation: 'Bergen city administration',
  },
  {
    email: 'contributor.bergen@example.org',
    fullName: 'Kari Nilsen',
    role: 'host contributor',
    isAdmin: false,
    organisation: 'Bergen city administration',
  },
  { email: 'observer@example.org', fullName: 'Thomas Weber', role: 'observer', isAdmin: false, organisation: 'Council of Europe' },
] as const;
