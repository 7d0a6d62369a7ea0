import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** Which depositor party gets a virtual account at which bank. */
export class AssignVirtualAccountRequestDto {
  @ApiProperty({ type: String, example: 'P-HENGDA', description: 'the depositor’s party (the party_id of its tokens and storage cards)' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'partyId must be 1-64 letters, digits, ".", "_" or "-"' })
  partyId!: string;

  @ApiProperty({
    type: String,
    example: 'bank-icbc',
    description: 'the bank, as its integration client id (a configured client with the bank role; otherwise 422 UNKNOWN_BANK)',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bankId must be 1-64 letters, digits, ".", "_" or "-"' })
  bankId!: string;
}
