import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Parts several receipt-service answers share (documentation only: handlers return plain objects).

/** Who did something, as events record it. */
export class ActorResponseDto {
  @ApiProperty({ type: String, description: 'the person’s or integration client’s subject' })
  subject!: string;

  @ApiProperty({ type: String, example: 'depositor', description: 'the role it acted in (depositor, clerk, manager, exchange, bank, court, system, …)' })
  role!: string;

  @ApiPropertyOptional({ type: String, description: 'the party it acted for (depositor, bank, court or exchange), when it has one' })
  partyId?: string;
}

/** Who holds title. */
export class HolderResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the holder’s storage card (存储卡号)' })
  storageCard!: string;

  @ApiProperty({ type: String, example: '上海恒达钢铁贸易有限公司', description: 'the name on the card' })
  holderName!: string;

  @ApiProperty({ type: String, description: 'the depositor party behind the card' })
  partyId!: string;
}

/** A whole lot behind a receipt. */
export class BackingLotResponseDto {
  @ApiProperty({ type: String, example: 'lot-0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10', description: 'the lot, as inventory names it' })
  lotId!: string;

  @ApiProperty({ type: String, example: 'SHED1-R01-S01', description: 'where the lot lies in the warehouse' })
  location!: string;

  @ApiProperty({ type: 'integer', description: 'pieces (bundles, coils) in the lot' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'net weight of the lot, integer kg' })
  weightKg!: number;

  @ApiProperty({ type: [String], format: 'date', description: 'the production dates of its pieces (YYYY-MM-DD), sorted, without repeats' })
  productionDates!: string[];
}

/** Who a hold protects; only it may lift the hold. */
export class BeneficiaryResponseDto {
  @ApiProperty({ enum: ['bank', 'exchange', 'court'], description: 'a pledgee bank, the exchange or a court' })
  kind!: 'bank' | 'exchange' | 'court';

  @ApiProperty({ type: String, example: 'bank-icbc-sh', description: 'the beneficiary’s party (its integration client id)' })
  partyId!: string;

  @ApiProperty({ type: String, example: '中国工商银行上海分行', description: 'its registered name' })
  name!: string;
}

/** A hold on a receipt: while one is on it, the receipt cannot be transferred, split, merged or cancelled. */
export class ReceiptHoldResponseDto {
  @ApiProperty({ type: String, description: 'the hold’s id: what its beneficiary releases it by' })
  holdId!: string;

  @ApiProperty({
    enum: ['pledge', 'freeze', 'delivery', 'trading'],
    description:
      'pledge (a bank loan’s collateral), freeze (exchange or court), delivery (allocated to a futures delivery) or trading (on a listing of the receipt trading platform, lifted with the listing)',
  })
  kind!: 'pledge' | 'freeze' | 'delivery' | 'trading';

  @ApiProperty({ type: () => BeneficiaryResponseDto, description: 'who the hold protects; only it may release the hold' })
  beneficiary!: BeneficiaryResponseDto;

  @ApiProperty({ type: String, description: 'why the hold was placed' })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was placed' })
  placedAt!: string;
}

/** Where a receipt came from. */
export class LineageResponseDto {
  @ApiProperty({ enum: ['issuance', 'split', 'merge'], description: 'issued over lots, a child of a split, or the receipt a merge made' })
  origin!: 'issuance' | 'split' | 'merge';

  @ApiPropertyOptional({ type: String, description: 'origin issuance only: the issuance application it was issued under' })
  applicationId?: string;

  @ApiPropertyOptional({ type: String, example: 'WR00000042', description: 'origin split only: the receipt split into this one and its siblings' })
  parent?: string;

  @ApiPropertyOptional({ type: [String], description: 'origin merge only: the receipts merged into this one' })
  parents?: string[];
}

/** How long a receipt stays good for delivery. */
export class ValidityRuleResponseDto {
  @ApiProperty({
    enum: ['production-date', 'issue-date'],
    description: 'counted from the production date (warehouse receipts) or the issue date (factory receipts)',
  })
  basis!: 'production-date' | 'issue-date';

  @ApiPropertyOptional({ type: 'integer', description: 'basis production-date only: calendar days of validity' })
  days?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'basis issue-date only: calendar months of validity' })
  months?: number;
}

/** One version of a commodity’s receipt rules, as data. */
export class ReceiptRuleTermsResponseDto {
  @ApiProperty({ enum: ['warehouse', 'factory'], description: 'warehouse receipts or factory receipts' })
  receiptKind!: 'warehouse' | 'factory';

  @ApiProperty({ type: 'integer', example: 300_000, description: 'kilograms per delivery unit, integer kg (rebar: 300 t = 300 000 kg)' })
  unitKg!: number;

  @ApiProperty({ type: 'integer', example: 300, description: 'allowed deviation of a receipt’s weight from its whole units, in basis points (300 = ±3%)' })
  unitToleranceBp!: number;

  @ApiProperty({ type: () => ValidityRuleResponseDto, description: 'how long a receipt issued under these rules stays valid' })
  validity!: ValidityRuleResponseDto;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'most consecutive calendar days the production dates on one receipt may span; null = no limit',
  })
  maxProductionSpanDays!: number | null;
}

/** A dated version of a commodity’s receipt rules. */
export class ReceiptRuleVersionResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version number, from 1' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) the version takes effect' })
  effectiveFrom!: string;

  @ApiProperty({ type: () => ReceiptRuleTermsResponseDto, description: 'the rules themselves' })
  terms!: ReceiptRuleTermsResponseDto;
}

/** The holder's pending application for cancellation (注销申请), awaiting the warehouse. */
export class CancellationApplicationResponseDto {
  @ApiProperty({ enum: ['pickup', 'spot-conversion'], description: 'to pick the goods up, or to convert them to spot goods' })
  purpose!: 'pickup' | 'spot-conversion';

  @ApiProperty({ type: String, format: 'date-time', description: 'when the holder applied' })
  appliedAt!: string;

  @ApiProperty({ type: () => ActorResponseDto, description: 'who applied for the holder' })
  appliedBy!: ActorResponseDto;
}

/** How the warehouse answered for a shortfall, as a manager recorded it. */
export class ShortfallResolutionResponseDto {
  @ApiProperty({
    enum: ['replenished', 'settled'],
    description: 'replenished: the goods are back in full; settled: the warehouse compensated the holder as agreed',
  })
  outcome!: 'replenished' | 'settled';

  @ApiProperty({ type: String, description: 'the stocktake or variance that found the goods back, or the settlement with the holder' })
  reference!: string;

  @ApiProperty({ type: String, description: 'the manager’s reason' })
  reason!: string;

  @ApiProperty({ type: String, description: 'the manager who recorded it' })
  resolvedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was recorded' })
  resolvedAt!: string;
}

/** Goods a stocktake found missing behind the receipt (inventory's approved write-off). */
export class GoodsShortfallResponseDto {
  @ApiProperty({ type: String, example: 'missing_piece:P-0001', description: 'the stocktake variance that wrote the goods off; names the shortfall' })
  varianceId!: string;

  @ApiProperty({ type: String, description: 'the stocktake that found it' })
  stocktakeId!: string;

  @ApiProperty({ type: String, description: 'the lot the goods were missing from' })
  lotId!: string;

  @ApiProperty({ type: 'integer', maximum: 0, description: 'pieces the lot’s book lost (negative; 0 for a piece weighed light)' })
  deltaPieces!: number;

  @ApiProperty({ type: 'integer', maximum: -1, description: 'kg the lot’s book lost (negative, integer kg)' })
  deltaKg!: number;

  @ApiProperty({ type: String, description: 'the inventory manager who approved the write-off' })
  approver!: string;

  @ApiProperty({ type: String, description: 'why the write-off was approved' })
  approvalReason!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when inventory detected it' })
  detectedAt!: string;

  @ApiProperty({ type: [String], description: 'pledgee banks and stock-freeze holders inventory named as reached by the loss' })
  pledgedTo!: string[];

  @ApiProperty({ type: String, format: 'date-time', description: 'when the receipt recorded it' })
  recordedAt!: string;

  @ApiProperty({
    type: () => ShortfallResolutionResponseDto,
    nullable: true,
    description: 'null while open (the receipt does not move); how the warehouse answered for the goods once resolved',
  })
  resolution!: ShortfallResolutionResponseDto | null;
}
