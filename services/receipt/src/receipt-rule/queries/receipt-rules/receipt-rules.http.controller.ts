import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Database, EventStore, loadAggregate } from '@dw/event-store';
import { type Clock, refuse, shanghaiDateOf } from '@dw/kernel';
import { ApiPageResponse, CLOCK, CursorCodec, PageQueryDto, pageOf, setETag } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { receiptRuleDecider } from '../../domain/receipt-rule.decider';
import { ReceiptRulesResponseDto, ReceiptRuleVersionItemResponseDto } from './receipt-rules.response.dto';

interface VersionRow {
  commodity: string;
  version: number;
  effective_from: string;
  terms: unknown;
  published_by: string;
  published_at: Date;
}

@Controller('receipt-rules')
export class ReceiptRulesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every commodity's rule versions, by commodity and version. */
  @Get()
  @ApiPageResponse(ReceiptRuleVersionItemResponseDto, 'rule versions of every commodity, by commodity then version')
  async list(@Query() query: PageQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ commodity: string; version: number }>(query.cursor, 'receipt-rules') : { commodity: '', version: 0 };
    const { rows } = await this.db.query<VersionRow>(
      `SELECT commodity, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, terms, published_by, published_at
         FROM receipt_rule_versions WHERE (commodity, version) > ($1, $2) ORDER BY commodity, version LIMIT $3`,
      [after.commodity, after.version, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        commodity: row.commodity,
        version: row.version,
        effectiveFrom: row.effective_from,
        terms: row.terms,
        publishedBy: row.published_by,
        publishedAt: row.published_at.toISOString(),
      }),
      (row) => this.cursors.encode({ commodity: row.commodity, version: row.version }, 'receipt-rules'),
    );
  }

  /** One commodity's versions from its stream, and which one is in force today (Shanghai). */
  @Get(':commodity')
  @ApiOkResponse({ type: ReceiptRulesResponseDto, description: 'the commodity’s rule versions from its stream; its version is the ETag' })
  async get(@Param('commodity') commodity: string, @Res({ passthrough: true }) response: ServerResponse) {
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, streams.receiptRule(commodity).streamId, receiptRuleDecider));
    if (state.versions.length === 0) throw refuse.notFound('RECEIPT_RULES_NOT_FOUND', `no receipt rules for ${commodity}`, { commodity });
    const today = shanghaiDateOf(this.clock.now());
    const inForce = state.versions.filter((v) => v.effectiveFrom <= today).at(-1) ?? null;
    setETag(response, version);
    return { commodity, versions: state.versions, inForceVersion: inForce?.version ?? null, today };
  }
}
