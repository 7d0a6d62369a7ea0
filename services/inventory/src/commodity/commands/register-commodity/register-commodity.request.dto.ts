import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A standard commodity (货品命名规范化, rule INV-STANDARD-NAME-UNIQUE): product, specification, model, material, brand, grade. */
export class RegisterCommodityRequestDto {
  @ApiProperty({ maxLength: 40, example: 'rb-400e-20-sg', description: 'the standard commodity code orders, lots and receipts carry; unique' })
  @IsString()
  @MaxLength(40)
  code!: string;

  @ApiProperty({ maxLength: 100, example: '螺纹钢', description: 'product (品名)' })
  @IsString()
  @MaxLength(100)
  product!: string;

  @ApiProperty({ maxLength: 100, example: 'HRB400E Φ20', description: 'specification (规格)' })
  @IsString()
  @MaxLength(100)
  specification!: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'model (型号), where the product has one' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'material (材质), where the product names one' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  material?: string;

  @ApiProperty({ maxLength: 100, example: '沙钢', description: 'brand (品牌): the producer whose mark the goods bear' })
  @IsString()
  @MaxLength(100)
  brand!: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'grade (等级); a commodity without one cannot back a standard warehouse receipt' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  grade?: string;
}
