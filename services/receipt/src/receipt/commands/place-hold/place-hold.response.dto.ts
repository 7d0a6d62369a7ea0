import { ApiProperty } from '@nestjs/swagger';
import { BeneficiaryResponseDto } from '../../../common/http/receipt-parts.response.dto';

export class PlaceHoldResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt now held' })
  receiptNumber!: string;

  @ApiProperty({ type: String, description: 'the new hold’s id: what its beneficiary releases it by' })
  holdId!: string;

  @ApiProperty({
    enum: ['pledge', 'freeze', 'delivery'],
    description: 'pledge (a bank loan’s collateral), freeze (exchange or court) or delivery (allocated to a futures delivery)',
  })
  kind!: 'pledge' | 'freeze' | 'delivery';

  @ApiProperty({ type: () => BeneficiaryResponseDto, description: 'who the hold protects; only it may release the hold' })
  beneficiary!: BeneficiaryResponseDto;

  @ApiProperty({ type: 'integer', description: 'the receipt’s version after the hold, also its ETag' })
  version!: number;
}
