import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ActorResponseDto,
  BackingLotResponseDto,
  CancellationApplicationResponseDto,
  GoodsShortfallResponseDto,
  HolderResponseDto,
  LineageResponseDto,
  ReceiptHoldResponseDto,
} from '../../../common/http/receipt-parts.response.dto';

const RECEIPT_STATUSES = ['outstanding', 'expired', 'cancelled', 'split', 'merged'];
const STATUS_DESCRIPTION =
  'outstanding (in circulation, valid), expired (in circulation, past validity: no longer traded), or out of circulation: cancelled, split or merged';

/** What a receipt and a list item of receipts both state. */
class ReceiptFieldsResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt number' })
  receiptNumber!: string;

  @ApiProperty({ enum: RECEIPT_STATUSES, description: STATUS_DESCRIPTION })
  status!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: String, example: '沙钢', description: 'brand' })
  brand!: string;

  @ApiProperty({ type: String, example: 'HRB400E', description: 'grade' })
  grade!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse holding the goods' })
  warehouseId!: string;

  @ApiProperty({ type: 'integer', description: 'the receipt’s weight: exactly its lots’ net weight, integer kg' })
  weightKg!: number;

  @ApiProperty({ type: () => HolderResponseDto, description: 'who holds title' })
  holder!: HolderResponseDto;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) it was issued' })
  issueDate!: string;

  @ApiProperty({ type: String, format: 'date', description: 'valid through this Asia/Shanghai date inclusive; expired from the day after' })
  validUntil!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'the last trading day on or before validUntil, on the calendar as now published; null while the calendar does not reach that far',
  })
  lastTradingDay!: string | null;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date storage fees are paid through' })
  storageFeesPaidThrough!: string;

  @ApiProperty({
    type: () => ReceiptHoldResponseDto,
    isArray: true,
    description: 'the holds on it (pledge, freeze, delivery), in the order placed; empty when free',
  })
  holds!: ReceiptHoldResponseDto[];

  @ApiProperty({ type: () => LineageResponseDto, description: 'where it came from: an issuance, a split or a merge' })
  lineage!: LineageResponseDto;

  @ApiProperty({ type: [String], description: 'the receipts that replaced it (split children or the merged receipt); empty while in circulation' })
  successors!: string[];

  @ApiProperty({
    type: () => CancellationApplicationResponseDto,
    nullable: true,
    description: 'the holder’s pending application for cancellation (purpose, applied at and by), awaiting the warehouse; null when there is none',
  })
  cancellationApplication!: CancellationApplicationResponseDto | null;

  @ApiProperty({
    type: () => GoodsShortfallResponseDto,
    isArray: true,
    description:
      'goods stocktakes found missing behind it, open (resolution null: it is not transferred, pledged, split, merged, held for delivery or cancelled) and resolved, in the order recorded',
  })
  shortfalls!: GoodsShortfallResponseDto[];

  @ApiProperty({ type: 'integer', description: 'the receipt’s version (its stream’s), the ETag of GET /receipts/{receiptNumber}' })
  version!: number;
}

/** A receipt as the list shows it (from the read model). */
export class ReceiptItemResponseDto extends ReceiptFieldsResponseDto {}

/** A receipt as its own stream has it now. */
export class ReceiptResponseDto extends ReceiptFieldsResponseDto {
  @ApiProperty({ type: () => BackingLotResponseDto, isArray: true, description: 'the whole lots backing it, with where they lie' })
  lots!: BackingLotResponseDto[];

  @ApiProperty({ type: [String], format: 'date', description: 'the production dates of its lots (YYYY-MM-DD), sorted, without repeats' })
  productionDates!: string[];

  @ApiProperty({ type: 'integer', description: 'the version of the commodity’s receipt rules it was issued under (it carries them for life)' })
  ruleVersion!: number;
}

/** One event of the receipt’s history (or of its alarms). */
export class ReceiptHistoryEntryResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'its position in its stream, from 1' })
  position!: number;

  @ApiProperty({ type: String, format: 'uuid', description: 'the event’s id' })
  eventId!: string;

  @ApiProperty({
    type: String,
    example: 'TitleTransferred',
    description: 'what happened: the event type (ReceiptIssued, TitleTransferred, ReceiptHoldPlaced, …)',
  })
  type!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was recorded' })
  recordedAt!: string;

  @ApiProperty({ type: () => ActorResponseDto, description: 'who did it' })
  actor!: ActorResponseDto;

  @ApiProperty({ type: String, description: 'the request or message it was recorded under' })
  correlationId!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event as recorded; its fields depend on type' })
  data!: Record<string, unknown>;
}

/** The hash-chain verification of one stream as stored right now. */
export class StreamVerificationResponseDto {
  @ApiProperty({ type: String, description: 'the stream verified' })
  streamId!: string;

  @ApiProperty({ type: Boolean, description: 'true when every event’s digest and the hash chain match what was written' })
  ok!: boolean;

  @ApiProperty({ type: 'integer', description: 'events in the stream' })
  events!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'when not ok: the position where the chain breaks' })
  brokenAt?: number;

  @ApiPropertyOptional({
    enum: ['digest_mismatch', 'hash_mismatch', 'head_mismatch', 'head_missing', 'gap'],
    description: 'when not ok: why (an event changed after it was written, a missing event, or a stream head out of step)',
  })
  reason?: string;
}

export class ReceiptVerificationResponseDto {
  @ApiProperty({ type: () => StreamVerificationResponseDto, description: 'the receipt’s own stream' })
  receipt!: StreamVerificationResponseDto;

  @ApiProperty({ type: () => StreamVerificationResponseDto, description: 'the stream of its error-proofing alarms' })
  alarms!: StreamVerificationResponseDto;
}

/** The receipt’s full, tamper-evident history. */
export class ReceiptHistoryResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt number' })
  receiptNumber!: string;

  @ApiProperty({ type: () => ReceiptHistoryEntryResponseDto, isArray: true, description: 'every event of the receipt, in order, with actor and time' })
  events!: ReceiptHistoryEntryResponseDto[];

  @ApiProperty({
    type: () => ReceiptHistoryEntryResponseDto,
    isArray: true,
    description: 'the error-proofing alarms raised about it (refused transfers whose entries did not match the record), in order',
  })
  alarms!: ReceiptHistoryEntryResponseDto[];

  @ApiProperty({ type: () => ReceiptVerificationResponseDto, description: 'the hash-chain verification of both streams as stored right now' })
  verification!: ReceiptVerificationResponseDto;
}
