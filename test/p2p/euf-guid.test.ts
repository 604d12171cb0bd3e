import { describe, expect, it } from 'vitest';
import { kindFromAppId, kindFromApplicationGuid, kindFromApplicationName, kindFromEufGuid, transportForKind } from '../../src/main/engine/p2p/euf-guid';

/** Seed 002 gives the Application-Name values as UTF-8 bytes (after ": ", before CRLF). */
const utf8 = (hex: string) => new TextDecoder().decode(new Uint8Array(hex.split(' ').map((b) => parseInt(b, 16))));

describe('what an invitation is for', () => {
  it('MSNSLP EUF-GUIDs, case and braces ignored', () => {
    expect(kindFromEufGuid('{5D3E02AB-6190-11D3-BBBB-00C04F795683}')).toBe('file-transfer');
    expect(kindFromEufGuid('5d3e02ab-6190-11d3-bbbb-00c04f795683')).toBe('file-transfer');
    expect(kindFromEufGuid('{A4268EEC-FEC5-49E5-95C3-F126696BDBF6}')).toBe('msn-object');
    expect(kindFromEufGuid('{1C9AA97E-9C05-4583-A3BD-908A196F1E92}')).toBe('webcam');
    expect(kindFromEufGuid('{4BD96FC0-AB17-4425-A14A-439185962DC8}')).toBe('media-session');
    expect(kindFromEufGuid('{00000000-0000-0000-0000-000000000000}')).toBeNull();
    expect(kindFromEufGuid(undefined)).toBeNull();
  });

  it('legacy Application-GUIDs', () => {
    expect(kindFromApplicationGuid('{5D3E02AB-6190-11d3-BBBB-00C04F795683}')).toBe('file-transfer');
    expect(kindFromApplicationGuid('{02D3C01F-BF30-4825-A83A-DE7AF41648AA}')).toBe('voice');
    expect(kindFromApplicationGuid('{1DF57D09-637A-4ca5-91B9-2C3EDAAF62FE}')).toBe('whiteboard');
    expect(kindFromApplicationGuid('{F1B1920C-6A3C-4ce7-B18C-AFAB305FD03D}')).toBe('app-sharing');
    expect(kindFromApplicationGuid('{56b994a7-380f-410b-9985-c809d78c1bdc}')).toBe('remote-assistance');
  });

  it('the localized Chinese Application-Name values of seed 002, from their bytes', () => {
    expect(kindFromApplicationName(utf8('e8 af ad e9 9f b3 e5 af b9 e8 af 9d'))).toBe('voice'); // 语音对话
    expect(kindFromApplicationName(utf8('e7 99 bd e6 9d bf'))).toBe('whiteboard'); // 白板
    expect(kindFromApplicationName(utf8('e8 bf 9c e7 a8 8b e5 8d 8f e5 8a a9'))).toBe('remote-assistance'); // 远程协助
    expect(kindFromApplicationName(utf8('e5 ba 94 e7 94 a8 e7 a8 8b e5 ba 8f e5 85 b1 e4 ba ab'))).toBe('app-sharing'); // 应用程序共享
    // The seed's bytes for file transfer read 文传输 (件, e4 bb b6, is missing there); both are accepted.
    expect(kindFromApplicationName(utf8('e6 96 87 e4 bc a0 e8 be 93'))).toBe('file-transfer');
    expect(kindFromApplicationName(utf8('e6 96 87 e4 bb b6 e4 bc a0 e8 be 93'))).toBe('file-transfer'); // 文件传输
  });

  it('English names, exact or contained', () => {
    expect(kindFromApplicationName('File Transfer')).toBe('file-transfer');
    expect(kindFromApplicationName('an audio conversation')).toBe('voice');
    expect(kindFromApplicationName('Whiteboard')).toBe('whiteboard');
    expect(kindFromApplicationName('Start Application Sharing')).toBe('app-sharing');
    expect(kindFromApplicationName('请求服务类型')).toBeNull();
  });

  it('AppIDs and transports', () => {
    expect(kindFromAppId(2)).toBe('file-transfer');
    expect(kindFromAppId(12)).toBe('display-picture');
    expect(kindFromAppId(11)).toBe('emoticon');
    expect(kindFromAppId(99)).toBeNull();
    expect(transportForKind('voice')).toBe('udp');
    expect(transportForKind('video')).toBe('udp');
    expect(transportForKind('file-transfer')).toBe('tcp');
    expect(transportForKind('whiteboard')).toBe('tcp');
  });
});
