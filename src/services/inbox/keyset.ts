import { parseCursorConnectionArgs } from '@pothos/core';
import { GraphQLError } from 'graphql';
// The API's page-size rule (`first`/`last` 0–100, default 20) is kept with the other connections.
import { DEFAULT_PAGE_SIZE, pageSize } from '../pagination.ts';

/**
 * Where a row sits in a list ordered by a time column, newest first (rows without a time last),
 * then by id, newest first. The id makes every position unique, so no row is skipped or repeated
 * when rows share a time.
 */
export interface Position {
  at: Date | null;
  id: string;
}

/** The slice of a list one page reads: bounds are exclusive, `inverted` reads from the end back. */
export interface KeysetWindow {
  after: Position | null;
  before: Position | null;
  take: number;
  inverted: boolean;
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<Row> {
  edges: { cursor: string; node: Row }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasPreviousPage: boolean; hasNextPage: boolean };
}

function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at?.toISOString() ?? null, position.id])).toString('base64url');
}

function notACursor(argument: string): GraphQLError {
  return new GraphQLError(`"${argument}" is not a cursor of this list`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

function decodeCursor(cursor: string, argument: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const time = typeof at === 'string' ? new Date(at) : null;
    if (typeof id === 'string' && id && (at === null || (time && !Number.isNaN(time.getTime())))) return { at: time, id };
  } catch {
    // falls through to the error below
  }
  throw notACursor(argument);
}

/** The time column a list is ordered by, and whether it may be null (such rows sort last). */
export interface KeysetOrder {
  field: string;
  nullable: boolean;
}

/** The rows strictly after (`side: 'after'`) or before `position` in the list order, as a Prisma filter. */
function beyond(order: KeysetOrder, position: Position, side: 'after' | 'before'): Record<string, unknown> {
  const { field, nullable } = order;
  // Only a list whose time may be null hands out cursors without one.
  if (position.at === null && !nullable) throw notACursor(side);
  const idBeyond = { id: { [side === 'after' ? 'lt' : 'gt']: position.id } };
  if (position.at === null) {
    return side === 'after' ? { [field]: null, ...idBeyond } : { OR: [{ [field]: { not: null } }, { [field]: null, ...idBeyond }] };
  }
  const tied = { [field]: position.at, ...idBeyond };
  if (side === 'before') return { OR: [{ [field]: { gt: position.at } }, tied] };
  return { OR: [{ [field]: { lt: position.at } }, tied, ...(nullable ? [{ [field]: null }] : [])] };
}

/** Both bounds of a window as Prisma filters of the list's model, ready for `AND`. */
export function windowWhere<Where>(order: KeysetOrder, window: KeysetWindow): Where[] {
  const bounds = [
    ...(window.after ? [beyond(order, window.after, 'after')] : []),
    ...(window.before ? [beyond(order, window.before, 'before')] : []),
  ];
  return bounds as Where[];
}

/** The list order, or for an inverted window its exact reverse, for Prisma. */
export function windowOrderBy<OrderBy>(order: KeysetOrder, window: KeysetWindow): OrderBy[] {
  const direction = window.inverted ? 'asc' : 'desc';
  const time = order.nullable ? { sort: direction, nulls: window.inverted ? 'first' : 'last' } : direction;
  return [{ [order.field]: time }, { id: direction }] as OrderBy[];
}

/**
 * A Relay connection over a keyset-ordered list. `fetch` reads `take` rows of the window in window
 * order (reversed when `inverted`); one row more than the page tells whether another page exists
 * in the reading direction, exactly. The other direction is known from the cursor alone, as the
 * Relay spec allows: a page after a cursor has rows before it.
 */
export async function keysetConnection<Row>(
  args: ConnectionArgs,
  positionOf: (row: Row) => Position,
  fetch: (window: KeysetWindow) => Promise<Row[]>,
): Promise<Connection<Row>> {
  const parsed = parseCursorConnectionArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: pageSize.maxSize(args) });
  const rows = await fetch({
    after: parsed.after === undefined ? null : decodeCursor(parsed.after, 'after'),
    before: parsed.before === undefined ? null : decodeCursor(parsed.before, 'before'),
    take: parsed.limit,
    inverted: parsed.inverted,
  });
  const page = rows.slice(0, parsed.expectedSize);
  if (parsed.inverted) page.reverse();
  const edges = page.map((row) => ({ cursor: encodeCursor(positionOf(row)), node: row }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: parsed.hasPreviousPage(rows.length),
      hasNextPage: parsed.hasNextPage(rows.length),
    },
  };
}
