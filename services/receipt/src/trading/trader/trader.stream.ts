import type { StreamRef } from '../../common/events/streams';

/** A receipt trader (仓单交易商), one stream per depositor party; its public events are keyed by the party id. */
export const traderStream = (partyId: string): StreamRef => ({ streamId: `trader-${partyId}`, streamType: 'trader' });
