import { Injectable } from '@nestjs/common';
import { CommodityCatalogueStream } from '../../commodity-catalogue-stream';
import { resolveCommodityName } from '../../domain/commodity-resolution';
import type { StandardCommodity } from '../../domain/standard-commodity';

/** Resolves a client's name for a commodity against the catalogue as it is now; it changes nothing. */
@Injectable()
export class ResolveCommodityNameCommandHandler {
  constructor(private readonly catalogue: CommodityCatalogueStream) {}

  async execute(request: { readonly client: string; readonly name: string }): Promise<StandardCommodity> {
    return resolveCommodityName(await this.catalogue.current(), request);
  }
}
