import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { CommodityCatalogueStream } from '../../commodity-catalogue-stream';
import type { StandardCommodity } from '../../domain/standard-commodity';

/** Registers a standard commodity in the master data. */
@Injectable()
export class RegisterCommodityCommandHandler {
  constructor(private readonly catalogue: CommodityCatalogueStream) {}

  execute(commodity: StandardCommodity, caller: Caller) {
    return this.catalogue.change({ type: 'RegisterCommodity', data: { commodity } }, caller);
  }
}
