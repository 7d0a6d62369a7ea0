import type { DomainActor } from '@dw/kernel';

/** Who acts on billing data: the platform's people roles that reach this service. */
export type ActorRole = 'manager' | 'clerk' | 'depositor';

export type Actor = DomainActor<ActorRole>;

export { requireRole } from '@dw/kernel';
