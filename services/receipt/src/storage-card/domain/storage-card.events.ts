import { DomainEvent } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';

interface Stamp {
  readonly cardNumber: string;
  readonly actor: Actor;
  readonly at: string;
}

export type StorageCardApplied = DomainEvent<'StorageCardApplied', Stamp & { readonly ownerPartyId: string; readonly holderName: string }>;
export type StorageCardApproved = DomainEvent<'StorageCardApproved', Stamp>;
export type StorageCardRejected = DomainEvent<'StorageCardRejected', Stamp & { readonly reason: string }>;
export type StorageCardSuspended = DomainEvent<'StorageCardSuspended', Stamp & { readonly reason: string }>;
export type StorageCardReinstated = DomainEvent<'StorageCardReinstated', Stamp>;
export type StorageCardClosed = DomainEvent<'StorageCardClosed', Stamp & { readonly reason: string }>;

export type StorageCardEvent =
  StorageCardApplied | StorageCardApproved | StorageCardRejected | StorageCardSuspended | StorageCardReinstated | StorageCardClosed;
