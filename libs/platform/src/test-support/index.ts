// @dw/platform/testing: what services' specs start their service in-process with. It lives beside
// the platform (it needs createServiceApp, provisioning and dev tokens) and not in @dw/testing,
// which the platform's own specs import: @dw/testing importing @dw/platform would be a cycle.
// Never imported by shipped code. (edge-test-kit.ts is this library's own and not exported.)
export * from './service-test-app';
