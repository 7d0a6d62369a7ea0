import { ApiProperty } from '@nestjs/swagger';

export class ApplyForStorageCardResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the card number allotted (存储卡号); also in Location (/storage-cards/{cardNumber})' })
  cardNumber!: string;

  @ApiProperty({ enum: ['applied'], description: 'always applied: staff approve or reject it' })
  status!: 'applied';

  @ApiProperty({ type: 'integer', description: 'the card’s version, also its ETag' })
  version!: number;
}
