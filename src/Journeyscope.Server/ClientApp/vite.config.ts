import { defineConfig } from 'vite';

// One self-contained file (no chunks, no CSS files) so that the Blazor app and the CLI's HTML report can both
// load it with a single <script> tag.
export default defineConfig({
  // Libraries test process.env.NODE_ENV; in a browser bundle there is no process object.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: '../wwwroot/js',
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2020',
    chunkSizeWarningLimit: 4096,
    lib: {
      entry: 'src/index.ts',
      name: 'journeyscope',
      formats: ['iife'],
      fileName: () => 'journeyscope.js',
    },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
