// What a P2P session or legacy invitation is for: MSNSLP EUF-GUIDs and AppIDs, legacy
// `Application-GUID`s, and localized `Application-Name`s (English and Simplified Chinese).
// Sources: PROTOCOL.md "P2P / MSNSLP" and "Legacy invitations"; seed 002 (Chinese names and
// their UTF-8 bytes); public client sources for the other GUIDs: Microsoft's RTC share sample
// (app sharing {F1B1920C…}, whiteboard {1DF57D09…}), Miranda/libpurple/aMSN/digsby (voice
// {02D3C01F…}, remote assistance {56B994A7…}, webcam {2A23868E…}, NetMeeting {44BBA842…}).

/** MSNSLP EUF-GUIDs (upper-case, braces included). */
const EUF_GUIDS: Record<string, string> = {
  '{A4268EEC-FEC5-49E5-95C3-F126696BDBF6}': 'msn-object',
  '{5D3E02AB-6190-11D3-BBBB-00C04F795683}': 'file-transfer',
  // "Media receive only" (ask to see the other's webcam) and "media session" (send webcam / video call).
  '{1C9AA97E-9C05-4583-A3BD-908A196F1E92}': 'webcam',
  '{4BD96FC0-AB17-4425-A14A-439185962DC8}': 'media-session',
  '{41D3E74E-04A2-4B37-96F8-08ACDB610874}': 'photo-sharing',
  '{6A13AF9C-5308-4F35-923A-67E8DDA40C2F}': 'activity',
};

/** Legacy text/x-msmsgsinvite Application-GUIDs. */
const APPLICATION_GUIDS: Record<string, string> = {
  '{5D3E02AB-6190-11D3-BBBB-00C04F795683}': 'file-transfer',
  '{02D3C01F-BF30-4825-A83A-DE7AF41648AA}': 'voice',
  '{1DF57D09-637A-4CA5-91B9-2C3EDAAF62FE}': 'whiteboard',
  '{F1B1920C-6A3C-4CE7-B18C-AFAB305FD03D}': 'app-sharing',
  '{56B994A7-380F-410B-9985-C809D78C1BDC}': 'remote-assistance',
  '{2A23868E-B45F-401D-B8B0-1E16B774A5B7}': 'webcam',
  '{44BBA842-CC51-11CF-AAFA-00AA00B6015C}': 'netmeeting',
};

/**
 * Localized Application-Name values. The Chinese ones are seed 002's (UTF-8 bytes given there):
 * 语音对话 e8 af ad e9 9f b3 e5 af b9 e8 af 9d (voice; video uses the same name), 白板 e7 99 bd
 * e6 9d bf, 远程协助 e8 bf 9c e7 a8 8b e5 8d 8f e5 8a a9, 应用程序共享 e5 ba 94 e7 94 a8 e7 a8 8b
 * e5 ba 8f e5 85 b1 e4 ba ab. For file transfer the seed lists e6 96 87 e4 bc a0 e8 be 93, which
 * is 文传输: 件 (e4 bb b6) is missing there, so both spellings are accepted.
 */
const APPLICATION_NAMES: Array<[string, string]> = [
  ['文件传输', 'file-transfer'],
  ['文传输', 'file-transfer'],
  ['语音对话', 'voice'],
  ['白板', 'whiteboard'],
  ['远程协助', 'remote-assistance'],
  ['应用程序共享', 'app-sharing'],
  ['file transfer', 'file-transfer'],
  ['an audio conversation', 'voice'],
  ['audio conversation', 'voice'],
  ['whiteboard', 'whiteboard'],
  ['application sharing', 'app-sharing'],
  ['remote assistance', 'remote-assistance'],
  ['webcam', 'webcam'],
  ['netmeeting', 'netmeeting'],
];

/** P2P footer / SLP AppID → kind (1 is "MSN object": emoticon or picture, see the msnobj Type). */
const APP_IDS: Record<number, string> = { 1: 'msn-object', 2: 'file-transfer', 4: 'webcam', 11: 'emoticon', 12: 'display-picture' };

function normalizeGuid(guid: string): string {
  const bare = guid.trim().replace(/^\{|\}$/g, '').toUpperCase();
  return `{${bare}}`;
}

export function kindFromEufGuid(guid: string | null | undefined): string | null {
  return guid ? (EUF_GUIDS[normalizeGuid(guid)] ?? null) : null;
}

export function kindFromApplicationGuid(guid: string | null | undefined): string | null {
  return guid ? (APPLICATION_GUIDS[normalizeGuid(guid)] ?? null) : null;
}

export function kindFromAppId(appId: number | null | undefined): string | null {
  return appId !== null && appId !== undefined ? (APP_IDS[appId] ?? null) : null;
}

/** Exact (case-insensitive) match first, then a name containing a known one. */
export function kindFromApplicationName(name: string | null | undefined): string | null {
  if (!name) return null;
  const text = name.trim().toLowerCase();
  for (const [known, kind] of APPLICATION_NAMES) if (text === known) return kind;
  for (const [known, kind] of APPLICATION_NAMES) if (text.includes(known)) return kind;
  return null;
}

/** Voice and video go over UDP; everything else negotiated here uses TCP. */
export function transportForKind(kind: string): 'tcp' | 'udp' {
  return kind === 'voice' || kind === 'video' ? 'udp' : 'tcp';
}
