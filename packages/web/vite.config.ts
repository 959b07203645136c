import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Three entries, one bundle graph: the customer site (/), the back office (/bank) and the
// token app (/token). Shared code (api, i18n, React) lands in common chunks.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite 8 name for what Vite ≤7 called rollupOptions (which it still accepts, deprecated).
    rolldownOptions: {
      input: {
        site: `${root}index.html`,
        bank: `${root}bank/index.html`,
        token: `${root}token/index.html`,
      },
      output: {
        // React in its own long-lived chunk; the apps' shared code (api, i18n) in another.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'shared', test: /src[\\/]shared[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `vite` in dev: forward the API to a running `kinko serve`.
    proxy: { '/api': process.env.KINKO_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
