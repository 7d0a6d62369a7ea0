import type { DomainEvent } from '@dw/kernel';
import type { Actor } from '../../../common/domain/actor';
import type { TraderBankAccount, TraderClosureBasis } from './trader';

interface Stamp {
  readonly partyId: string;
  readonly actor: Actor;
  readonly at: string;
}

export type TraderQualificationApplied = DomainEvent<
  'TraderQualificationApplied',
  Stamp & { readonly accountNumber: string; readonly name: string; readonly commodities: readonly string[]; readonly bankAccount: TraderBankAccount }
>;
export type TraderApproved = DomainEvent<'TraderApproved', Stamp>;
export type TraderRejected = DomainEvent<'TraderRejected', Stamp & { readonly reason: string }>;
export type TraderPermissionsChanged = DomainEvent<'TraderPermissionsChanged', Stamp & { readonly commodities: readonly string[] }>;
export type TraderBankAccountChanged = DomainEvent<'TraderBankAccountChanged', Stamp & { readonly bankAccount: TraderBankAccount }>;
export type TraderSuspended = DomainEvent<'TraderSuspended', Stamp & { readonly reason: string }>;
export type TraderReinstated = DomainEvent<'TraderReinstated', Stamp>;
/** The trader asked to cancel its qualification (第十四条); internal until the exchange closes it. */
export type TraderClosureRequested = DomainEvent<'TraderClosureRequested', Stamp & { readonly reason: string }>;
export type TraderClosed = DomainEvent<'TraderClosed', Stamp & { readonly reason: string; readonly basis: TraderClosureBasis }>;

export type TraderEvent =
  | TraderQualificationApplied
  | TraderApproved
  | TraderRejected
  | TraderPermissionsChanged
  | TraderBankAccountChanged
  | TraderSuspended
  | TraderReinstated
  | TraderClosureRequested
  | TraderClosed;
