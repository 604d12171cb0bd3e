// Where the real captures used by tests live (copied from the project's shared reference
// material, with their provenance in test/fixtures/captures/README.md).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const CAPTURES_DIR = fileURLToPath(new URL('../fixtures/captures/', import.meta.url));

export const capture = (name: string): string => join(CAPTURES_DIR, name);

export const CAPTURES = {
  wireshark2005: capture('msnms-2005-wireshark-sample.pcap'),
  ppa2006: capture('ppa-2006-switchboard-chat.pcap'),
  pecanChat: capture('msnp12-pecan-escargot-login-presence-chat.pcap'),
  pecanFileTransfer: capture('msnp12-pecan-escargot-file-transfer-p2p.pcap'),
  pecanHttpGateway: capture('msnp12-pecan-escargot-http-gateway.pcap'),
  msnp15Sso: capture('msnp15-scripted-client-escargot-sso-login.pcap'),
  msnp18Pidgin: capture('msnp18-pidgin-escargot-login-presence-chat.pcap'),
} as const;
