import type { Projection } from '@dw/projections';
import type { CommodityCatalogueEvent } from '../domain/commodity-catalogue.events';
import { normaliseName } from '../domain/commodity-name';

/** The master data and the client alias tables, for GET /commodities and GET /commodities/aliases. */
export const commoditiesProjection: Projection<'commodities' | 'commodity_aliases', CommodityCatalogueEvent> = {
  name: 'commodities',
  tables: {
    commodities: (t) => `CREATE TABLE ${t} (
      code text PRIMARY KEY,
      product text NOT NULL,
      specification text NOT NULL,
      model text NOT NULL,
      material text NOT NULL,
      brand text NOT NULL,
      grade text NOT NULL,
      standard_name text NOT NULL,
      registered_by text NOT NULL,
      registered_at timestamptz NOT NULL)`,
    commodity_aliases: (t) => `CREATE TABLE ${t} (
      client text NOT NULL,
      normalised_alias text NOT NULL,
      alias text NOT NULL,
      code text NOT NULL,
      mapped_by text NOT NULL,
      mapped_at timestamptz NOT NULL,
      PRIMARY KEY (client, normalised_alias))`,
  },
  eventTypes: ['CommodityRegistered', 'ClientAliasMapped', 'ClientAliasUnmapped'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      switch (event.type) {
        case 'CommodityRegistered': {
          const { commodity: c, standardName, actor, at } = event.data;
          await tx.query(
            `INSERT INTO ${tables.commodities} (code, product, specification, model, material, brand, grade, standard_name, registered_by, registered_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [c.code, c.product, c.specification, c.model, c.material, c.brand, c.grade, standardName, actor, at],
          );
          break;
        }
        case 'ClientAliasMapped':
          await tx.query(
            `INSERT INTO ${tables.commodity_aliases} (client, normalised_alias, alias, code, mapped_by, mapped_at) VALUES ($1, $2, $3, $4, $5, $6)`,
            [event.data.client, normaliseName(event.data.alias), event.data.alias, event.data.code, event.data.actor, event.data.at],
          );
          break;
        case 'ClientAliasUnmapped':
          await tx.query(`DELETE FROM ${tables.commodity_aliases} WHERE client = $1 AND normalised_alias = $2`, [
            event.data.client,
            normaliseName(event.data.alias),
          ]);
          break;
      }
    }
  },
};
