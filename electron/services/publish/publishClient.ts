import type { PublishablePhoto } from './publishablePost';

/** A draft on the site, as far as publishing needs to know it. */
export type RemotePost = {
  id: string;
  /** WordPress `modified_gmt`, Ghost `updated_at`: changes whenever anybody saves the post. */
  modified: string;
  status: string;
  /**
   * A hash of the title and body as the site holds them. Sites keep modified times to the
   * second, so an edit made in the same second as Hallnotes' write shows only here.
   */
  fingerprint: string;
};

/** A photo in the site's media library, by the address the post's content points at. */
export type RemotePhoto = { id: string; url: string };

/** A user of the site the draft can be credited to: WordPress's user id, Ghost's staff user id. */
export type RemoteAuthor = { id: string; name: string };

/** Who the byline names, as the site knows them: the user found, or why none is set (in words, for the publish result). */
export type AuthorMatch = { author: RemoteAuthor | null; note: string | null };

/** The draft's fields, ready for the site: the body already points at the uploaded photos. */
export type DraftContent = {
  title: string;
  body: string;
  /** For the CMS's excerpt field; '' leaves it empty. */
  excerpt: string;
  tags: string[];
  featured: { photo: RemotePhoto; alt: string; caption: string } | null;
  /** Null: the draft's author is left as the site has it (the publishing account, or what an editor set there). */
  author: RemoteAuthor | null;
};

/** A photo read from the event's assets folder. */
export type PhotoFile = { path: string; bytes: Uint8Array };

/** What "Test connection" learned. */
export type SiteIdentity = { siteName: string; account: string };

/**
 * One CMS as the publisher uses it: WordPress (REST API, Application Password) or Ghost (Admin
 * API, signed token). `marker` is the job's own id on the site, so a draft whose creation was
 * cut short (the app killed between sending and hearing back) is found again, not made twice.
 */
export interface PublishClient {
  /** Which of the post's renderings the site takes as its body. */
  readonly bodyFormat: 'wordpress' | 'html';
  testConnection(): Promise<SiteIdentity>;
  /** The draft made by an earlier run of the same job, if its create reached the site. */
  findDraftByMarker(marker: string): Promise<RemotePost | null>;
  /** The post by id; null when it was deleted (or trashed) on the site. */
  getPost(remoteId: string): Promise<RemotePost | null>;
  /** Tags by name, created when missing; returns the names that were created. */
  prepareTags(names: readonly string[]): Promise<{ created: string[] }>;
  /** The site's user whose name is the byline's author, if there is exactly one and the account may credit them. */
  findAuthor(name: string): Promise<AuthorMatch>;
  /** A photo uploaded before under the same content hash, if the site can look it up. */
  findPhoto(photo: PublishablePhoto): Promise<RemotePhoto | null>;
  uploadPhoto(photo: PublishablePhoto, file: PhotoFile): Promise<RemotePhoto>;
  createDraft(content: DraftContent, marker: string): Promise<RemotePost>;
  /** Updates the draft; `current` is what getPost returned just before (Ghost needs its updated_at). */
  updateDraft(current: RemotePost, content: DraftContent, marker: string): Promise<RemotePost>;
  /** After a create: anything the marker left on the draft that the reporter should not see. */
  finishCreate(created: RemotePost): Promise<RemotePost>;
  editUrl(remoteId: string): string;
}
