import type { NodeClient } from '@df/node';
import type { Session } from '../session';

/** How long a key check waits for the server when no --timeout is given. */
const KEY_CHECK_MS = 20 * 1000;

/** Asks the server whether it accepts the key `client` carries (by listing the models), within what is left of --timeout. */
export async function checkKey(s: Session, client: NodeClient): Promise<void> {
  await client.models.list({ timeoutMs: s.remaining() ?? KEY_CHECK_MS });
}
