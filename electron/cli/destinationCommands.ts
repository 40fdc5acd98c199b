import { DESTINATION_KIND_LABELS, DESTINATION_KINDS, type Destination, type DestinationKind } from '../../shared/model/publish';
import { COMMON_OPTIONS, parseCommandLine, requireOption, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import { formatTable } from './cliTable';
import type { CommandGroup } from './commandGroup';
import { readSecret, SECRET_ENVIRONMENT_VARIABLE } from './readSecret';

const USAGE = `Usage:
  hallnotes destination add --kind wordpress|ghost --name NAME --url URL [--user NAME]
                            [--password-file FILE] [--no-test] [--json]
  hallnotes destination list [--json]
  hallnotes destination test NAME [--password-file FILE] [--json]
  hallnotes destination remove NAME [--json]`;

const HELP = `${USAGE}

The sites "hallnotes publish" sends drafts to. They are kept in this computer's settings folder
(not in the library); their passwords in a file there that only you can read (mode 0600).

destination add     Adds a site and tests the connection (--no-test skips that).
  --kind K            wordpress: a WordPress site (5.6 or newer), with an Application Password
                      (Users → Profile → Application Passwords), not your login password
                      ghost: a Ghost site, with an Admin API key "id:secret"
                      (Settings → Integrations → add a custom integration)
  --name NAME         how you call it in "publish --to NAME"
  --url URL           the site's address; https:// unless it runs on this computer
  --user NAME         WordPress: the user the Application Password belongs to
  --password-file F   read the password or key from the first line of F (- for the standard
                      input); else from $${SECRET_ENVIRONMENT_VARIABLE}
destination list    Lists the sites, and whether a password is stored for each.
destination test    Tries the connection and says exactly what is wrong, if anything.
destination remove  Forgets a site and its password.

  --json         machine-readable output
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)`;

const SECRET_OPTION = { 'password-file': { type: 'string' } } as const;

async function addDestination(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(args, { ...COMMON_OPTIONS, ...SECRET_OPTION, kind: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' }, user: { type: 'string' }, 'no-test': { type: 'boolean' } }, []);
  const kind = parseKind(requireOption(values.kind, '--kind'));
  const name = requireOption(values.name, '--name');
  const siteUrl = requireOption(values.url, '--url');
  if (kind === 'wordpress' && !values.user) throw new UsageError('--user is needed for WordPress: the user the Application Password belongs to');
  if (kind === 'ghost' && values.user) throw new UsageError('--user applies to WordPress only; a Ghost Admin API key needs no user');
  const secret = await readSecret(values['password-file'], cli.io);
  if (!secret) throw new UsageError(`give the ${kind === 'wordpress' ? 'Application Password' : 'Admin API key'} with --password-file FILE or $${SECRET_ENVIRONMENT_VARIABLE}`);
  const publish = cli.open(values.library).publish;
  const draft = { kind, name, siteUrl, userName: values.user ?? '', secret };
  if (!values['no-test']) {
    const report = await publish.testDestination(draft);
    if (!report.ok) {
      cli.warn(`${report.message} Nothing was saved (--no-test saves without testing).`);
      cli.exitCode = 1;
      return;
    }
  }
  const saved = await publish.saveDestination(draft);
  if (values.json) cli.printJson(saved);
  else cli.print(`Added “${saved.name}” (${DESTINATION_KIND_LABELS[saved.kind]}, ${saved.siteUrl}), id ${saved.id}.`);
}

async function listDestinations(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(args, COMMON_OPTIONS, []);
  const destinations = await cli.open(values.library).publish.listDestinations();
  if (values.json) cli.printJson(destinations);
  else if (destinations.length === 0) cli.print('No destinations yet: add one with "hallnotes destination add".');
  else {
    cli.print(
      formatTable<Destination>(destinations, [
        { header: 'NAME', value: (destination) => destination.name, maxWidth: 30 },
        { header: 'KIND', value: (destination) => DESTINATION_KIND_LABELS[destination.kind] },
        { header: 'SITE', value: (destination) => destination.siteUrl, maxWidth: 50 },
        { header: 'USER', value: (destination) => destination.userName || '-' },
        { header: 'PASSWORD', value: (destination) => (destination.hasSecret ? 'stored' : 'missing') },
        { header: 'ID', value: (destination) => destination.id },
      ]),
    );
  }
}

async function testDestination(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, ...SECRET_OPTION }, ['NAME']);
  const publish = cli.open(values.library).publish;
  const destination = await publish.findDestination(positionals[0]);
  const secret = await readSecret(values['password-file'], cli.io);
  const report = await publish.testDestination({ ...destination, ...(secret ? { secret } : {}) });
  if (values.json) cli.printJson(report);
  else if (report.ok) cli.print(report.message);
  else cli.warn(report.message);
  if (!report.ok) cli.exitCode = 1;
}

async function removeDestination(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, COMMON_OPTIONS, ['NAME']);
  const publish = cli.open(values.library).publish;
  const destination = await publish.findDestination(positionals[0]);
  await publish.deleteDestination(destination.id);
  if (values.json) cli.printJson({ removed: destination.id });
  else cli.print(`Removed “${destination.name}” and its stored password.`);
}

function parseKind(value: string): DestinationKind {
  const kind = DESTINATION_KINDS.find((candidate) => candidate === value);
  if (!kind) throw new UsageError(`--kind must be ${DESTINATION_KINDS.join(' or ')}, not "${value}"`);
  return kind;
}

export const DESTINATION_COMMANDS: CommandGroup = {
  name: 'destination',
  usage: USAGE,
  help: HELP,
  commands: { add: addDestination, list: listDestinations, test: testDestination, remove: removeDestination },
};
