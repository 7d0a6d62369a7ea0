/**
 * Stream ids and types of the factory-delivery service's log. One stream per factory: its terms,
 * its guarantee and its issuance applications, because approving an application must see every
 * other approval against the same capacity and guarantee (the stream's expected version guards it).
 */
export interface StreamRef {
  readonly streamId: string;
  readonly streamType: string;
}

export const streams = {
  /** One factory warehouse: terms versions, guarantee, issuance applications. */
  factory: (factoryId: string): StreamRef => ({ streamId: `factory-${factoryId}`, streamType: 'factory' }),
} as const;
