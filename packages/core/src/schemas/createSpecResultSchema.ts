import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of a spec create answer: the new spec's id is all the client needs. */
const createSpecResultEntries = (mode: SchemaMode) => ({ id: mode.id() });

/** Body of a successful spec create: the new spec's id, while the spec is generated (anything else sent is kept). */
export interface CreateSpecResult extends ObjectOutput<ReturnType<typeof createSpecResultEntries>> {}

/** Schema of the spec create answer. */
export const createSpecResultSchema = /* @__PURE__ */ perMode<CreateSpecResult>((mode) => mode.object(createSpecResultEntries(mode)));
