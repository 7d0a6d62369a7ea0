import { WorkflowStep } from '@dw/work-orders';
import { ANY, WorkflowKey } from './workflow-key';

/**
 * The default workflow of each order type, published as version 1 of '<type>/*\/*' when a
 * warehouse is set up; commodity- and mode-specific workflows are published over the API.
 *
 * Inbound follows the warehouse's receiving (入库: 预报 → 到货 → 卸货理货 → 过磅 → 检验 → 上架 → 确认):
 * the scale reading and the inspection report are required evidence, because weights are never
 * typed by hand (rule INV-SCALE-ONLY-WEIGHTS) and receipts are made only from inspected goods.
 * The step lists are this project's choice (the public rules name the order types but not their
 * steps), each as short as the physical work allows and ending with the desk's confirmation;
 * see docs/rules.md, ORD-STANDARD-WORKFLOWS.
 */
const step = (code: string, name: string, options: Partial<Pick<WorkflowStep, 'check' | 'required' | 'movesGoods'>> = {}): WorkflowStep => ({
  code,
  name,
  check: 'none',
  required: true,
  movesGoods: false,
  ...options,
});

export const STANDARD_INBOUND_STEPS: readonly WorkflowStep[] = [
  step('notice', 'Inbound notice accepted'),
  step('arrival', 'Goods arrived'),
  step('unload_tally', 'Unloaded and tallied by barcode scan', { movesGoods: true }),
  step('weigh', 'Weighed on a scale', { check: 'scale_reading' }),
  step('inspect', 'Inspected', { check: 'inspection_report' }),
  step('put_away', 'Put away to locations', { movesGoods: true }),
  step('confirm', 'Confirmed by the order desk'),
];

export const STANDARD_WORKFLOWS: readonly { readonly key: WorkflowKey; readonly steps: readonly WorkflowStep[] }[] = [
  // rule ORD-STANDARD-WORKFLOWS
  { key: { orderType: 'inbound', commodity: ANY, arrivalMode: ANY }, steps: STANDARD_INBOUND_STEPS },
  {
    key: { orderType: 'outbound', commodity: ANY, arrivalMode: ANY },
    steps: [
      step('notice', 'Pickup notice accepted'),
      step('pick', 'Picked by barcode scan', { movesGoods: true }),
      step('weigh', 'Weighed on a scale', { check: 'scale_reading' }),
      step('load', 'Loaded onto the vehicle', { movesGoods: true }),
      step('confirm', 'Confirmed by the order desk'),
    ],
  },
  {
    key: { orderType: 'title_transfer', commodity: ANY, arrivalMode: ANY },
    steps: [
      step('notice', 'Transfer request accepted'),
      // No desk step checks the title: the receipt service's error-proofing (rule RCPT-TRANSFER-MATCH) does, on the transfer
      // itself, and the order completes on its ReceiptTitleTransferred (rule ORD-TITLE-TRANSFER-BY-RECEIPT).
      step('confirm', 'Confirmed by the order desk'),
    ],
  },
  {
    key: { orderType: 'move', commodity: ANY, arrivalMode: ANY },
    steps: [step('plan', 'Move planned'), step('move', 'Moved by barcode scan', { movesGoods: true }), step('confirm', 'Confirmed by the order desk')],
  },
  {
    key: { orderType: 'stocktake', commodity: ANY, arrivalMode: ANY },
    steps: [
      step('plan', 'Stocktake planned'),
      step('count', 'Counted by barcode scan'),
      step('reconcile', 'Variances explained'),
      step('confirm', 'Confirmed by the order desk'),
    ],
  },
];
