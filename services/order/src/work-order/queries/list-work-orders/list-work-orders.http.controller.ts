import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database, EventStore } from '@dw/event-store';
import {
  ApiPageResponse,
  assertOwnParty,
  CurrentPrincipal,
  listScopeOf,
  CursorCodec,
  pageOf,
  type Principal,
  shanghaiDateRange,
  unknownCardFilter,
} from '@dw/platform';
import { ListWorkOrdersQueryDto } from './list-work-orders.query.dto';
import { WorkOrderItemResponseDto } from './list-work-orders.response.dto';
import { holderPartyIn } from '../../../storage-card/storage-cards';

interface WorkOrderRow {
  order_id: string;
  position: string;
  type: string;
  status: string;
  warehouse: string;
  owner: string;
  owner_party: string;
  commodity: string;
  arrival_mode: string | null;
  expected_pieces: number | null;
  expected_kg: string | null;
  entitlement_id: string | null;
  workflow_id: string | null;
  workflow_version: number | null;
  steps_recorded: number;
  cancel_reason: string | null;
  drafted_by: string;
  drafted_at: Date;
  updated_at: Date;
}

/** Work orders, newest first, filtered by type, status, warehouse, owner, commodity and date. */
@Controller('work-orders')
export class ListWorkOrdersHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiPageResponse(WorkOrderItemResponseDto, 'work orders, newest first')
  async list(@Query() query: ListWorkOrdersQueryDto, @CurrentPrincipal() principal: Principal) {
    const party = listScopeOf(principal);
    if (query.owner !== undefined && party !== null) {
      // A depositor naming a card: it must be its own (as the receipt service published it, orders
      // on it or not); another's answers as an unknown card does.
      const owner = query.owner;
      const cardParty = await this.store.transaction((tx) => holderPartyIn(tx, owner));
      assertOwnParty(principal, cardParty ?? '', () => unknownCardFilter(owner));
    }
    const range = shanghaiDateRange(query.from, query.to);
    const before = query.cursor ? this.cursors.decode<{ p: string }>(query.cursor, 'work-orders').p : null;
    const { rows } = await this.db.query<WorkOrderRow>(
      `SELECT * FROM work_orders
        WHERE ($1::text IS NULL OR type = $1) AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR warehouse = $3)
          AND ($4::text IS NULL OR owner = $4) AND ($5::text IS NULL OR commodity = $5)
          AND ($6::timestamptz IS NULL OR drafted_at >= $6) AND ($7::timestamptz IS NULL OR drafted_at < $7)
          AND ($8::text IS NULL OR entitlement_id = $8)
          AND ($9::text IS NULL OR owner_party = $9)
          AND ($10::bigint IS NULL OR position < $10)
        ORDER BY position DESC LIMIT $11`,
      [
        query.type ?? null,
        query.status ?? null,
        query.warehouse ?? null,
        query.owner ?? null,
        query.commodity ?? null,
        range.from,
        range.to,
        query.entitlementId ?? null,
        party,
        before,
        query.limit + 1,
      ],
    );
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        orderId: row.order_id,
        type: row.type,
        status: row.status,
        warehouse: row.warehouse,
        owner: row.owner,
        ownerParty: row.owner_party,
        commodity: row.commodity,
        arrivalMode: row.arrival_mode,
        expectedPieces: row.expected_pieces,
        expectedKg: row.expected_kg === null ? null : Number(row.expected_kg),
        entitlementId: row.entitlement_id,
        workflow: row.workflow_id ? { workflowId: row.workflow_id, version: row.workflow_version } : null,
        stepsRecorded: row.steps_recorded,
        cancelReason: row.cancel_reason,
        draftedBy: row.drafted_by,
        draftedAt: row.drafted_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      }),
      (row) => this.cursors.encode({ p: row.position }, 'work-orders'),
    );
  }
}
