import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { MoveCommandHandler } from '../../move.command-handler';

export class MoveGoodsRequestDto {
  @IsString()
  @MaxLength(100)
  orderId!: string;

  @IsString()
  @MaxLength(100)
  fromLocationId!: string;

  @IsString()
  @MaxLength(100)
  toLocationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  barcodes!: string[];
}

/** Moves pieces between locations under a move order, within the target's capacity. */
@Controller('moves')
export class MoveGoodsHttpController {
  constructor(private readonly moves: MoveCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('operator', 'clerk')
  move(@Body() body: MoveGoodsRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.moves.move({ orderId: body.orderId, fromLocationId: body.fromLocationId, toLocationId: body.toLocationId, barcodes: body.barcodes }, principal);
  }
}
