// Bundles the Node-side entry points (Electron main and preload, the browser host, the CLI, the starter)
// with esbuild. The renderer is built by Vite (`vite build`).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'build/electron/main.mjs', format: 'esm', packages: 'external' }),
  // A sandboxed preload may only require('electron'), so everything else is bundled in.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'build/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/host/host.ts'], outfile: 'build/host/host.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/cli/hallnotes.ts'], outfile: 'build/cli/hallnotes.mjs', format: 'esm', packages: 'external' }),
  // `npm start`: finds the Electron binary, or says how to use the app without it.
  build({ ...common, entryPoints: ['electron/start/start.ts'], outfile: 'build/start/start.mjs', format: 'esm', packages: 'external' }),
  // Imports parse in this worker thread, so a hostile file never holds up a save (each front passes its URL).
  build({ ...common, entryPoints: ['electron/services/import/programmeParserWorker.ts'], outfile: 'build/workers/programmeParserWorker.mjs', format: 'esm', packages: 'external' }),
]);
