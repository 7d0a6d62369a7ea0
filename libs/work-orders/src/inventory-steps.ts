import { PhysicalOperation } from './work-order.authorisation';

/**
 * The workflow steps whose work is done on the warehouse floor through the inventory service,
 * by step code, with the physical operation each one is. Inventory authorises its operations
 * under these steps and reports a step done to the order service when its work is finished
 * (tally closed, weighing closed, inspection passed, every piece put away, count finished, ...),
 * so the order's history names the operator who did it. The order desk records the other steps
 * itself (notice, arrival, plan, confirm): workflows are data, and a custom step
 * that is not in this table is a desk step.
 */
export const INVENTORY_STEPS: Readonly<Record<string, PhysicalOperation>> = {
  // rule ORD-FLOOR-STEPS-BY-INVENTORY
  unload_tally: 'receive',
  weigh: 'weigh',
  inspect: 'inspect',
  put_away: 'put_away',
  pick: 'pick',
  load: 'load',
  move: 'move',
  count: 'count',
  reconcile: 'count',
};

/** True when the step's work is done (and reported) by inventory, not recorded by the desk. */
export function isInventoryStep(step: string): boolean {
  return Object.prototype.hasOwnProperty.call(INVENTORY_STEPS, step);
}
