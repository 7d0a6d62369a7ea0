/**
 * DI token of the `Clock` (@dw/kernel) the edge uses for token expiry, request skew, nonce
 * pruning and idempotency timestamps. A string, so that another library registering or
 * injecting the clock under the same name needs no import of this one.
 */
export const CLOCK = 'DW_CLOCK';
