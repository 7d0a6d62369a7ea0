import { ORDER_TYPES } from '@dw/work-orders';
import { STANDARD_INBOUND_STEPS, STANDARD_WORKFLOWS } from './standard-workflows';
import { validateWorkflowSteps } from './workflow-definition';

describe('standard workflows', () => {
  it('follow the receiving sequence for inbound: notice → arrival → unload_tally → weigh → inspect → put_away → confirm', () => {
    expect(STANDARD_INBOUND_STEPS.map((s) => s.code)).toEqual(['notice', 'arrival', 'unload_tally', 'weigh', 'inspect', 'put_away', 'confirm']);
    const checks = Object.fromEntries(STANDARD_INBOUND_STEPS.map((s) => [s.code, s.check]));
    expect(checks).toMatchObject({ weigh: 'scale_reading', inspect: 'inspection_report', put_away: 'none' });
  });

  it('give every order type a valid default', () => {
    expect(STANDARD_WORKFLOWS.map((w) => w.key.orderType).sort()).toEqual([...ORDER_TYPES].sort());
    for (const workflow of STANDARD_WORKFLOWS) {
      expect(workflow.key).toMatchObject({ commodity: '*', arrivalMode: '*' });
      expect(validateWorkflowSteps(workflow.steps)).toEqual(workflow.steps);
    }
  });

  it('leave the title check of a title transfer to the receipt service: notice → confirm, no verify_title', () => {
    const transfer = STANDARD_WORKFLOWS.find((w) => w.key.orderType === 'title_transfer')!;
    expect(transfer.steps.map((s) => s.code)).toEqual(['notice', 'confirm']);
  });
});
