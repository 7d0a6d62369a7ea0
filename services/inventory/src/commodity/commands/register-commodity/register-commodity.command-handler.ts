import { Injectable } from '@nestjs/common';
import type { Principal } from '@dw/platform';
import { CommodityCatalogueStream } from '../../commodity-catalogue-stream';
import type { StandardCommodity } from '../../domain/standard-commodity';

/** Registers a standard commodity in the master data. */
@Injectable()
export class RegisterCommodityCommandHandler {
  constructor(private readonly catalogue: CommodityCatalogueStream) {}

  execute(commodity: StandardCommodity, principal: Principal) {
    return this.catalogue.change({ type: 'RegisterCommodity', data: { commodity } }, principal);
  }
}
