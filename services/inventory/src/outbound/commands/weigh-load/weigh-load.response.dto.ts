import { ApiProperty } from '@nestjs/swagger';

/** The picked load as weighed: its net against the book weight of the same pieces. */
export class WeighLoadResponseDto {
  @ApiProperty({ type: String, description: 'the outbound order' })
  orderId!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s outbound record version after the weighing' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'which load-out of the order this load will be: 1, 2, …' })
  loadNo!: number;

  @ApiProperty({ type: 'integer', description: 'pieces on the load' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'book weight of those pieces (their inbound weights) in Kg' })
  bookKg!: number;

  @ApiProperty({ type: 'integer', description: 'net weighed now (gross − tare) in Kg' })
  netKg!: number;

  @ApiProperty({ type: 'integer', description: 'over/short (溢短) = net − book in Kg: positive over, negative short' })
  overShortKg!: number;
}
