import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Database } from '@dw/event-store';
import { localDate } from '@dw/kernel';
import {
  ApiPageResponse,
  assertOwnParty,
  BusinessCalendars,
  listScopeOf,
  CurrentPrincipal,
  CursorCodec,
  IntegrationApi,
  pageOf,
  Roles,
  setETag,
  type Principal,
} from '@dw/platform';
import { lastTradingDayWithin } from '../../../receipt-rule/domain/receipt-validity';
import { ReceiptsQueryDto } from './receipts.query.dto';
import { receiptNotFound, ReceiptViews } from './receipt-views';
import { ReceiptHistoryResponseDto, ReceiptItemResponseDto, ReceiptResponseDto } from './receipts.response.dto';

interface ReceiptRow {
  receipt_number: string;
  status: string;
  commodity: string;
  brand: string;
  grade: string;
  warehouse_id: string;
  weight_kg: string;
  holder_card: string;
  holder_name: string;
  holder_party_id: string;
  issue_date: string;
  valid_until: string;
  storage_fees_paid_through: string;
  holds: unknown[];
  lineage: unknown;
  successors: string[];
  cancellation_application: unknown;
  shortfalls: unknown[];
  version: number;
}

@Controller('receipts')
export class ReceiptsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
    @Inject(ReceiptViews) private readonly views: ReceiptViews,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  /** Staff see every receipt; a depositor sees the ones its party holds. By receipt number. */
  @Get()
  @ApiPageResponse(ReceiptItemResponseDto, 'receipts, by receipt number')
  async list(@Query() query: ReceiptsQueryDto, @CurrentPrincipal() principal: Principal) {
    const party = listScopeOf(principal);
    const after = query.cursor ? this.cursors.decode<{ after: string }>(query.cursor, 'receipts').after : '';
    const { rows } = await this.db.query<ReceiptRow>(
      `SELECT receipt_number, status, commodity, brand, grade, warehouse_id, weight_kg, holder_card, holder_name, holder_party_id,
              issue_date::text AS issue_date, valid_until::text AS valid_until,
              storage_fees_paid_through::text AS storage_fees_paid_through, holds, lineage, successors, cancellation_application, shortfalls, version
         FROM receipts
        WHERE receipt_number > $1 AND ($2::text IS NULL OR holder_party_id = $2) AND ($3::text IS NULL OR status = $3)
          AND ($4::text IS NULL OR holder_card = $4) AND ($5::text IS NULL OR commodity = $5) AND ($6::text IS NULL OR warehouse_id = $6)
          AND ($7::text IS NULL OR cancellation_application IS NOT NULL)
        ORDER BY receipt_number LIMIT $8`,
      [
        after,
        party,
        query.status ?? null,
        query.holderCard ?? null,
        query.commodity ?? null,
        query.warehouseId ?? null,
        query.cancellation ?? null,
        query.limit + 1,
      ],
    );
    // Counted on the calendar as published now, not when the row was written: a year published
    // since fills in the last trading day of receipts valid into it.
    const calendar = this.calendars.current();
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        receiptNumber: row.receipt_number,
        status: row.status,
        commodity: row.commodity,
        brand: row.brand,
        grade: row.grade,
        warehouseId: row.warehouse_id,
        weightKg: Number(row.weight_kg),
        holder: { storageCard: row.holder_card, holderName: row.holder_name, partyId: row.holder_party_id },
        issueDate: row.issue_date,
        validUntil: row.valid_until,
        lastTradingDay: lastTradingDayWithin(calendar, localDate(row.valid_until)),
        storageFeesPaidThrough: row.storage_fees_paid_through,
        holds: row.holds,
        lineage: row.lineage,
        successors: row.successors,
        cancellationApplication: row.cancellation_application,
        shortfalls: row.shortfalls,
        version: row.version,
      }),
      (row) => this.cursors.encode({ after: row.receipt_number }, 'receipts'),
    );
  }

  @Get(':receiptNumber')
  @ApiOkResponse({ type: ReceiptResponseDto, description: 'the receipt as its stream has it now; its version is the ETag' })
  async get(@Param('receiptNumber') receiptNumber: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: ServerResponse) {
    const view = await this.views.receipt(receiptNumber);
    assertOwnParty(principal, view.holder.partyId, () => receiptNotFound(receiptNumber));
    setETag(response, view.version);
    return view;
  }

  /** The full history with actors and times, and its hash-chain verification. */
  @Get(':receiptNumber/history')
  @ApiOkResponse({ type: ReceiptHistoryResponseDto, description: 'every event of the receipt and its alarms, with the hash-chain verification' })
  async history(@Param('receiptNumber') receiptNumber: string, @CurrentPrincipal() principal: Principal) {
    assertOwnParty(principal, (await this.views.receipt(receiptNumber)).holder.partyId, () => receiptNotFound(receiptNumber));
    return this.views.history(receiptNumber);
  }
}

/** The exchange queries any receipt and its history (signed requests). */
@Controller('integration/exchange/receipts/:receiptNumber')
@IntegrationApi()
@Roles('exchange')
export class ExchangeReceiptsHttpController {
  constructor(@Inject(ReceiptViews) private readonly views: ReceiptViews) {}

  @Get()
  @ApiOkResponse({ type: ReceiptResponseDto, description: 'the receipt as its stream has it now' })
  get(@Param('receiptNumber') receiptNumber: string) {
    return this.views.receipt(receiptNumber);
  }

  @Get('history')
  @ApiOkResponse({ type: ReceiptHistoryResponseDto, description: 'every event of the receipt and its alarms, with the hash-chain verification' })
  history(@Param('receiptNumber') receiptNumber: string) {
    return this.views.history(receiptNumber);
  }
}
