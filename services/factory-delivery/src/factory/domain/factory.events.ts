import type { DomainEvent, LocalDate } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import type { FactoryTerms } from './factory-terms';

export type FactoryApproved = DomainEvent<
  'FactoryApproved',
  { readonly factoryId: string; readonly name: string; readonly commodity: string; readonly terms: FactoryTerms; readonly actor: Actor; readonly at: string }
>;
export type FactoryTermsChanged = DomainEvent<
  'FactoryTermsChanged',
  { readonly factoryId: string; readonly terms: FactoryTerms; readonly actor: Actor; readonly at: string }
>;

export interface Guarantee {
  readonly letterNumber: string;
  readonly issuingBank: string;
  readonly amountFen: number;
  readonly validTo: LocalDate;
}

export type GuaranteeProvided = DomainEvent<
  'GuaranteeProvided',
  { readonly factoryId: string; readonly guarantee: Guarantee; readonly actor: Actor; readonly at: string }
>;
export type GuaranteeAdjustmentDemanded = DomainEvent<
  'GuaranteeAdjustmentDemanded',
  {
    readonly factoryId: string;
    readonly requiredFen: number;
    readonly deadline: LocalDate;
    readonly reason: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type GuaranteeReductionRequested = DomainEvent<
  'GuaranteeReductionRequested',
  { readonly factoryId: string; readonly requestedFen: number; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type GuaranteeReduced = DomainEvent<
  'GuaranteeReduced',
  { readonly factoryId: string; readonly amountFen: number; readonly actor: Actor; readonly at: string }
>;

export interface IssuanceRequest {
  readonly commodity: string;
  readonly grade: string;
  readonly brand: string;
  readonly member: string;
  readonly owner: string;
  readonly tonnes: number;
}

export type IssuanceApplied = DomainEvent<
  'IssuanceApplied',
  {
    readonly factoryId: string;
    readonly applicationId: string;
    readonly request: IssuanceRequest;
    readonly decisionDue: LocalDate;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type IssuanceApproved = DomainEvent<
  'IssuanceApproved',
  {
    readonly factoryId: string;
    readonly applicationId: string;
    readonly tonnes: number;
    readonly issuedTonnes: number;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type IssuanceRejected = DomainEvent<
  'IssuanceRejected',
  { readonly factoryId: string; readonly applicationId: string; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type IssuanceDecisionOverdue = DomainEvent<
  'IssuanceDecisionOverdue',
  { readonly factoryId: string; readonly applicationId: string; readonly decisionDue: LocalDate; readonly at: string }
>;

export type FactoryEvent =
  | FactoryApproved
  | FactoryTermsChanged
  | GuaranteeProvided
  | GuaranteeAdjustmentDemanded
  | GuaranteeReductionRequested
  | GuaranteeReduced
  | IssuanceApplied
  | IssuanceApproved
  | IssuanceRejected
  | IssuanceDecisionOverdue;
