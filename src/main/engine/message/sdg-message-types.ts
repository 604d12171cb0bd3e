// The Message-Type values of MSNP21 SDG messages that carry no chat text, with what each means.
// In SDG the Message-Type, not the Content-Type, says what a message is: Signal/CloseIMWindow and
// Signal/P2P travel as text/plain, so reading them by Content-Type would put them in transcripts.
// Sources: MSNPSharp MessageTypes (Text, Nudge, Wink, CustomEmoticon, Control/Typing, Data,
// Signal/P2P, Signal/CloseIMWindow, Signal/MarkIMWindowRead, Signal/Turn, Signal/AudioMeta,
// Signal/AudioTunnel), KB_MSNP21 (msnp-sharp wiki: CloseIMWindow's `local/remote` body),
// AnyEvent::MSN (Signal/ForceAbchSync). Any other value is reported as unknown, never as text.

/** Signals shown in the tree for what they are; keys lower-cased. */
export const SDG_SIGNALS: Readonly<Record<string, string>> = {
  'signal/closeimwindow': 'conversation window closed on another endpoint',
  'signal/markimwindowread': 'conversation marked read on another endpoint',
  'signal/forceabchsync': 'asks the endpoints to resynchronise the address book',
  'signal/turn': 'TURN relay negotiation',
  'signal/audiometa': 'audio call metadata',
  'signal/audiotunnel': 'audio call tunnel',
};


/**
 * NFY / PUT documents by Uri (KB_MSNP21): /user is presence (read by the presence analysis);
 * these are shown in the tree for what they are; other Uris are reported as unknown.
 */
export const NFY_DOCUMENTS: ReadonlyArray<[prefix: string, meaning: string]> = [
  ['/circle', 'group chat roster'],
  ['/network', 'network gateway status'],
];
