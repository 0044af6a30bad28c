import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of a create answer: the new run's id is all the client needs. */
export const createRunResultEntries = (mode: SchemaMode) => ({ id: mode.id() });

/** Body of a successful create: the new run's id (anything else the server sends is kept). */
export interface CreateRunResult extends ObjectOutput<ReturnType<typeof createRunResultEntries>> {}

/** Schema of the create response. */
export const createRunResultSchema = /* @__PURE__ */ perMode<CreateRunResult>((mode) => mode.object(createRunResultEntries(mode)));
