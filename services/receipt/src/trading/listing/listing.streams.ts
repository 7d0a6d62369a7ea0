import type { StreamRef } from '../../common/events/streams';

/** One stream per listing (its takes included): takes of one listing contend on its version. */
export const listingStream = (listingId: string): StreamRef => ({ streamId: `listing-${listingId}`, streamType: 'listing' });
