import { create } from '@bufbuild/protobuf';
import {
  FactoryApprovedSchema,
  factoryFactoryTopic,
  FactoryGuaranteeAdjustmentDemandedSchema,
  FactoryGuaranteeProvidedSchema,
  FactoryGuaranteeReducedSchema,
  FactoryGuaranteeReductionRequestedSchema,
  FactoryIssuanceAppliedSchema,
  FactoryIssuanceApprovedSchema,
  FactoryIssuanceDecisionOverdueSchema,
  FactoryIssuanceRejectedSchema,
  factoryIssuanceTopic,
  FactoryTermsChangedSchema,
  FactoryTermsSchema,
  PickupLocationKind,
  PickupLocationSchema,
  toActor,
  toMoney,
  toTimestamp,
  type FactoryTerms as ProtoTerms,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/factory-outbox';
import type { FactoryTerms, PickupLocationKind as DomainKind } from '../domain/factory-terms';
import type { FactoryEvent } from '../domain/factory.events';

const KINDS: Record<DomainKind, PickupLocationKind> = { home: PickupLocationKind.HOME, non_home: PickupLocationKind.NON_HOME };

const date = (value: string) => ({ value });

function termsOf(terms: FactoryTerms): ProtoTerms {
  return create(FactoryTermsSchema, {
    effectiveFrom: date(terms.effectiveFrom),
    approvedCapacityTonnes: BigInt(terms.approvedCapacityTonnes),
    dailyShippingTonnes: BigInt(terms.dailyShippingTonnes),
    brands: [...terms.brands],
    grades: [...terms.grades],
    pickupLocations: terms.pickupLocations.map((location) =>
      create(PickupLocationSchema, {
        locationId: location.locationId,
        name: location.name,
        kind: KINDS[location.kind],
        benchmark: location.benchmark,
        premiumPerTonne: toMoney(location.premiumPerTonneFen),
      }),
    ),
    guaranteePerTonne: toMoney(terms.guaranteePerTonneFen),
  });
}

/**
 * A factory's event as its public contract: terms and guarantees on factory-delivery.factory.v1 keyed by
 * the factory id, applications and decisions on factory-delivery.issuance.v1 keyed by the application id.
 */
export function factoryMessageOf(pending: PendingEvent): PublicEvent {
  const event = pending as unknown as FactoryEvent;
  switch (event.type) {
    case 'FactoryApproved': {
      const d = event.data;
      const message = create(FactoryApprovedSchema, {
        factoryId: d.factoryId,
        name: d.name,
        commodity: d.commodity,
        terms: termsOf(d.terms),
        approvedBy: toActor(d.actor),
        approvedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryFactoryTopic, FactoryApprovedSchema, message, d.factoryId);
    }
    case 'FactoryTermsChanged': {
      const d = event.data;
      const message = create(FactoryTermsChangedSchema, {
        factoryId: d.factoryId,
        terms: termsOf(d.terms),
        changedBy: toActor(d.actor),
        changedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryFactoryTopic, FactoryTermsChangedSchema, message, d.factoryId);
    }
    case 'GuaranteeProvided': {
      const { factoryId, guarantee, actor, at } = event.data;
      const message = create(FactoryGuaranteeProvidedSchema, {
        factoryId,
        letterNumber: guarantee.letterNumber,
        issuingBank: guarantee.issuingBank,
        amount: toMoney(guarantee.amountFen),
        validTo: date(guarantee.validTo),
        providedBy: toActor(actor),
        providedAt: toTimestamp(at),
      });
      return publicEvent(factoryFactoryTopic, FactoryGuaranteeProvidedSchema, message, factoryId);
    }
    case 'GuaranteeAdjustmentDemanded': {
      const d = event.data;
      const message = create(FactoryGuaranteeAdjustmentDemandedSchema, {
        factoryId: d.factoryId,
        required: toMoney(d.requiredFen),
        deadline: date(d.deadline),
        reason: d.reason,
        demandedBy: toActor(d.actor),
        demandedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryFactoryTopic, FactoryGuaranteeAdjustmentDemandedSchema, message, d.factoryId);
    }
    case 'GuaranteeReductionRequested': {
      const d = event.data;
      const message = create(FactoryGuaranteeReductionRequestedSchema, {
        factoryId: d.factoryId,
        requested: toMoney(d.requestedFen),
        reason: d.reason,
        requestedBy: toActor(d.actor),
        requestedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryFactoryTopic, FactoryGuaranteeReductionRequestedSchema, message, d.factoryId);
    }
    case 'GuaranteeReduced': {
      const d = event.data;
      const message = create(FactoryGuaranteeReducedSchema, {
        factoryId: d.factoryId,
        amount: toMoney(d.amountFen),
        approvedBy: toActor(d.actor),
        approvedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryFactoryTopic, FactoryGuaranteeReducedSchema, message, d.factoryId);
    }
    case 'IssuanceApplied': {
      const { factoryId, applicationId, request, decisionDue, actor, at } = event.data;
      const message = create(FactoryIssuanceAppliedSchema, {
        applicationId,
        factoryId,
        commodity: request.commodity,
        grade: request.grade,
        brand: request.brand,
        member: request.member,
        owner: request.owner,
        tonnes: BigInt(request.tonnes),
        decisionDue: date(decisionDue),
        appliedBy: toActor(actor),
        appliedAt: toTimestamp(at),
      });
      return publicEvent(factoryIssuanceTopic, FactoryIssuanceAppliedSchema, message, applicationId);
    }
    case 'IssuanceApproved': {
      const d = event.data;
      const message = create(FactoryIssuanceApprovedSchema, {
        applicationId: d.applicationId,
        factoryId: d.factoryId,
        tonnes: BigInt(d.tonnes),
        issuedTonnes: BigInt(d.issuedTonnes),
        approvedBy: toActor(d.actor),
        approvedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryIssuanceTopic, FactoryIssuanceApprovedSchema, message, d.applicationId);
    }
    case 'IssuanceRejected': {
      const d = event.data;
      const message = create(FactoryIssuanceRejectedSchema, {
        applicationId: d.applicationId,
        factoryId: d.factoryId,
        reason: d.reason,
        rejectedBy: toActor(d.actor),
        rejectedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryIssuanceTopic, FactoryIssuanceRejectedSchema, message, d.applicationId);
    }
    case 'IssuanceDecisionOverdue': {
      const d = event.data;
      const message = create(FactoryIssuanceDecisionOverdueSchema, {
        applicationId: d.applicationId,
        factoryId: d.factoryId,
        decisionDue: date(d.decisionDue),
        detectedAt: toTimestamp(d.at),
      });
      return publicEvent(factoryIssuanceTopic, FactoryIssuanceDecisionOverdueSchema, message, d.applicationId);
    }
  }
}
