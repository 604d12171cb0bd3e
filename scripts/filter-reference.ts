// Rewrites the field table in src/shared/display-filter/README.md from the field table itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { withFieldReference } from '../src/shared/display-filter/field-reference';

const path = new URL('../src/shared/display-filter/README.md', import.meta.url);
writeFileSync(path, withFieldReference(readFileSync(path, 'utf8')));
