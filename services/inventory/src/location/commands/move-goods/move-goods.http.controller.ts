import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { MoveGoodsCommandHandler } from './move-goods.command-handler';
import { MoveGoodsResponseDto } from './move-goods.response.dto';

export class MoveGoodsRequestDto {
  @ApiProperty({
    maxLength: 100,
    example: '0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10',
    description: 'the open move work order the move is done under (one move per move order)',
  })
  @IsString()
  @MaxLength(100)
  orderId!: string;

  @ApiProperty({ maxLength: 100, example: 'SHED1-R01-S01', description: 'the location the pieces leave' })
  @IsString()
  @MaxLength(100)
  fromLocationId!: string;

  @ApiProperty({
    maxLength: 100,
    example: 'SHED1-R02-S04',
    description: 'the location they go to: another location of the same warehouse, with room for them all',
  })
  @IsString()
  @MaxLength(100)
  toLocationId!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 500,
    example: ['RB20-000001', 'RB20-000002'],
    description: 'barcode labels of the pieces moved, all lying at fromLocationId',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  barcodes!: string[];
}

/** Moves pieces between locations under a move order, within the target's capacity. */
@Controller('moves')
export class MoveGoodsHttpController {
  constructor(private readonly handler: MoveGoodsCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: MoveGoodsResponseDto, description: 'moved: every piece now lies at the target location' })
  move(@Body() body: MoveGoodsRequestDto, @CurrentCaller() caller: Caller): Promise<MoveGoodsResponseDto> {
    return this.handler.execute(
      { orderId: body.orderId, fromLocationId: body.fromLocationId, toLocationId: body.toLocationId, barcodes: body.barcodes },
      caller,
    );
  }
}
