import type { BusinessCalendar, Command } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import type { FactoryTermsInput } from './factory-terms';
import type { IssuanceRequest } from './factory.events';

/** Every command carries who acts and when (`at`, an instant from the service's clock). */
interface Acting {
  readonly factoryId: string;
  readonly actor: Actor;
  readonly at: string;
}

export type ApproveFactory = Command<'ApproveFactory', Acting & { readonly name: string; readonly commodity: string; readonly terms: FactoryTermsInput }>;
export type ChangeFactoryTerms = Command<'ChangeFactoryTerms', Acting & { readonly terms: FactoryTermsInput }>;

export interface GuaranteeInput {
  readonly letterNumber: string;
  readonly issuingBank: string;
  readonly amountFen: number;
  readonly validTo: string;
}

export type ProvideGuarantee = Command<'ProvideGuarantee', Acting & { readonly guarantee: GuaranteeInput }>;
export type DemandGuaranteeAdjustment = Command<
  'DemandGuaranteeAdjustment',
  Acting & { readonly requiredFen: number; readonly deadline: string; readonly reason: string }
>;
export type RequestGuaranteeReduction = Command<'RequestGuaranteeReduction', Acting & { readonly requestedFen: number; readonly reason: string }>;
export type ApproveGuaranteeReduction = Command<'ApproveGuaranteeReduction', Acting>;

/**
 * `guarantee`: one lodged with the application (art. 6: before or with it). `calendar` (the
 * service's business calendar) counts the three trading days of the decision.
 */
export type ApplyForIssuance = Command<
  'ApplyForIssuance',
  Acting & { readonly applicationId: string; readonly request: IssuanceRequest; readonly guarantee: GuaranteeInput | null; readonly calendar: BusinessCalendar }
>;
export type ApproveIssuance = Command<'ApproveIssuance', Acting & { readonly applicationId: string }>;
export type RejectIssuance = Command<'RejectIssuance', Acting & { readonly applicationId: string; readonly reason: string }>;
export type MarkIssuanceOverdue = Command<'MarkIssuanceOverdue', Acting & { readonly applicationId: string }>;

export type FactoryCommand =
  | ApproveFactory
  | ChangeFactoryTerms
  | ProvideGuarantee
  | DemandGuaranteeAdjustment
  | RequestGuaranteeReduction
  | ApproveGuaranteeReduction
  | ApplyForIssuance
  | ApproveIssuance
  | RejectIssuance
  | MarkIssuanceOverdue;
