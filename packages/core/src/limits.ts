/** The most samples one run may ask for (`number_of_samples`, 1 to this). */
export const MAX_SAMPLES_PER_RUN = 20000;

/** The most samples one page of `GET /runs/{id}/samples/` may ask for (`limit`, 1 to this). */
export const MAX_SAMPLES_PAGE = 1000;

/** The run parameters that name a generation model; a `databricks/` model in any of them needs `DATABRICKS_PARAMS`. */
export const MODEL_PARAMS = ['generation_model', 'outline_model', 'revision_model'] as const;

/** The parameters a run with a `databricks/` model must also carry. */
export const DATABRICKS_PARAMS = ['databricks_client_id', 'databricks_client_secret', 'databricks_api_base'] as const;
