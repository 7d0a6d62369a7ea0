import { DomainEvent } from '@dw/kernel';
import { WeightToleranceVersion } from './commodity-weight-tolerance';
import { StandardCommodity } from './standard-commodity';

interface Stamped {
  readonly actor: string;
  readonly at: string;
}

export type CommodityRegistered = DomainEvent<'CommodityRegistered', Stamped & { readonly commodity: StandardCommodity; readonly standardName: string }>;

export type ClientAliasMapped = DomainEvent<'ClientAliasMapped', Stamped & { readonly client: string; readonly alias: string; readonly code: string }>;

export type ClientAliasUnmapped = DomainEvent<'ClientAliasUnmapped', Stamped & { readonly client: string; readonly alias: string; readonly code: string }>;

export type WeightToleranceVersionPublished = DomainEvent<'WeightToleranceVersionPublished', Stamped & WeightToleranceVersion & { readonly code: string }>;

export type CommodityCatalogueEvent = CommodityRegistered | ClientAliasMapped | ClientAliasUnmapped | WeightToleranceVersionPublished;
