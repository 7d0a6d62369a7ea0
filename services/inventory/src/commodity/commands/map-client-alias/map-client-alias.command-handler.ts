import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { CommodityCatalogueStream, type Unstamped } from '../../commodity-catalogue-stream';
import type { MapClientAlias, UnmapClientAlias } from '../../domain/commodity-catalogue.commands';

/** A client's alias table: an alias mapped to a standard commodity, or removed. */
@Injectable()
export class MapClientAliasCommandHandler {
  constructor(private readonly catalogue: CommodityCatalogueStream) {}

  execute(change: Unstamped<MapClientAlias | UnmapClientAlias>, caller: Caller) {
    return this.catalogue.change(change, caller);
  }
}
