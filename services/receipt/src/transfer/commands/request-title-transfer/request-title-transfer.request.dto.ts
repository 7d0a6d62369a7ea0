import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

/** What the seller types, checked exactly against each receipt's record (rule RCPT-TRANSFER-MATCH). */
export class EnteredHolderRequestDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: '上海恒达钢铁贸易有限公司',
    description: 'the seller’s registered holder name, typed: must match each receipt’s record exactly (422 TRANSFER_HOLDER_MISMATCH, with an alarm)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  holderName!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 50,
    example: 'SC000042',
    description: 'the seller’s storage card, typed: must match each receipt’s record exactly (422 TRANSFER_CARD_MISMATCH, with an alarm)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  storageCard!: string;
}

export class TransferLineRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 50, example: 'WR00000042', description: 'a receipt the seller holds' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  receiptNumber!: string;

  /** The commodity as the seller enters it for this receipt. */
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'rebar',
    description: 'the commodity as the seller enters it for this receipt: must match the receipt’s (422 TRANSFER_COMMODITY_MISMATCH, with an alarm)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commodity!: string;
}

/** One seller's receipts to one buyer, all or nothing. */
export class RequestTitleTransferRequestDto {
  @ApiProperty({ type: () => EnteredHolderRequestDto, description: 'the seller as it types itself, checked against every receipt (error-proofing)' })
  @Nested(() => EnteredHolderRequestDto)
  entered!: EnteredHolderRequestDto;

  @ApiProperty({ minLength: 1, maxLength: 50, example: 'SC000077', description: 'the buyer’s approved storage card, which receives title' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  buyerCard!: string;

  @ApiProperty({ type: () => TransferLineRequestDto, isArray: true, minItems: 1, maxItems: 200, description: 'the receipts transferred: all lines or none' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Nested(() => TransferLineRequestDto, { each: true })
  lines!: TransferLineRequestDto[];
}
