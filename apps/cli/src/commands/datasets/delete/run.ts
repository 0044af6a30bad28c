import type { Context } from '../../../context';
import { resolveDatasetId } from '../../../datasets/resolveDatasetId';
import { CliError, usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { counted, relativeTime, tell } from '../../../format';
import { withSession } from '../../../session';
import type { DeleteOptions } from './flags';

/** `datasets delete DATASET`: checks that the dataset exists, shows it and asks (unless --yes), deletes it, and says so. */
export function run(ctx: Context, options: DeleteOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    const client = await s.client();
    const id = await resolveDatasetId(s, client, arg);
    // A typo or another company's id fails here with the server's 404, before anyone is asked anything.
    const dataset = await client.datasets.retrieve(id, s.call());
    const named = `"${dataset.name}" (${id})`;
    if (!options.yes) {
      if (!io.inTty || arg === '-') {
        throw usageError(`refusing to delete dataset ${named} without confirmation because stdin is not a terminal; pass --yes`);
      }
      const { confirm } = await import('../../../prompt');
      const what = `${dataset.dataset_type}, ${counted(dataset.file_count ?? dataset.files?.length ?? 0, 'file')}, created ${relativeTime(dataset.created_at, ctx.clock.now())}`;
      if (!(await confirm(ctx, `Delete dataset ${named} (${what}) and its files? This cannot be undone. [y/N] `))) {
        throw new CliError(`dataset ${named} was not deleted`);
      }
    }
    await client.datasets.delete(id, s.call());
    io.print(`${id}\n`);
    tell(io, `${io.errStyle.green('✓')} Deleted dataset ${named}`);
    return EXIT.OK;
  });
}
