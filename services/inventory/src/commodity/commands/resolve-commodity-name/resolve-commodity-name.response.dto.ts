import { ApiProperty } from '@nestjs/swagger';
import { StandardCommodityResponseDto } from '../../standard-commodity.response.dto';

export class ResolveCommodityNameResponseDto {
  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the standard commodity the name resolves to' })
  code!: string;

  @ApiProperty({ type: String, example: '螺纹钢 HRB400E Φ20 沙钢', description: 'its standard name' })
  standardName!: string;

  @ApiProperty({ type: () => StandardCommodityResponseDto, description: 'the commodity, part by part' })
  commodity!: StandardCommodityResponseDto;
}
