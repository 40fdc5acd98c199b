#!/usr/bin/env node
// The published `hallnotes` command. The CLI itself is TypeScript in electron/cli, bundled by
// `npm install` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../build/cli/hallnotes.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('hallnotes: the CLI is not built yet; run `npm install` or `npm run build:node` in the Hallnotes folder.');
  process.exit(1);
}
await import(bundle.href);
