// The flow graph's exported text (src/shared/flow-svg.ts, src/renderer/features/flow-graph/flow-csv.ts)
// and the requests that ask for it (request-validation.ts): captured strings become XML text that
// cannot open an element or break the document, CSV cells cannot become formulas, and a request
// to write cannot name a path or carry anything but a PNG. Expected strings written by hand.
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../src/main/backend/request-validation';
import { emptyFlowPage, MAX_FLOW_PAGE, MAX_PNG_BYTES, type FlowPage } from '../../src/shared/flow-graph';
import { fitLabel } from '../../src/shared/flow-layout';
import { flowSvg, svgText } from '../../src/shared/flow-svg';
import { flowCsvRows } from '../../src/renderer/features/flow-graph/flow-csv';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function page(summary: string): FlowPage {
  return {
    ...emptyFlowPage(),
    total: 1,
    firstTimeUs: 1_000_000,
    lanes: [{ label: 'alice@example.com', role: 'client', address: '10.0.0.1:1500' }, { label: 'Switchboard 10.0.0.2:1863', role: 'switchboard', address: '10.0.0.2:1863' }],
    frame: [7], timeUs: [3_500_000], from: [0], to: [1], verb: ['MSG'], summary: [summary], kind: ['chat'], pair: [-1], answer: [-1], link: [null],
  };
}

describe('flow graph text', () => {
  it('escapes markup and makes invisible characters visible', () => {
    expect(svgText('<a href="x">&\'')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
    expect(svgText('exe\u202Etxt')).toBe('exe⟨U+202E⟩txt');
    expect(svgText('bell\u0007')).toBe('bell⟨U+0007⟩');
    // A lone surrogate is not XML: replaced; a pair (an emoji) stays.
    expect(svgText('a\ud800b \ud83d\ude42')).toBe('a\ufffdb \ud83d\ude42');
  });

  it('writes a captured summary only as text of the document', () => {
    const svg = flowSvg(page('MSG 3 N 40 — alice: <script>alert(1)</script>'), { title: 'test' });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('<title>Frame 7: MSG 3 N 40 — alice: &#60;script&#62;alert(1)&#60;/script&#62;</title>');
    expect(svg.match(/<g class="arrow-row"/g)).toHaveLength(1);
    // 3.5 s − 1 s after the first frame.
    expect(svg).toContain('>2.500000</text>');
  });

  it('keeps the verb and the analysis detail of a summary too long for its arrow', () => {
    const long = `MSG 3 A 179 — alice@example.com: ${'x'.repeat(80)}`;
    const label = fitLabel(long, 0, 1);
    expect(label.startsWith('MSG — alice@example.com: xxx')).toBe(true);
    expect(label.endsWith('…')).toBe(true);
    expect(fitLabel('ACK 3', 0, 1)).toBe('ACK 3');
  });

  it('copies as CSV without formulas', () => {
    expect(flowCsvRows(page('=HYPERLINK("x")'))).toEqual(['2.500000,alice@example.com,Switchboard 10.0.0.2:1863,MSG,"\'=HYPERLINK(""x"")",7,']);
  });
});

describe('flow graph requests', () => {
  const scope = { kind: 'stream', stream: 0 };
  it('pages at most MAX_FLOW_PAGE arrows of a well-formed selection', () => {
    expect(validateRequest('flow:get', { scope, unit: 'command', start: 0, count: MAX_FLOW_PAGE })).toBeNull();
    expect(validateRequest('flow:get', { scope, unit: 'command', start: 0, count: MAX_FLOW_PAGE + 1 })).not.toBeNull();
    expect(validateRequest('flow:get', { scope: { kind: 'stream', stream: 0, extra: 1 }, unit: 'command', start: 0, count: 1 })).not.toBeNull();
    expect(validateRequest('flow:get', { scope: { kind: 'everything' }, unit: 'command', start: 0, count: 1 })).not.toBeNull();
    expect(validateRequest('flow:get', { scope, unit: 'packet', start: 0, count: 1 })).not.toBeNull();
  });

  it('writes only SVG of a selection or PNG bytes, never to a path from the request', () => {
    expect(validateRequest('flow:export', { format: 'svg', scope, unit: 'segment' })).toBeNull();
    expect(validateRequest('flow:export', { format: 'svg', scope, unit: 'segment', path: '/tmp/x.svg' })).not.toBeNull();
    expect(validateRequest('flow:export', { format: 'png', png: Uint8Array.from([...PNG, 0]) })).toBeNull();
    expect(validateRequest('flow:export', { format: 'png', png: Uint8Array.from([0x3c, 0x73, 0x76, 0x67, 0, 0, 0, 0, 0]) })).not.toBeNull();
    expect(validateRequest('flow:export', { format: 'png', png: new Uint8Array(MAX_PNG_BYTES + 1).fill(0x89) })).not.toBeNull();
  });
});
