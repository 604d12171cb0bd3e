// Collects expert notes (Wireshark's "expert info"): anomalies and errors worth the user's eye,
// each tied to the frame where it was seen.

import type { ExpertGroup, ExpertRecord, Severity } from '../../../shared/model';
import { ExpertGrouper } from '../../../shared/expert-grouping';

export class ExpertLog {
  private readonly records: ExpertRecord[] = [];
  private readonly limit: number;
  private dropped = 0;
  /** Every note, also those past the limit, counted in its group. */
  private readonly grouper = new ExpertGrouper();

  constructor(limit = 100_000) {
    this.limit = limit;
  }

  add(frame: number, severity: Severity, message: string, connection: number | null = null): void {
    this.grouper.add(frame, severity, message);
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

  groups(): ExpertGroup[] {
    return this.grouper.all();
  }
}
