import { DEFAULT_MODEL, GENERATION_MODELS } from '../store/catalog';
import { shapeFields } from './shapeFields';
import type { ViewContext } from './ViewContext';

/** The models answer (untyped in the contract). */
export function modelsView(ctx: ViewContext): Record<string, unknown> {
  const models = GENERATION_MODELS.map((id) =>
    shapeFields(
      {
        id,
        provider: id.split('/')[0],
        thinking: id.endsWith('-thinking'),
        requires_databricks_credentials: id.startsWith('databricks/'),
        default: id === DEFAULT_MODEL,
      },
      ['id'],
      ctx.settings.optionalFields,
    ),
  );
  return shapeFields({ models }, [], ctx.settings.optionalFields);
}
