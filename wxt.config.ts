import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'Sekretærsjekk',
  },
});
