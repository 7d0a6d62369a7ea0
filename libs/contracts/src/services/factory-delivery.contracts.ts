import {
  FactoryApprovedSchema,
  FactoryGuaranteeAdjustmentDemandedSchema,
  FactoryGuaranteeProvidedSchema,
  FactoryGuaranteeReducedSchema,
  FactoryGuaranteeReductionRequestedSchema,
  FactoryTermsChangedSchema,
} from '../gen/dw/factory/v1/factory_pb';
import {
  FactoryIssuanceAppliedSchema,
  FactoryIssuanceApprovedSchema,
  FactoryIssuanceDecisionOverdueSchema,
  FactoryIssuanceRejectedSchema,
} from '../gen/dw/factory/v1/issuance_pb';
import { DAY_MS, defineTopic, type TopicSpec } from '../topics';

/** Factory warehouses and their guarantees, key = factory id: kept five years, the life of a factory’s designation and its guarantees. */
export const factoryFactoryTopic: TopicSpec = defineTopic({
  name: 'factory-delivery.factory.v1',
  partitions: 3,
  retentionMs: 5 * 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'FactoryApproved and FactoryTermsChanged (approved capacity, daily shipping capacity, brands, grades, pickup locations and premiums, guarantee per tonne, each version in force from a date); FactoryGuaranteeProvided, FactoryGuaranteeAdjustmentDemanded, FactoryGuaranteeReductionRequested, FactoryGuaranteeReduced; key = factory id.',
  ownerService: 'factory-delivery',
  eventTypes: [
    FactoryApprovedSchema.typeName,
    FactoryTermsChangedSchema.typeName,
    FactoryGuaranteeProvidedSchema.typeName,
    FactoryGuaranteeAdjustmentDemandedSchema.typeName,
    FactoryGuaranteeReductionRequestedSchema.typeName,
    FactoryGuaranteeReducedSchema.typeName,
  ],
});

/** Applications to issue factory receipts and the exchange's decisions, key = application id. */
export const factoryIssuanceTopic: TopicSpec = defineTopic({
  name: 'factory-delivery.issuance.v1',
  partitions: 6,
  retentionMs: 5 * 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'FactoryIssuanceApplied (commodity, grade, brand, member, owner, tonnes, decision due), FactoryIssuanceApproved, FactoryIssuanceRejected, FactoryIssuanceDecisionOverdue; key = application id.',
  ownerService: 'factory-delivery',
  eventTypes: [
    FactoryIssuanceAppliedSchema.typeName,
    FactoryIssuanceApprovedSchema.typeName,
    FactoryIssuanceRejectedSchema.typeName,
    FactoryIssuanceDecisionOverdueSchema.typeName,
  ],
});

export const factoryDeliveryEventSchemas = [
  FactoryApprovedSchema,
  FactoryTermsChangedSchema,
  FactoryGuaranteeProvidedSchema,
  FactoryGuaranteeAdjustmentDemandedSchema,
  FactoryGuaranteeReductionRequestedSchema,
  FactoryGuaranteeReducedSchema,
  FactoryIssuanceAppliedSchema,
  FactoryIssuanceApprovedSchema,
  FactoryIssuanceRejectedSchema,
  FactoryIssuanceDecisionOverdueSchema,
] as const;
