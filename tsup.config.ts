import { defineConfig } from 'tsup';

export default defineConfig({
  // The parsing thread of patron imports is its own file beside the CLI (parse-in-worker.ts).
  entry: { cli: 'src/cli/main.ts', 'parse-worker': 'src/core/patrons/import/parse-worker.ts' },
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
