// The README's field reference is the field table: regenerate it with `npm run filter-reference`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldReferenceMarkdown, withFieldReference } from '../../src/shared/display-filter/field-reference';
import { FIELDS } from '../../src/shared/display-filter/filter-fields';

const readme = readFileSync(new URL('../../src/shared/display-filter/README.md', import.meta.url), 'utf8');

describe('display-filter README', () => {
  it('lists every field of the table, as generated', () => {
    expect(withFieldReference(readme)).toBe(readme);
    for (const f of FIELDS) expect(readme).toContain(`| \`${f.name}\` |`);
    expect(fieldReferenceMarkdown().split('\n')).toHaveLength(FIELDS.length + 4);
  });
});
