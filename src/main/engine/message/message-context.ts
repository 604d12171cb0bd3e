// Who sent a message, where, and when: what the switchboard analysis knows when it hands a
// message body to the layers that interpret it (chat text, invitations, P2P).

export interface MessageContext {
  /** Connection id the message was seen on. */
  connection: number;
  /** Switchboard session id (SessionRecord.id), or null for messages outside one. */
  session: number | null;
  /** Sender account (learned from the MSG line, USR/ANS, or the linked notification session). */
  from: string | null;
  fromNick: string | null;
  /** The other participants at that moment. */
  to: string[];
  frame: number;
  tsUs: number;
  /** True when this message was already seen on another connection of the same session. */
  duplicate: boolean;
  /** Set when an MSNP21 SDG brought the message through the notification server, or a direct peer connection did. */
  carrier?: 'notification' | 'direct';
}
