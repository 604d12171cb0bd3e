// What the analysis knows about one MSNP connection while commands flow: endpoints, role
// evidence, version, who is logged in on it, its switchboard links. `record()` turns it into the
// result model's ConnectionRecord.

import type { ConnectionRecord, Role } from '../../../shared/model';
import { RoleEvidence, type UsrFlavor } from './role-inference';
import { formatTimeUs } from './time-format';

export interface ConnectionOpen {
  id: number;
  /** "ip:port" / "[v6]:port". */
  client: string;
  server: string;
  transport: 'tcp' | 'http-gateway';
  /** HTTP gateway says which server kind. */
  gatewayServer?: 'NS' | 'SB' | null;
  firstFrame: number;
  tsUs: number;
  /** What the pipeline already knows (e.g. 'peer' for a direct P2P/MSNFTP connection); content wins. */
  roleHint?: Role | null;
}

export class ConnectionState {
  readonly evidence = new RoleEvidence();
  firstFrame: number;
  lastFrame: number;
  firstTsUs: number;
  lastTsUs: number;
  commands = 0;
  account: string | null = null;
  /** The logged-in user's friendly name (USR OK, PRP MFN, REA), decoded. */
  nick: string | null = null;
  clientVersion: string | null = null;
  authMethod: string | null = null;
  /** Highest MSNPx the client offered; the server's choice. */
  offeredVersion: number | null = null;
  negotiatedVersion: number | null = null;
  msnftp = false;
  /** Highest version floor from command shapes (version-inference.ts). */
  versionFloor = 0;
  notificationConnection: number | null = null;
  /** Switchboard: the frame of the XFR or RNG that handed out the cookie it logged in with. */
  handOffFrame: number | null = null;
  session: number | null = null;
  /** Flavor of the client's USR lines by TrID, to read the server's `USR n OK …`. */
  readonly usrSent = new Map<number, UsrFlavor>();
  /** Switchboard: whom the client's CAL with this TrID called. */
  readonly calls = new Map<number, string>();
  closed = false;

  constructor(readonly open: ConnectionOpen) {
    this.firstFrame = open.firstFrame;
    this.lastFrame = open.firstFrame;
    this.firstTsUs = open.tsUs;
    this.lastTsUs = open.tsUs;
  }

  get id(): number {
    return this.open.id;
  }

  touch(frame: number, tsUs: number): void {
    if (frame > this.lastFrame) this.lastFrame = frame;
    if (tsUs > this.lastTsUs) this.lastTsUs = tsUs;
    if (frame < this.firstFrame) this.firstFrame = frame;
    if (tsUs < this.firstTsUs) this.firstTsUs = tsUs;
  }

  role(): Role {
    const gateway = this.open.gatewayServer === 'SB' ? 'switchboard' : this.open.gatewayServer === 'NS' ? 'notification' : null;
    return this.evidence.role(gateway, this.open.roleHint ?? null);
  }

  /** The version from VER: the server's choice, else the client's best offer. */
  verVersion(): number | null {
    return this.negotiatedVersion ?? this.offeredVersion;
  }

  /**
   * Version number and its source. `inherited` is the version of the notification connection a
   * switchboard was linked to (switchboards have no VER of their own).
   */
  version(inherited: number | null): { number: number | null; text: string | null; source: 'VER' | 'inferred' | null } {
    const ver = this.verVersion();
    if (ver !== null) return { number: ver, text: `MSNP${ver}`, source: 'VER' };
    if (this.msnftp) return { number: null, text: 'MSNFTP', source: 'VER' };
    const inferred = Math.max(this.versionFloor, inherited ?? 0);
    if (inferred > 0) return { number: inferred, text: `MSNP${inferred}`, source: 'inferred' };
    return { number: null, text: null, source: null };
  }

  /** version(inherited).number without building the rest (the framer asks at every line). */
  versionNumber(inherited: number | null): number | null {
    const ver = this.verVersion();
    if (ver !== null) return ver;
    if (this.msnftp) return null;
    const inferred = Math.max(this.versionFloor, inherited ?? 0);
    return inferred > 0 ? inferred : null;
  }

  record(inherited: number | null): ConnectionRecord {
    const version = this.version(inherited);
    const rec: ConnectionRecord = {
      id: this.id,
      client: this.open.client,
      server: this.open.server,
      role: this.role(),
      version: version.text,
      account: this.account,
      firstFrame: this.firstFrame,
      lastFrame: this.lastFrame,
      transport: this.open.transport,
      clientVersion: this.clientVersion,
      authMethod: this.authMethod,
      notificationConnection: this.notificationConnection,
      session: this.session,
      commands: this.commands,
      firstTime: formatTimeUs(this.firstTsUs),
      lastTime: formatTimeUs(this.lastTsUs),
    };
    if (version.source) rec.versionSource = version.source;
    if (this.handOffFrame !== null) rec.handOffFrame = this.handOffFrame;
    return rec;
  }
}
