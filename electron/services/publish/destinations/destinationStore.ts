import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { storedDestinationSchema, type StoredDestination } from '../../../../shared/model/publish';
import { writeFileAtomic, WriteQueue } from '../../storage/atomicWrite';
import { readValidatedJson } from '../../storage/readValidatedJson';
import { fileSystemError, ServiceError } from '../../storage/serviceError';

const DESTINATIONS_FORMAT = 1;
const destinationsFileSchema = z.strictObject({
  format: z.literal(DESTINATIONS_FORMAT),
  destinations: z.array(storedDestinationSchema).max(100),
});

export const DESTINATIONS_FILE_NAME = 'publish-destinations.json';

/**
 * The sites this computer publishes to, in the settings folder (not the library: a library
 * copied to a colleague's laptop must not bring anyone's logins). No secret is ever in here.
 */
export class DestinationStore {
  private readonly writes = new WriteQueue();
  private readonly filePath: string;

  constructor(private readonly configFolder: string) {
    this.filePath = join(configFolder, DESTINATIONS_FILE_NAME);
  }

  async list(): Promise<StoredDestination[]> {
    return (await this.read()).destinations;
  }

  async get(idOrName: string): Promise<StoredDestination> {
    const destinations = await this.list();
    const wanted = idOrName.trim().toLowerCase();
    const found = destinations.find((candidate) => candidate.id === idOrName) ?? destinations.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (!found) {
      const known = destinations.map((candidate) => `“${candidate.name}”`).join(', ');
      throw new ServiceError('not-found', `There is no destination “${idOrName}”${known ? `; the destinations are ${known}` : '; add one first'}.`);
    }
    return found;
  }

  /** Adds or replaces (by id) a destination; names are unique, ignoring case. */
  save(destination: StoredDestination): Promise<StoredDestination> {
    return this.change((destinations) => {
      const clash = destinations.find((candidate) => candidate.id !== destination.id && candidate.name.toLowerCase() === destination.name.toLowerCase());
      if (clash) throw new ServiceError('invalid-argument', `There is already a destination called “${clash.name}”; give this one another name.`);
      const index = destinations.findIndex((candidate) => candidate.id === destination.id);
      return index === -1 ? [...destinations, destination] : destinations.map((candidate, at) => (at === index ? destination : candidate));
    }).then(() => destination);
  }

  remove(destinationId: string): Promise<void> {
    return this.change((destinations) => destinations.filter((candidate) => candidate.id !== destinationId));
  }

  private change(apply: (destinations: StoredDestination[]) => StoredDestination[]): Promise<void> {
    return this.writes.run(this.filePath, async () => {
      const destinations = apply((await this.read()).destinations);
      try {
        await mkdir(this.configFolder, { recursive: true });
      } catch (error) {
        throw fileSystemError(`create the settings folder ${this.configFolder}`, error);
      }
      await writeFileAtomic(this.filePath, JSON.stringify({ format: DESTINATIONS_FORMAT, destinations }, null, 2), 'the list of publishing destinations');
    });
  }

  private async read(): Promise<z.infer<typeof destinationsFileSchema>> {
    const file = await readValidatedJson({
      filePath: this.filePath,
      schema: destinationsFileSchema,
      supportedFormat: DESTINATIONS_FORMAT,
      description: 'the list of publishing destinations',
      quarantineFolder: join(this.configFolder, 'damaged'),
    });
    return file ?? { format: DESTINATIONS_FORMAT, destinations: [] };
  }
}
