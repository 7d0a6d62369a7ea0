export * from './gen';
export * from './contract-errors';
export * from './event-registry';
export * from './topics';
export * from './common-values';
export * from './services/inventory.contracts';
export * from './services/receipt.contracts';
export * from './topic-catalogue';
