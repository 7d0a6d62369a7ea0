// The one place the platform names the event store's database types, so switching the
// import to `@dw/event-store` (once its index exports them) touches a single line.
export { Database, type SqlClient } from '@dw/event-store';
