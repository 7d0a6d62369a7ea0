// The work-order authorisation contract shared by the services that act under work orders:
// what an order is (types, statuses, workflow steps), where it stands in its workflow, and
// whether it authorises a physical operation. Pure: no I/O, like a domain folder.
export * from './work-order-kinds';
export * from './workflow-step';
export * from './workflow-progress';
export * from './work-order.authorisation';
export * from './inventory-steps';
