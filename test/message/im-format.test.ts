import { describe, expect, it } from 'vitest';
import { colorFromBgr, decoderLabelForCharsetCode, parseImFormat, toTranscriptFormat } from '../../src/main/engine/message/im-format';

describe('parseImFormat', () => {
  it('decodes the seed 002 example (URL-encoded font, italic, black, ANSI)', () => {
    const f = parseImFormat('FN=Microsoft%20Sans%20Serif; EF=I; CO=000000; CS=0; PF=22');
    expect(f.font).toBe('Microsoft Sans Serif');
    expect(f.effects).toBe('I');
    expect(f.effectNames).toEqual(['italic']);
    expect(f.color).toBe('#000000');
    expect(f.charsetCode).toBe('0');
    expect(f.charset).toBe('ANSI');
    expect(f.pitch).toBe('22');
  });

  it('reads CO as bbggrr, short values padded on the left', () => {
    expect(colorFromBgr('ff')).toBe('#ff0000'); // red is the low byte
    expect(colorFromBgr('ff0000')).toBe('#0000ff'); // blue is the high byte
    expect(colorFromBgr('00ff00')).toBe('#00ff00');
    expect(colorFromBgr('0')).toBe('#000000');
    expect(colorFromBgr('8000')).toBe('#008000');
    expect(colorFromBgr('zz')).toBeUndefined();
    expect(colorFromBgr('1234567')).toBeUndefined();
  });

  it('names the GDI charset codes (hex) and maps them to decoders', () => {
    expect(parseImFormat('CS=86').charset).toBe('GB2312');
    expect(parseImFormat('CS=88').charset).toBe('Big5');
    expect(parseImFormat('CS=80').charset).toBe('Shift_JIS');
    expect(parseImFormat('CS=42').charset).toBe('42');
    expect(decoderLabelForCharsetCode('86')).toBe('gbk');
    expect(decoderLabelForCharsetCode('cc')).toBe('windows-1251');
    expect(decoderLabelForCharsetCode('1')).toBeNull();
  });

  it('spells out several effects and right-to-left', () => {
    const f = parseImFormat('EF=BUS; RL=1');
    expect(f.effectNames).toEqual(['bold', 'underline', 'strikethrough']);
    expect(f.rightToLeft).toBe(true);
  });

  it('keeps a badly encoded font name as sent and ignores junk', () => {
    expect(parseImFormat('FN=100%; junk; =x; CO=').font).toBe('100%');
    expect(parseImFormat('').font).toBeUndefined();
  });

  it('keeps only the model fields for the transcript', () => {
    const f = parseImFormat('FN=Arial; EF=B; CO=ff; CS=86; PF=0');
    expect(toTranscriptFormat(f)).toEqual({ font: 'Arial', effects: 'B', color: '#ff0000', charset: 'GB2312' });
    expect(toTranscriptFormat(parseImFormat('FN=MS%20Sans%20Serif; EF=; CO=0; PF=0; RL=0'))).toEqual({ font: 'MS Sans Serif', color: '#000000' });
  });
});
