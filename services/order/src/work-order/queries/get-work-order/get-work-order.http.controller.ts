import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { refuse } from '@dw/kernel';
import { assertOwnParty, CurrentPrincipal, setETag, type Principal } from '@dw/platform';
import { stepProgress } from '@dw/work-orders';
import { workOrderDecider } from '../../domain/work-order.decider';
import { workOrderStream } from '../../work-order.streams';
import { Database, EventStore, loadAggregate } from '@dw/event-store';
import { WorkOrderResponseDto } from './get-work-order.response.dto';

/**
 * One work order as its stream says it is now (not a read model that may lag): status, pinned
 * workflow, what is expected next, and its history: every step, by whom and when. Staff see
 * every order; a depositor only the orders on its own storage cards.
 */
@Controller('work-orders')
export class GetWorkOrderHttpController {
  constructor(
    private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
  ) {}

  @Get(':orderId')
  @ApiOkResponse({
    type: WorkOrderResponseDto,
    description: 'the order as its stream has it now, with what is expected next and its history; its version is the ETag',
  })
  async get(@Param('orderId') orderId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: ServerResponse) {
    const { state: order, version } = await this.store.transaction((tx) => loadAggregate(tx, workOrderStream(orderId), workOrderDecider));
    const missing = () => refuse.notFound('WORK_ORDER_NOT_FOUND', `no work order ${orderId}`, { orderId });
    if (order.status === 'none') throw missing();
    assertOwnParty(principal, order.ownerParty, missing);
    setETag(response, version);
    const progress = order.workflow
      ? stepProgress(
          order.workflow.steps,
          order.history.map((record) => record.step),
        )
      : null;
    return {
      orderId: order.orderId,
      version,
      status: order.status,
      type: order.type,
      warehouse: order.warehouse,
      owner: order.owner,
      ownerParty: order.ownerParty,
      commodity: order.commodity,
      arrivalMode: order.arrivalMode,
      notice: order.notice,
      entitlement: order.entitlement,
      pickup: order.pickup,
      workflow: order.workflow,
      next: progress && order.status !== 'completed' && order.status !== 'cancelled' ? progress : null,
      history: order.history.map((record, index) => ({ sequence: index + 1, ...record })),
      cancelReason: order.cancelReason,
      completion: order.completion,
      refusedReports: await this.refusedReports(orderId),
    };
  }

  /** Integration events about this order that it refused (e.g. a step reported after it was cancelled). */
  private async refusedReports(orderId: string) {
    const { rows } = await this.db.query<{ event_type: string; code: string; message: string; details: unknown; at: Date }>(
      `SELECT event_type, code, message, details, at FROM integration_refusals WHERE order_id = $1 ORDER BY position`,
      [orderId],
    );
    return rows.map((row) => ({ eventType: row.event_type, code: row.code, message: row.message, details: row.details, at: row.at.toISOString() }));
  }
}
