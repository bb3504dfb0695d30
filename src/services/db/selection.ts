/**
 * The Prisma selection Pothos derived from a GraphQL selection, safe to spread into a query: a
 * selection of only `__typename` arrives as `select: {}`, which Prisma rejects, and means "no
 * particular fields" — the default selection.
 */
export function selection<Query extends { select?: object; include?: object }>(query: Query | undefined): Query | Record<string, never> {
  if (!query) return {};
  if (query.select && Object.keys(query.select).length === 0) {
    const { select: _empty, ...rest } = query;
    return rest as Query;
  }
  return query;
}
