export * from './decider-spec';
export * from './test-endpoints';
export * from './test-database';
export * from './wait-for';
export * from './test-kafka';
export * from './service-process';
export * from './read-your-writes-session';
export * from './private-broker';
