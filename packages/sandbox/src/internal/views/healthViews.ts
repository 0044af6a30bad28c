import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** The health answer (untyped in the contract). */
export function healthView(ctx: ViewContext): Record<string, unknown> {
  return shapeFields({ status: 'ok', service: 'dataframer-sandbox', time: iso(ctx.store.now()) }, [], ctx.settings.optionalFields);
}
