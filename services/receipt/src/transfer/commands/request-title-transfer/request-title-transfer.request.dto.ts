import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

/** What the seller types, checked exactly against each receipt's record (rule RCPT-TRANSFER-MATCH). */
export class EnteredHolderRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  holderName!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  storageCard!: string;
}

export class TransferLineRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  receiptNumber!: string;

  /** The commodity as the seller enters it for this receipt. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commodity!: string;
}

/** One seller's receipts to one buyer, all or nothing. */
export class RequestTitleTransferRequestDto {
  @Nested(() => EnteredHolderRequestDto)
  entered!: EnteredHolderRequestDto;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  buyerCard!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Nested(() => TransferLineRequestDto, { each: true })
  lines!: TransferLineRequestDto[];
}
