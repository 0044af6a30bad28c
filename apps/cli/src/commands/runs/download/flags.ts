import { examples, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `runs download`: the run id, where to save, and whether to unpack. */
export const downloadFlags = (command: NewCommand) =>
  command
    .description("download the ZIP of a SUCCEEDED run's files (waits while it is built); prints the saved path")
    .argument('<id>', RUN_ID_HELP)
    .option('-o, --out <dir>', 'directory to write run-<id>.zip (or, with --extract, run-<id>/) into', '.')
    .option('-x, --extract', 'unpack the files into <dir>/run-<id>/ instead of keeping the ZIP')
    .option('-f, --force', 'overwrite an existing file or directory of that name')
    .addHelpText(
      'after',
      `${examples('dataframer runs download RUN_ID --out ./data', 'dataframer runs download RUN_ID --extract', 'unzip "$(dataframer runs download RUN_ID)"')}
The file is written under a temporary name and renamed once its size is checked, so a file
named run-<id>.zip (or a directory run-<id>) is always complete. --extract refuses archives with
entries that would land outside the directory (../, absolute paths, links). --timeout bounds the
whole download (default: 5m for the ZIP to be built).
`,
    );

/** The options `runs download` runs with. */
export type DownloadOptions = OptionsOf<typeof downloadFlags>;
