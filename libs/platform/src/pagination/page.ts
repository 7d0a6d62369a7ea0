import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** One page of a list: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Builds a page from `limit + 1` rows fetched in list order: the extra row only tells that
 * another page exists, and the last row kept positions the next cursor.
 */
export function pageOf<Row, Item>(rows: readonly Row[], limit: number, toItem: (row: Row) => Item, cursorAfter: (row: Row) => string): Page<Item> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(toItem), nextCursor: rows.length > limit && last !== undefined ? cursorAfter(last) : null };
}

/**
 * OpenAPI for a `Page<ItemDto>` answer (200): `{ items: ItemDto[], nextCursor: string | null }`,
 * as `pageOf` builds it. `description` says what one page lists and in which order.
 */
export function ApiPageResponse(item: Type<unknown>, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) }, description: 'this page’s items, in list order' },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'opaque: pass it back as ?cursor= for the next page (with the same filters); null on the last page',
          },
        },
      },
    }),
  );
}
