import { Option } from '@commander-js/extra-typings';
import { DATASET_LIMITS, DATASET_TYPES } from '@df/core/constants';
import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** The formats each type takes, from the SDK's limits: `SINGLE_FILE: csv, json, jsonl; MULTI_FILE: …`. */
const formats = Object.entries(DATASET_LIMITS)
  .map(([type, limits]) => `${type}: ${limits.formats.join(', ')}`)
  .join('; ');

/** Collects a repeated option's values in order. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `datasets create`: the name, the files (or folders, or one ZIP), the type and the output. */
export const createFlags = (command: NewCommand) =>
  command
    .usage('[options] <name> (<file...> | --folder <dir>... | --zip <file>)')
    .description('upload files as a new seed dataset; prints only the new dataset id on stdout')
    .argument('<name>', 'name of the dataset (unique in your company)')
    .argument('[file...]', `files to upload (${formats})`)
    .addOption(
      new Option(
        '--type <type>',
        'dataset type (default: SINGLE_FILE for one file, MULTI_FILE for several, MULTI_FOLDER with --folder)',
      ).choices(DATASET_TYPES),
    )
    .option(
      '--folder <dir>',
      'a directory whose files make one folder of a MULTI_FOLDER dataset, named as the directory (repeat it)',
      collect,
    )
    .option('--zip <file>', 'create the dataset from one ZIP file; the server detects the type from its layout')
    .option('--description <text>', 'description of the dataset')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `${examples(
        'dataframer datasets create "Support tickets" tickets.csv',
        'dataframer datasets create "Product docs" docs/*.md',
        'dataframer datasets create Conversations --folder chats/billing --folder chats/shipping',
        'dataframer datasets create Conversations --zip chats.zip --description "Chats from March"',
        'dataframer datasets create Tickets tickets.csv --json id,file_count',
      )}
With --folder, each directory is one folder of the dataset, named as the directory; its files are
uploaded in name order (the order the server keeps within the folder), hidden files left out.
Every limit of the type (formats, sizes, counts) is checked before anything is sent; all problems
are listed at once, with exit 2. The upload shows a progress bar when stderr is a terminal.
`,
    );

/** The options `datasets create` runs with. */
export type CreateOptions = OptionsOf<typeof createFlags>;
