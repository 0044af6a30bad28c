// The `specs`, `models`, `auth` and `completion` commands.
import { Argument } from '@commander-js/extra-typings';
import { examples, jsonOption } from './options';
import type { Root } from './root';

/** Adds the discovery, auth and completion commands to the root. */
export function defineOthers(program: Root) {
  const specs = program
    .command('specs')
    .description('list and inspect specs')
    .addHelpText('after', examples('dataframer specs list', 'dataframer specs get SPEC_ID'));

  const specsList = specs
    .command('list')
    .alias('ls')
    .description('list specs')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer specs list', 'dataframer specs list --json id,name,status'));

  const specsGet = specs
    .command('get')
    .alias('view')
    .usage('[options] <id>')
    .description('show one spec with its versions')
    .argument('[id]', 'spec id, or - to read it from stdin')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer specs get SPEC_ID', 'dataframer specs get SPEC_ID --json name,versions'));

  const models = program.command('models').description('list generation models').addHelpText('after', examples('dataframer models list'));

  const modelsList = models
    .command('list')
    .alias('ls')
    .description('list the models a run can use')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer models list', 'dataframer models list --json id,default'));

  const auth = program
    .command('auth')
    .description('store, check and remove the API key')
    .addHelpText(
      'after',
      `${examples('dataframer auth login', 'printf %s "$KEY" | dataframer auth login', 'dataframer auth status')}
The key is looked up in this order: DATAFRAMER_API_KEY, then the config file's profile
(--profile, DATAFRAMER_PROFILE, or "default"). There is no --api-key flag on purpose: command
lines are visible to other processes. The config file is written with mode 0600 (directory 0700).
`,
    );

  const authLogin = auth
    .command('login')
    .description('store an API key (hidden prompt on a terminal, else read from stdin; never from arguments)')
    .option('--no-verify', 'store the key without checking it against the server')
    .addHelpText(
      'after',
      examples(
        'dataframer auth login',
        'printf %s "$KEY" | dataframer auth login',
        'dataframer --profile staging --base-url https://staging.example auth login',
      ),
    );

  const authStatus = auth
    .command('status')
    .description('show the key in use (masked), where it comes from, and whether the server accepts it')
    .option('--offline', 'do not contact the server')
    .addHelpText('after', examples('dataframer auth status', 'dataframer --profile staging auth status --offline'));

  const authLogout = auth
    .command('logout')
    .description("remove the profile's stored key from the config file")
    .addHelpText('after', examples('dataframer auth logout', 'dataframer --profile staging auth logout'));

  const completion = program
    .command('completion')
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

  return { specs, specsList, specsGet, models, modelsList, auth, authLogin, authStatus, authLogout, completion };
}
