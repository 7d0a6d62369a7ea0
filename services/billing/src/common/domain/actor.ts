import type { DomainActor } from '@dw/kernel';

/** Who acts on billing data: the platform's people roles that reach this service, and a bank through its signed integration API. */
export type ActorRole = 'manager' | 'clerk' | 'depositor' | 'bank';

export type Actor = DomainActor<ActorRole>;

export { requireRole } from '@dw/kernel';
