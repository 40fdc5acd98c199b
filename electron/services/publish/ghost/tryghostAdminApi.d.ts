// The part of @tryghost/admin-api (which ships no types) that Hallnotes uses.
declare module '@tryghost/admin-api' {
  export type GhostRequest = {
    url: string;
    method: string;
    data?: unknown;
    params?: Record<string, unknown>;
    headers: Record<string, string>;
  };

  type Resource = {
    browse(options?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
    read(data: { id?: string; slug?: string }, query?: Record<string, unknown>): Promise<Record<string, unknown>>;
    add(data: Record<string, unknown>, query?: Record<string, unknown>): Promise<Record<string, unknown>>;
    edit(data: Record<string, unknown>, query?: Record<string, unknown>): Promise<Record<string, unknown>>;
    delete(data: { id: string }): Promise<unknown>;
  };

  export type GhostAdminApi = {
    posts: Resource;
    tags: Resource;
    users: Resource;
    site: { read(): Promise<Record<string, unknown>> };
    images: { upload(data: { file: string; ref?: string }): Promise<{ url: string; ref?: string }> };
  };

  export default function GhostAdminAPI(options: {
    url: string;
    key: string;
    version: string;
    userAgent?: string | boolean;
    /** Without it, admin-api sends through its own axios (only tests read Ghost that way). */
    makeRequest?: (request: GhostRequest) => Promise<unknown>;
  }): GhostAdminApi;
}
