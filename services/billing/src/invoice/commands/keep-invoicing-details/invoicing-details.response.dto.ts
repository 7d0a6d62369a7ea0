import { ApiProperty } from '@nestjs/swagger';

/** A party's invoicing details as kept. */
export class InvoicingDetailsResponseDto {
  @ApiProperty({ type: String, description: 'the party the details belong to' })
  partyId!: string;

  @ApiProperty({ type: String, description: 'the company name as registered' })
  companyName!: string;

  @ApiProperty({ type: String, description: 'the unified social credit code (GB 32100-2015)' })
  taxpayerId!: string;

  @ApiProperty({ type: String, description: 'the registered address' })
  address!: string;

  @ApiProperty({ type: String, description: 'the registered phone' })
  phone!: string;

  @ApiProperty({ type: String, description: 'the bank of the account' })
  bankName!: string;

  @ApiProperty({ type: String, description: 'the bank account number' })
  bankAccount!: string;
}
