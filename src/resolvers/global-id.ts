import { decodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../errors.ts';

/** Turns a global ID from an input into a row id, or a ValidationError at `field` if it is not a `typename` ID. */
export function parseGlobalId(value: string, typename: string, field: string[]): string {
  try {
    const { typename: actual, id } = decodeGlobalID(value);
    if (actual === typename && id) return id;
  } catch {
    // falls through to the typed error
  }
  throw new ValidationError([{ path: field, message: `Must be the ID of a ${typename}` }]);
}

/** The row id behind a global ID of a `typename`, or null when it is not one (reads answer null, not an error). */
export function parseGlobalIdOrNull(value: string, typename: string): string | null {
  try {
    return parseGlobalId(value, typename, ['id']);
  } catch {
    return null;
  }
}
