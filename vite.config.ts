// Builds the React renderer (src/renderer) into dist/renderer. `base: './'` keeps asset URLs
// relative, so the same build loads from file:// in Electron and from the browser-mode server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Only index.html: the dev-only fake back end (src/renderer/dev/) never reaches the product.
    rollupOptions: { input: fileURLToPath(new URL('./src/renderer/index.html', import.meta.url)) },
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
