import type { RUN_STATUSES, RunStatus } from '@df/browser';

/** How a status is shown: a word, an icon and a colour tone, so the badge never relies on colour alone. */
export interface StatusLook {
  word: string;
  icon: string;
  tone: 'pending' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'unknown';
}

/** One look per status the SDK documents; a status added there fails the typecheck until it has one here. */
const LOOKS: Record<(typeof RUN_STATUSES)[number], StatusLook> = {
  PENDING: { word: 'Pending', icon: '◷', tone: 'pending' },
  PROCESSING: { word: 'Processing', icon: '↻', tone: 'processing' },
  SUCCEEDED: { word: 'Succeeded', icon: '✓', tone: 'succeeded' },
  FAILED: { word: 'Failed', icon: '✕', tone: 'failed' },
  CANCELED: { word: 'Canceled', icon: '⊘', tone: 'canceled' },
};

/** How each status is shown; a status this page does not know is shown as the server spells it, in a neutral badge. */
export function statusLook(status: RunStatus): StatusLook {
  // Older servers say RUNNING, newer ones may add states: shown as sent, and the run counts as not finished.
  return Object.hasOwn(LOOKS, status) ? LOOKS[status as keyof typeof LOOKS] : { word: status || 'Unknown', icon: '•', tone: 'unknown' };
}
