import { ApiProperty } from '@nestjs/swagger';
import { ActorResponseDto, BackingLotResponseDto, HolderResponseDto, ReceiptRuleVersionResponseDto } from '../../../common/http/receipt-parts.response.dto';

const STATUSES = ['applied', 'approved', 'rejected', 'withdrawn'];

export class IssuanceApplicationReceiptResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt number allotted' })
  receiptNumber!: string;

  @ApiProperty({ type: 'integer', description: 'the receipt’s weight: its lots’ net weight, integer kg' })
  weightKg!: number;

  @ApiProperty({ type: [String], description: 'the whole lots the receipt is to be issued over' })
  lotIds!: string[];
}

/** One application as the order desk and the exchange list them. */
export class IssuanceApplicationItemResponseDto {
  @ApiProperty({ type: String, description: 'the application' })
  applicationId!: string;

  @ApiProperty({ enum: STATUSES, description: 'applied (waiting for the exchange), approved (receipts issued), rejected or withdrawn' })
  status!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse holding the lots' })
  warehouseId!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: String, example: '沙钢', description: 'brand of every lot' })
  brand!: string;

  @ApiProperty({ type: String, example: 'HRB400E', description: 'grade of every lot' })
  grade!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'the storage card the receipts are issued to' })
  holderCard!: string;

  @ApiProperty({ type: String, description: 'the name on that card' })
  holderName!: string;

  @ApiProperty({ type: () => IssuanceApplicationReceiptResponseDto, isArray: true, description: 'the receipts applied for' })
  receipts!: IssuanceApplicationReceiptResponseDto[];

  @ApiProperty({ type: 'integer', description: 'the receipts’ total weight, integer kg' })
  totalKg!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) storage fees are paid through' })
  storageFeesPaidThrough!: string;

  @ApiProperty({ type: 'integer', description: 'the version of the commodity’s receipt rules the application was checked against' })
  ruleVersion!: number;

  @ApiProperty({ type: String, description: 'who applied (subject)' })
  appliedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was applied for' })
  appliedAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'SHFE-2025-0042', description: 'the exchange’s approval reference; null unless approved' })
  approvalReference!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the Asia/Shanghai date the receipts were issued; null unless approved' })
  issueDate!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it was rejected or withdrawn; null otherwise' })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was decided (approved, rejected or withdrawn); null while applied' })
  decidedAt!: string | null;
}

export class PlannedReceiptResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt number allotted' })
  receiptNumber!: string;

  @ApiProperty({ type: 'integer', description: 'the receipt’s weight: its lots’ net weight, integer kg' })
  weightKg!: number;

  @ApiProperty({ type: () => BackingLotResponseDto, isArray: true, description: 'the whole lots it is to be issued over' })
  lots!: BackingLotResponseDto[];

  @ApiProperty({ type: [String], format: 'date', description: 'the production dates of its lots (YYYY-MM-DD), sorted, without repeats' })
  productionDates!: string[];
}

/** One application as its stream has it now. */
export class IssuanceApplicationResponseDto {
  @ApiProperty({ enum: STATUSES, description: 'applied (waiting for the exchange), approved (receipts issued), rejected or withdrawn' })
  status!: string;

  @ApiProperty({ type: String, description: 'the application' })
  applicationId!: string;

  @ApiProperty({ type: () => ActorResponseDto, description: 'who applied' })
  actor!: ActorResponseDto;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was applied for' })
  at!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse holding the lots' })
  warehouseId!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: String, example: '沙钢', description: 'brand of every lot' })
  brand!: string;

  @ApiProperty({ type: String, example: 'HRB400E', description: 'grade of every lot' })
  grade!: string;

  @ApiProperty({ type: () => HolderResponseDto, description: 'who the receipts are issued to' })
  holder!: HolderResponseDto;

  @ApiProperty({ type: () => PlannedReceiptResponseDto, isArray: true, description: 'the receipts applied for, each over its lots' })
  receipts!: PlannedReceiptResponseDto[];

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) storage fees are paid through' })
  storageFeesPaidThrough!: string;

  @ApiProperty({
    type: () => ReceiptRuleVersionResponseDto,
    description: 'the receipt rules the application was checked against (in force on the application date)',
  })
  rule!: ReceiptRuleVersionResponseDto;

  @ApiProperty({ type: 'integer', description: 'the application’s version, also its ETag' })
  version!: number;
}
