/** Fields `--json` offers for a run in a list. */
export const RUN_FIELDS = [
  'id',
  'status',
  'spec_id',
  'spec_name',
  'spec_version',
  'dataset_id',
  'dataset_name',
  'dataset_type',
  'samples_completed',
  'samples_failed',
  'total_cost',
  'created_at',
  'created_by_email',
  'completed_at',
] as const;

/** Fields `--json` offers for one run. */
export const RUN_DETAIL_FIELDS = [...RUN_FIELDS, 'runtime_params', 'generated_files'] as const;
