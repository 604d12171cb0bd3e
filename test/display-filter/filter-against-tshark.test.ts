// The display filter on every shared capture, run by the back end over its packet table (bytes read
// back from the file where the filter asks for them), against the frames tshark's own display filter
// selects for the same expression: test/fixtures/filter-expectations.json, written by
// test/tools/tshark-filter-expectations.sh from test/fixtures/filter-expressions.txt.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSession } from '../../src/main/backend/analysis-session';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import { capture } from '../helpers/captures';

interface Expectations {
  tshark: string;
  captures: Record<string, Record<string, number[]>>;
}

const expectations = JSON.parse(readFileSync(new URL('../fixtures/filter-expectations.json', import.meta.url), 'utf8')) as Expectations;

describe.each(Object.keys(expectations.captures))('display filters on %s, as tshark 4.0 selects', (name) => {
  const expected = expectations.captures[name];
  const session = new AnalysisSession({
    createAnalyzer: (options, listener) => new Analyzer(options, listener),
    readCaptures: (paths, options) => mergeCaptureBatches(paths, options),
    emit: () => undefined,
  });
  beforeAll(() => session.load([capture(name)], name, {}));
  afterAll(() => session.dispose());

  it.each(Object.keys(expected))('%s', async (filter) => {
    const answer = await session.view(filter, null);
    expect(answer).toMatchObject({ ok: true });
    const shown = session.rows(0, 100_000).number;
    expect(Array.from(shown)).toEqual(expected[filter]);
  });
});
