import type { SecretKey } from './secretStore';

/**
 * Every use of the secret store, each with names of its own, so one use can never read
 * another's secret. `formerly` is the name Hallnotes used before the store was one (publishing
 * kept passwords by destination id, sync kept tokens by remote address): such a secret is moved
 * to its new name the first time it is read, bound to the site it is read for.
 */
export const secretKeys = {
  /** A destination's Application Password (WordPress) or Admin API key (Ghost). */
  destinationPassword: (destinationId: string): SecretKey => ({ name: `destination:${destinationId}`, formerly: destinationId }),
  /** The access token an event's sync sends to its Git remote. */
  eventGitToken: (eventId: string, remoteUrl: string): SecretKey => ({ name: `event-git:${eventId}`, formerly: `git:${remoteUrl}` }),
};
