import type { LocalDate } from '@dw/kernel';
import { type FactoryTerms, termsInForce } from './domain/factory-terms';
import type { FactoryState } from './domain/factory.state';
import type { FactoryResponseDto, FactoryTermsResponseDto, GuaranteeResponseDto } from './factory.response.dto';

const termsView = (terms: FactoryTerms): FactoryTermsResponseDto => ({
  ...terms,
  brands: [...terms.brands],
  grades: [...terms.grades],
  pickupLocations: terms.pickupLocations.map((location) => ({ ...location })),
});

/** A factory with the version of its terms in force on `on`: the same answer from its stream or from the read model. */
export function factoryView(
  factory: { factoryId: string; name: string; commodity: string; versions: readonly FactoryTerms[] },
  on: LocalDate,
): FactoryResponseDto {
  const inForce = termsInForce(factory.versions, on);
  return {
    factoryId: factory.factoryId,
    name: factory.name,
    commodity: factory.commodity,
    on,
    termsInForce: inForce === null ? null : termsView(inForce),
    versions: factory.versions.map(termsView),
  };
}

export function guaranteeView(
  factoryId: string,
  state: Pick<FactoryState, 'guarantee' | 'demand' | 'reductionRequestedFen' | 'issuedTonnes'>,
): GuaranteeResponseDto {
  return {
    factoryId,
    letterNumber: state.guarantee?.letterNumber ?? null,
    issuingBank: state.guarantee?.issuingBank ?? null,
    amountFen: state.guarantee?.amountFen ?? null,
    validTo: state.guarantee?.validTo ?? null,
    demandedFen: state.demand?.requiredFen ?? null,
    demandDeadline: state.demand?.deadline ?? null,
    reductionRequestedFen: state.reductionRequestedFen,
    issuedTonnes: state.issuedTonnes,
  };
}
