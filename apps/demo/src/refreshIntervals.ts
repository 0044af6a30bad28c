/** How often the page polls while something it shows can still change. */
export const POLL_MS = 1500;
/** How long the page waits after a failed poll before it tries again. */
export const RETRY_MS = 10_000;
/** How often relative times are redrawn when nothing is polled. */
export const CLOCK_MS = 30_000;
