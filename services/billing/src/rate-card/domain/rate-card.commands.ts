import { BusinessCalendar, Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { RateCardTerms } from './rate-card.terms';

/**
 * `effectiveFrom` is a Shanghai date 'YYYY-MM-DD' as entered; `calendar` (the service's current
 * business calendar) says which days are trading days. `partyId` null: the published default.
 */
export type PublishRateCardVersion = Command<
  'PublishRateCardVersion',
  {
    readonly partyId: string | null;
    readonly effectiveFrom: string;
    readonly terms: RateCardTerms;
    readonly actor: Actor;
    readonly at: string;
    readonly calendar: BusinessCalendar;
  }
>;

export type RateCardCommand = PublishRateCardVersion;
