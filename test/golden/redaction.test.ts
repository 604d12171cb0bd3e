// Login secrets in the real captures must not leak into any output unless asked for. The secrets
// are found in the raw capture bytes by regular expressions (independently of our parser).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { mergeCaptures } from '../../src/main/engine/capture/merge-captures';
import { jsonReport } from '../../src/main/report/json-report';
import { textReport } from '../../src/main/report/text-report';
import { CAPTURES } from '../helpers/captures';

// The server's challenges (`USR n TWN S lc=…`, `USR n SSO S MBI_KEY_OLD nonce`) are not secrets;
// the client's answers are.
const SECRET_PATTERNS = [
  /USR \d+ (?:TWN|SSO) S (t=\S{12,})/g, // Passport / SSO ticket
  /USR \d+ SSO S t=\S+ (\S{12,})/g, // MBI response
  /USR \d+ SHA A (\S{12,})/g, // circle ticket
  /MSPAuth: (\S{8,})/g,
  /CKI (\S{8,})/g, // switchboard cookies
  /ANS \d+ \S+ (\S{8,}) \d+/g,
];

function secretsIn(path: string): string[] {
  const text = readFileSync(path).toString('latin1');
  const found = new Set<string>();
  for (const re of SECRET_PATTERNS) for (const m of text.matchAll(re)) found.add(m[1]);
  return [...found];
}

for (const [name, path] of Object.entries({ pecanChat: CAPTURES.pecanChat, msnp15: CAPTURES.msnp15Sso, msnp18: CAPTURES.msnp18Pidgin, gateway: CAPTURES.pecanHttpGateway })) {
  it(`${name}: no secret from the capture appears in the reports, frame trees or shown bytes`, async () => {
    const secrets = secretsIn(path);
    expect(secrets.length).toBeGreaterThan(2);
    const rows: string[] = [];
    const { result, analyzer } = await analyzeCaptureFiles([path], { collectFrames: true }, { frameRow: (r) => rows.push(r.info) });
    const trees: string[] = [];
    for await (const frame of mergeCaptures([path])) {
      const detail = analyzer.describeFrame(frame);
      // The bytes pane too: secrets are masked there, offsets kept.
      expect(detail.bytes.length).toBe(frame.data.length);
      trees.push(JSON.stringify(detail.tree), Buffer.from(detail.bytes).toString('latin1'));
    }
    const outputs = [jsonReport(result), textReport(result), rows.join('\n'), trees.join('\n')].join('\n');
    for (const s of secrets) expect(outputs.includes(s), `secret ${s.slice(0, 12)}… leaked`).toBe(false);
  });
}

it('shows the secrets in the frame tree with showSecrets', async () => {
  const path = CAPTURES.pecanChat;
  const ticket = [...readFileSync(path).toString('latin1').matchAll(/USR \d+ TWN S (\S{12,})/g)][0][1];
  const { analyzer } = await analyzeCaptureFiles([path], { collectFrames: true, showSecrets: true });
  let shown = false;
  for await (const frame of mergeCaptures([path])) if (JSON.stringify(analyzer.describeFrame(frame).tree).includes(ticket)) shown = true;
  expect(shown).toBe(true);
});
