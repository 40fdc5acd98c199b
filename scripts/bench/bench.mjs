// `npm run bench`: bundles the TypeScript benchmark (scripts/bench/main.ts) and the host with
// esbuild, as scripts/build-node.mjs does for the app's Node entry points, then runs it.
// Bundling (rather than a TypeScript loader) runs the services exactly as the host and CLI
// bundles run them.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: true, logLevel: 'warning' };
const outfile = resolve('build/bench/bench.mjs');
await Promise.all([
  build({ ...common, entryPoints: ['scripts/bench/main.ts'], outfile }),
  // The benchmark's own host bundle (same options as build-node.mjs), so a `npm run build`
  // running elsewhere in this tree cannot rewrite build/host/host.mjs under a run.
  build({ ...common, entryPoints: ['electron/host/host.ts'], outfile: resolve('build/bench/host.mjs') }),
]);
await import(pathToFileURL(outfile).href);
