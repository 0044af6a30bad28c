import type { CreateRunParams } from '@df/browser';

/** Labels where a parameter's name in words would say less than the page wants to. */
const LABELS: Partial<Record<keyof CreateRunParams, string>> = {
  spec_id: 'Spec',
  max_revision_cycles: 'Maximum revision cycles',
  seed_shuffling_level: 'Seed shuffling',
  max_examples_in_prompt: 'Maximum seed examples in a prompt',
  generation_thinking_budget: 'Generation thinking budget (tokens)',
  outline_thinking_budget: 'Outline thinking budget (tokens)',
  revision_thinking_budget: 'Revision thinking budget (tokens)',
  databricks_api_base: 'Databricks API base',
};

/** A run parameter's label: the page's own where it has one, otherwise its name in words (`skip_outline` → "Skip outline"). */
export function paramLabel(name: string): string {
  const label = LABELS[name as keyof CreateRunParams];
  if (label !== undefined) return label;
  const words = name.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
