import type { DomainActor } from '@dw/kernel';

/**
 * Who acts on receipts: the platform's roles (README.md, APIs) that reach this service, plus
 * `court` (a judicial authority placing or lifting a freeze) and `system` (scheduled jobs and
 * handlers of other services' events).
 */
export type ActorRole = 'depositor' | 'clerk' | 'manager' | 'exchange' | 'bank' | 'court' | 'system';

export type Actor = DomainActor<ActorRole>;

export { requireRole } from '@dw/kernel';
