/** A value for a `$n::jsonb` parameter of a raw query: JSON text, or SQL NULL. */
export function jsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
