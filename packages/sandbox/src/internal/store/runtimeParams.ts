import { DEFAULT_MODEL, DEFAULT_SEED_SHUFFLING_LEVEL, isThinkingModel } from '../rules';

/** The runtime parameters a run records: the create body's values, completed with defaults. */
export function runtimeParams(body: Record<string, unknown>): Record<string, unknown> {
  const generation = (body.generation_model as string | undefined) ?? DEFAULT_MODEL;
  return {
    number_of_samples: body.number_of_samples,
    generation_model: generation,
    outline_model: (body.outline_model as string | undefined) ?? generation,
    revision_model: (body.revision_model as string | undefined) ?? generation,
    revision_types: [],
    filtering_types: [],
    max_revision_cycles: (body.max_revision_cycles as number | undefined) ?? 1,
    seed_shuffling_level: (body.seed_shuffling_level as string | undefined) ?? DEFAULT_SEED_SHUFFLING_LEVEL,
    max_examples_in_prompt: (body.max_examples_in_prompt as number | undefined) ?? 2,
    unified_multifield: (body.unified_multifield as boolean | undefined) ?? true,
    generation_thinking_budget: isThinkingModel(generation) ? 4096 : 0,
    outline_thinking_budget: 0,
    revision_thinking_budget: 0,
    skip_outline: false,
    tools: [],
  };
}
