// Collects expert notes (Wireshark's "expert info"): anomalies and errors worth the user's eye,
// each tied to the frame where it was seen.

import type { ExpertRecord, Severity } from '../../../shared/model';

export class ExpertLog {
  private readonly records: ExpertRecord[] = [];
  private readonly limit: number;
  private dropped = 0;

  constructor(limit = 100_000) {
    this.limit = limit;
  }

  add(frame: number, severity: Severity, message: string, connection: number | null = null): void {
    // A hostile capture could produce one note per packet; cap it so memory stays bounded.
    if (this.records.length >= this.limit) {
      this.dropped++;
      return;
    }
    this.records.push({ frame, severity, message, connection });
  }

  all(): ExpertRecord[] {
    if (this.dropped === 0) return this.records;
    return [...this.records, { frame: 0, severity: 'warning', message: `${this.dropped} further expert notes not kept (limit ${this.limit})`, connection: null }];
  }
}
