import { ApiProperty } from '@nestjs/swagger';

/** A depositor’s virtual account at one bank: what it pays to, so its payments are matched without a person. */
export class VirtualAccountResponseDto {
  @ApiProperty({ type: String, description: 'the depositor’s party' })
  partyId!: string;

  @ApiProperty({ type: String, description: 'the bank (its integration client id)' })
  bankId!: string;

  @ApiProperty({ type: String, example: '880000000013', description: '12 digits: 88, the bank’s assignment sequence (9 digits), a Luhn check digit' })
  virtualAccount!: string;
}
