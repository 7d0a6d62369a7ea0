import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { CommodityCatalogueStream, type Unstamped } from '../../commodity-catalogue-stream';
import type { PublishWeightTolerance } from '../../domain/commodity-catalogue.commands';

/** Publishes a dated version of a commodity's inbound weight tolerance. */
@Injectable()
export class PublishWeightToleranceCommandHandler {
  constructor(private readonly catalogue: CommodityCatalogueStream) {}

  execute(version: Unstamped<PublishWeightTolerance>['data'], caller: Caller) {
    return this.catalogue.change({ type: 'PublishWeightTolerance', data: version }, caller);
  }
}
