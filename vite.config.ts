import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs so the same build loads from the app:// protocol and from the host.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    // No inline module-preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    // `npm run bench` adds the bare pages it compares typing against, served by the same host;
    // the app's own build (and so the packaged app) never contains them.
    ...(process.env.HALLNOTES_BENCH_PAGES === '1' && {
      rolldownOptions: {
        input: {
          index: 'renderer/index.html',
          'bench-contenteditable': 'renderer/bench/contenteditable.html',
          'bench-textarea': 'renderer/bench/textarea.html',
          'bench-lexical': 'renderer/bench/lexical.html',
        },
      },
    }),
  },
});
