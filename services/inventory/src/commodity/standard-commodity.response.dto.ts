import { ApiProperty } from '@nestjs/swagger';

/** A commodity as the warehouse names it (货品命名规范化): one stock keeping unit. */
export class StandardCommodityResponseDto {
  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the commodity code, what work orders and workflows name' })
  code!: string;

  @ApiProperty({ type: String, example: '螺纹钢', description: 'product (品名)' })
  product!: string;

  @ApiProperty({ type: String, example: 'HRB400E Φ20', description: 'specification (规格)' })
  specification!: string;

  @ApiProperty({ type: String, description: 'model (型号); empty when the commodity has none' })
  model!: string;

  @ApiProperty({ type: String, description: 'material (材质); empty when the commodity has none' })
  material!: string;

  @ApiProperty({ type: String, example: '沙钢', description: 'brand (品牌) the exchange delivers by' })
  brand!: string;

  @ApiProperty({ type: String, description: 'grade (等级); empty when the commodity has none' })
  grade!: string;
}

/** A commodity with the standard name clients are offered. */
export class NamedCommodityResponseDto extends StandardCommodityResponseDto {
  @ApiProperty({ type: String, example: '螺纹钢 HRB400E Φ20 沙钢', description: 'the standard name: the non-empty parts in a fixed order, space-separated' })
  standardName!: string;
}
