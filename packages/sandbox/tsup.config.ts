import { defineConfig } from 'tsup';
import { defineLibraryConfig } from '../../tsup.shared';

export default defineConfig([
  defineLibraryConfig({ index: 'src/index.ts' }),
  { ...defineLibraryConfig({ cli: 'src/cli.ts' }), format: ['esm'], dts: false, clean: false, banner: { js: '#!/usr/bin/env node' } },
]);
