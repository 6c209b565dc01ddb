import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli/main.ts' },
  outDir: 'dist',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: false,
  splitting: false,
  // Dependencies stay in node_modules: native modules (better-sqlite3) cannot be bundled.
  skipNodeModulesBundle: true,
});
