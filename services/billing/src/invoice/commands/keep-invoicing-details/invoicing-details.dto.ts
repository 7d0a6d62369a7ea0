import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** The buyer on the party's VAT invoices. Each field is required (422 FIELD_REQUIRED when blank). */
export class InvoicingDetailsDto {
  @ApiProperty({ type: String, maxLength: 200, example: 'Hengda Steel Trading Co.', description: 'the company name as registered' })
  @IsString()
  @MaxLength(200)
  companyName!: string;

  @ApiProperty({
    type: String,
    maxLength: 18,
    example: '91350100M000100Y43',
    description: 'the unified social credit code (GB 32100-2015), check character verified',
  })
  @IsString()
  @MaxLength(18)
  taxpayerId!: string;

  @ApiProperty({ type: String, maxLength: 300, description: 'the registered address' })
  @IsString()
  @MaxLength(300)
  address!: string;

  @ApiProperty({ type: String, maxLength: 40, description: 'the registered phone' })
  @IsString()
  @MaxLength(40)
  phone!: string;

  @ApiProperty({ type: String, maxLength: 200, description: 'the bank of the account' })
  @IsString()
  @MaxLength(200)
  bankName!: string;

  @ApiProperty({ type: String, maxLength: 40, description: 'the bank account number' })
  @IsString()
  @MaxLength(40)
  bankAccount!: string;
}
