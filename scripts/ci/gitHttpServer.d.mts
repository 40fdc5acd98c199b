import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export type RunningGitServer = { url: string; port: number; root: string; server: Server; close(): Promise<void> };

export function gitExecPath(): string | null;

export function startGitHttpServer(options: {
  root: string;
  port?: number;
  token?: string | null;
  onRequest?: ((request: IncomingMessage, response: ServerResponse) => boolean) | null;
}): Promise<RunningGitServer>;
