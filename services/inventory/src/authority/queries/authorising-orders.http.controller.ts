import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { Roles } from '@dw/platform';
import { stepProgress } from '@dw/work-orders';
import { streams } from '../../shared/inventory.streams';
import { orderAuthorityDecider } from '../domain/order-authority.decider';
import { AuthorisingOrderResponseDto } from './authorising-orders.response.dto';

/**
 * What inventory knows of a work order, as it decides on it: whether it is open, and which step
 * the floor may work on next. For operators (and tests) waiting for the order desk's steps to
 * arrive from the order service.
 */
@Controller('authorising-orders')
export class AuthorisingOrdersHttpController {
  constructor(private readonly store: EventStore) {}

  @Get(':orderId')
  @Roles('operator', 'clerk', 'manager', 'ops')
  @ApiOkResponse({ type: AuthorisingOrderResponseDto, description: 'the order as inventory knows it, and what the floor may do next under it' })
  async get(@Param('orderId') orderId: string) {
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, streams.authority(orderId).id, orderAuthorityDecider));
    if (state.status === 'none') throw refuse.notFound('AUTHORISING_ORDER_NOT_FOUND', `inventory has not seen work order ${orderId} opened`, { orderId });
    const open = state.status === 'open' || state.status === 'in_progress';
    return {
      orderId,
      version,
      status: state.status,
      type: state.type,
      warehouse: state.warehouse,
      owner: state.owner,
      commodity: state.commodity,
      workflow: { workflowId: state.workflowId, version: state.workflowVersion },
      stepsRecorded: state.history.map((record) => record.step),
      next: open
        ? stepProgress(
            state.workflow.steps,
            state.history.map((record) => record.step),
          )
        : null,
    };
  }
}
