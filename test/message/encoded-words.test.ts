// RFC 2047 encoded words as OIM senders' names carry them; expected values decoded by hand.
import { expect, it } from 'vitest';
import { decodeEncodedWords } from '../../src/main/engine/message/encoded-words';

it.each([
  // "QWxpY2U=" is base64 of "Alice"; "IEE=" of " A": the space between two encoded words is dropped (§6.2).
  ['=?utf-8?B?QWxpY2U=?= =?utf-8?B?IEE=?=', 'Alice A'],
  // Q: "_" is a space, =C3=A9 the UTF-8 bytes of é.
  ['=?utf-8?Q?Bob_B=C3=A9?=', 'Bob Bé'],
  ['plain <alice@example.com>', 'plain <alice@example.com>'],
  ['=?x-no-such-charset?B?QWxpY2U=?=', '=?x-no-such-charset?B?QWxpY2U=?='],
  ['=?utf-8?B?not*base64?=', '=?utf-8?B?not*base64?='],
])('%j → %j', (value, expected) => {
  expect(decodeEncodedWords(value)).toBe(expected);
});
