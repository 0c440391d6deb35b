/** A field whose JSON shape (string, number, boolean, object, array) is not its property's. */
import { mappedCheck, shape } from './connector-check.js';

export const typeMismatch = mappedCheck('type-mismatch', (field, m) => {
  const fs = shape(field.type);
  const ps = shape(m.property.type);
  if (fs === ps) return undefined;
  const taken = field.typeHintStated ? `"${field.typeHint}"` : `${field.typeHint} (the page's default)`;
  return {
    severity: 'error',
    message: `the connector takes ${taken} (${fs}); the docs type ${m.path} as ${m.property.type.name}${m.property.type.collection ? ' collection' : ''} (${ps})`,
  };
});
