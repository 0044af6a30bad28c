/** Exit codes of the dataframer command; documented in `--help` and the README. */
export const EXIT = {
  OK: 0,
  ERROR: 1,
  USAGE: 2,
  AUTH: 4,
  RUN_FAILED: 5,
  RUN_CANCELED: 6,
  COST_LIMIT: 7,
  RUN_PENDING: 8,
  SCORE_BELOW_MIN: 9,
  EVALUATION_FAILED: 10,
  INTERRUPTED: 130,
} as const;

/** The exit code table as printed at the end of `dataframer --help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0    success (for runs watch / runs create --wait: the run SUCCEEDED; specs create --wait: the spec)
  1    error (API error, network error, ...)
  2    usage error (unknown command or flag, bad value, missing --yes, ambiguous id prefix)
  4    not authenticated (no API key, or the key was rejected)
  5    the watched run ended FAILED (for specs create --wait: the spec FAILED)
  6    the watched run ended CANCELED
  7    the watched run's cost passed --max-cost: it was canceled
  8    the watched run (or evaluation, or spec) was still running when --timeout expired
  9    the evaluation's score is below --min-score (the data is poor; the command worked)
  10   the evaluation ended FAILED
  130  interrupted (Ctrl-C); a watched run goes on on the server`;
