import { defineConfig } from 'tsup';
import { defineLibraryConfig } from '../../tsup.shared';

export default defineConfig(defineLibraryConfig({ index: 'src/index.ts', constants: 'src/constants.ts' }));
