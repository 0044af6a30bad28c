import type { RunStatus } from '@df/browser';

/** How a status is shown: a word, an icon and a colour tone, so the badge never relies on colour alone. */
export interface StatusLook {
  word: string;
  icon: string;
  tone: 'pending' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'unknown';
}

/** How each status is shown; a status this page does not know is shown as the server spells it, in a neutral badge. */
export function statusLook(status: RunStatus): StatusLook {
  switch (status) {
    case 'PENDING':
      return { word: 'Pending', icon: '◷', tone: 'pending' };
    case 'PROCESSING':
      return { word: 'Processing', icon: '↻', tone: 'processing' };
    case 'SUCCEEDED':
      return { word: 'Succeeded', icon: '✓', tone: 'succeeded' };
    case 'FAILED':
      return { word: 'Failed', icon: '✕', tone: 'failed' };
    case 'CANCELED':
      return { word: 'Canceled', icon: '⊘', tone: 'canceled' };
    default:
      // Older servers say RUNNING, newer ones may add states: shown as sent, and the run counts as not finished.
      return { word: status || 'Unknown', icon: '•', tone: 'unknown' };
  }
}
