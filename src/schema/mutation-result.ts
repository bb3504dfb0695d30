/**
 * The errors-plugin names every mutation uses: `<Field>Result` is the union of `<Field>Payload`
 * (whose `dataField` carries the result) and the mutation's typed errors.
 */
export function resultNames(field: string, dataField: string, description: string) {
  const typeName = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  return {
    union: { name: `${typeName}Result`, description: `What \`${field}\` returns: its payload, or a typed error and nothing changed.` },
    result: { name: `${typeName}Payload`, description },
    dataField: { name: dataField, description },
  };
}
