import { DEFAULT_MODEL, GENERATION_MODELS, isDatabricksModel, isThinkingModel } from '../rules';
import { shapeFields } from './shapeFields';
import type { ViewContext } from './ViewContext';

/** The models answer (untyped in the contract). */
export function modelsView(ctx: ViewContext): Record<string, unknown> {
  const models = GENERATION_MODELS.map((id) =>
    shapeFields(
      {
        id,
        provider: id.split('/')[0],
        thinking: isThinkingModel(id),
        requires_databricks_credentials: isDatabricksModel(id),
        default: id === DEFAULT_MODEL,
      },
      ['id'],
      ctx.settings.optionalFields,
    ),
  );
  return shapeFields({ models }, [], ctx.settings.optionalFields);
}
