import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Spread into every connection: `first`/`last` above 100 is an error, not silently trimmed. */
export const pageSize = {
  defaultSize: DEFAULT_PAGE_SIZE,
  maxSize: (args: { first?: number | null; last?: number | null }) => {
    for (const name of ['first', 'last'] as const) {
      const value = args[name];
      if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
        throw new GraphQLError(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}`, {
          extensions: { code: 'BAD_USER_INPUT', argument: name },
        });
      }
    }
    return MAX_PAGE_SIZE;
  },
};
