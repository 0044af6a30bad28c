import { perMode } from './SchemaMode';

/** Body of a successful create: the new run's id (anything else the server sends is kept). */
export interface CreateRunResult {
  id: string;
}

/** Schema of the create response; the id is all the client needs. */
export const createRunResultSchema = /* @__PURE__ */ perMode<CreateRunResult>((mode) => mode.object({ id: mode.id() }));
