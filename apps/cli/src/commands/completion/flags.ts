import { Argument } from '@commander-js/extra-typings';
import { examples } from '../../program/helpText';
import type { NewCommand } from '../../program/defineCommand';

/** `completion`: the shell. */
export const completionFlags = (command: NewCommand) =>
  command
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish'] as const))
    .addHelpText(
      'after',
      examples(
        'dataframer completion bash > ~/.local/share/bash-completion/completions/dataframer',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expression shown in the help, not a template.
        'dataframer completion zsh > "${fpath[1]}/_dataframer"',
        'dataframer completion fish > ~/.config/fish/completions/dataframer.fish',
      ),
    );
