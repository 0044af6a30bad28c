/** Fields `--json` offers for a spec in the list. */
export const SPEC_FIELDS = [
  'id',
  'name',
  'status',
  'description',
  'dataset_name',
  'datasets_id',
  'latest_version',
  'version_count',
  'created_at',
  'updated_at',
  'created_by_name',
  'company_name',
] as const;

/** Fields `--json` offers for one spec. */
export const SPEC_DETAIL_FIELDS = [
  'id',
  'name',
  'description',
  'status',
  'created_at',
  'updated_at',
  'dataset_id',
  'dataset_name',
  'dataset_type',
  'created_by_email',
  'runtime_params',
  'versions',
  'content_yaml',
] as const;

/** Fields `--json` offers for a model. */
export const MODEL_FIELDS = ['id', 'provider', 'thinking', 'requires_databricks_credentials', 'default'] as const;
