import { RUN_STATUSES } from '@df/core/constants';
import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';
import { integer } from '../../../program/parsers';

/** `runs list`: filters, order, limit and output. */
export const listFlags = (command: NewCommand) =>
  command
    .alias('ls')
    .description('list runs, newest first. The API has no filters: the CLI fetches the list, then filters and sorts it locally')
    .option('-s, --status <list>', `only these statuses, comma-separated, of ${RUN_STATUSES.join(', ')} (other words are passed through)`)
    .option('--spec <name-or-id>', 'only runs of this spec (name or id)')
    .option('--since <when>', 'only runs created since a duration ago (30m, 2h, 3d, 1w) or a date (2026-11-01)')
    .option('-L, --limit <n>', 'show at most n runs', integer(1, 100_000), 20)
    .option('--sort <key>', 'created, cost, status, spec or completed; prefix - for descending', '-created')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'dataframer runs list --status failed,canceled --since 3d',
        'dataframer runs list --spec "Support tickets" --sort -cost -L 5',
        'dataframer runs list --json id,status,total_cost',
        '# piped output is tab-separated: id status completed failed cost spec_name spec_id created_at',
        'dataframer runs list | cut -f1,2',
      ),
    );

/** The options `runs list` runs with. */
export type ListOptions = OptionsOf<typeof listFlags>;
