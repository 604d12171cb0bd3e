import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/main/engine/message/message-kind';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';

const msg = (text: string) => parseMimeMessage(new TextEncoder().encode(text));
const kind = (text: string) => classifyMessage(msg(text));

describe('classifyMessage', () => {
  it('chat text with its format', () => {
    const k = kind('MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nX-MMS-IM-Format: FN=Arial; EF=B; CO=ff; CS=86; PF=22\r\n\r\n你好');
    expect(k).toMatchObject({ kind: 'text', text: '你好', encoding: 'utf-8', format: { font: 'Arial', color: '#ff0000', charset: 'GB2312' } });
  });

  it('chat text without a charset falls back to the CS= code', () => {
    const body = new Uint8Array([...new TextEncoder().encode('Content-Type: text/plain\r\nX-MMS-IM-Format: CS=86\r\n\r\n'), 0xc4, 0xe3, 0xba, 0xc3]);
    expect(classifyMessage(parseMimeMessage(body))).toMatchObject({ kind: 'text', text: '你好', encoding: 'gbk' });
  });

  it('typing notification', () => {
    expect(kind('MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: bob@example.com\r\n\r\n\r\n')).toEqual({ kind: 'typing', user: 'bob@example.com' });
  });

  it('datacasts: nudge, wink with data, voice clip, action, unknown id', () => {
    const dc = (body: string) => kind(`MIME-Version: 1.0\r\nContent-Type: text/x-msnmsgr-datacast\r\n\r\n${body}`);
    expect(dc('ID: 1\r\n\r\n')).toEqual({ kind: 'nudge', id: 1, data: null });
    expect(dc('ID: 2\r\nData: <msnobj Creator="a" Type="8"/>\r\n\r\n')).toEqual({ kind: 'wink', id: 2, data: '<msnobj Creator="a" Type="8"/>' });
    expect(dc('ID: 3\r\n\r\n')).toMatchObject({ kind: 'voice-clip' });
    expect(dc('ID: 4\r\nData: waves\r\n\r\n')).toEqual({ kind: 'action', id: 4, data: 'waves' });
    expect(dc('ID: 9\r\n\r\n')).toEqual({ kind: 'datacast', id: 9, data: null });
    expect(dc('garbage')).toEqual({ kind: 'datacast', id: null, data: null });
  });

  it('custom and animated emoticons: tab-separated shortcut / msnobj pairs', () => {
    const k = kind('MIME-Version: 1.0\r\nContent-Type: text/x-mms-emoticon\r\n\r\n(cat)\t<msnobj A="1"/>\t:x\t<msnobj B="2"/>\t');
    expect(k).toEqual({ kind: 'emoticon', animated: false, emoticons: [{ shortcut: '(cat)', object: '<msnobj A="1"/>' }, { shortcut: ':x', object: '<msnobj B="2"/>' }] });
    expect(kind('Content-Type: text/x-mms-animemoticon\r\n\r\n;)\t<msnobj/>\t')).toMatchObject({ kind: 'emoticon', animated: true });
  });

  it('client caps and keepalive', () => {
    // Body of "MSG 4 U 96" in the pecan file-transfer capture, frame 196.
    expect(kind('MIME-Version: 1.0\r\nContent-Type: text/x-clientcaps\r\n\r\nClient-Name: msn-pecan/\r\nChat-Logging: Y\r\n')).toEqual({
      kind: 'clientcaps',
      fields: [['Client-Name', 'msn-pecan/'], ['Chat-Logging', 'Y']],
    });
    expect(kind('MIME-Version: 1.0\r\nContent-Type: text/x-keepalive\r\n\r\n')).toEqual({ kind: 'keepalive' });
  });

  it('profile: fields from the headers, MSPAuth named as a secret, client address', () => {
    const k = kind('MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsprofile; charset=UTF-8\r\nLoginTime: 1056118934\r\nEmailEnabled: 1\r\nMSPAuth: 7Zt1sEcReT$$\r\nsid: 507\r\nClientIP: 203.0.113.7\r\nClientPort: 43690\r\n\r\n');
    expect(k).toMatchObject({ kind: 'profile', secretFields: ['MSPAuth', 'sid'], clientIp: '203.0.113.7', clientPort: 43690 });
  });

  it('e-mail notifications: initial counts, new mail, activity, mail data', () => {
    expect(kind('Content-Type: text/x-msmsgsinitialemailnotification; charset=UTF-8\r\n\r\nInbox-Unread: 5\r\nFolders-Unread: 2\r\nInbox-URL: /cgi-bin/HoTMaiL\r\n')).toMatchObject({ kind: 'email-initial', inboxUnread: 5, foldersUnread: 2 });
    expect(kind('Content-Type: text/x-msmsgsemailnotification; charset=UTF-8\r\n\r\nFrom: Carol\r\nSubject: hi\r\nDest-Folder: ACTIVE\r\nFrom-Addr: carol@example.com\r\n')).toMatchObject({ kind: 'email-new', from: 'Carol', fromAddress: 'carol@example.com', subject: 'hi', folder: 'ACTIVE' });
    expect(kind('Content-Type: text/x-msmsgsactivemailnotification; charset=UTF-8\r\n\r\nSrc-Folder: ACTIVE\r\nDest-Folder: trAsH\r\nMessage-Delta: 1\r\n')).toMatchObject({ kind: 'email-activity', sourceFolder: 'ACTIVE', destinationFolder: 'trAsH', delta: 1 });
    expect(kind('Content-Type: text/x-msmsgsinitialmdatanotification; charset=UTF-8\r\n\r\nMail-Data: <MD><E><I>3</I></E></MD>\r\n')).toMatchObject({ kind: 'email-data', mailData: '<MD><E><I>3</I></E></MD>' });
  });

  it('invitation and P2P', () => {
    expect(kind('Content-Type: text/x-msmsgsinvite; charset=UTF-8\r\n\r\nInvitation-Command: INVITE\r\nInvitation-Cookie: 33267\r\n')).toMatchObject({ kind: 'invite', command: 'INVITE', cookie: '33267' });
    expect(kind('MIME-Version: 1.0\r\nContent-Type: application/x-msnmsgrp2p\r\nP2P-Dest: bob@example.com\r\n\r\n\0\0')).toEqual({ kind: 'p2p', dest: 'bob@example.com', src: null });
  });

  it('unknown content types and malformed messages', () => {
    expect(kind('Content-Type: application/x-ms-ink\r\n\r\nxx')).toEqual({ kind: 'unknown', contentType: 'application/x-ms-ink' });
    expect(kind('no headers at all')).toEqual({ kind: 'unknown', contentType: '' });
  });
});
