import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

/** What the seller types, checked exactly against each receipt's record (seed 000 error-proofing). */
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
  @ValidateNested()
  @Type(() => EnteredHolderRequestDto)
  entered!: EnteredHolderRequestDto;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  buyerCard!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TransferLineRequestDto)
  lines!: TransferLineRequestDto[];
}
