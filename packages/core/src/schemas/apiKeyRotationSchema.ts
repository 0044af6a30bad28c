import * as v from 'valibot';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of a rotation's answer: the new key is what the client needs. */
export const apiKeyRotationEntries = (mode: SchemaMode) => ({
  /** The new key, handed out once: the old one no longer works. */
  api_key: v.string(),
  /** The new key's first and last four characters (`a1b2****5678`), for display. */
  masked_key: mode.optional(v.string()),
  /** When the new key stops working. */
  expires_at: mode.optional(mode.dateTime()),
});

/** The answer of `POST /api/users/api-key/rotate`: the new key, which the client then sends in place of the old one. */
export interface ApiKeyRotation extends ObjectOutput<ReturnType<typeof apiKeyRotationEntries>> {}

/** Schema of the answer of `POST /api/users/api-key/rotate`. */
export const apiKeyRotationSchema = /* @__PURE__ */ perMode<ApiKeyRotation>((mode) => mode.object(apiKeyRotationEntries(mode)));
