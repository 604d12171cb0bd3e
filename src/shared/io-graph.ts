// Statistics → I/O Graph (Wireshark's I/O graph, tshark -qz io,stat): per interval of capture time,
// the packets, bytes, MSNP commands or chat messages of the frames each line's display filter
// selects. The back end counts (stats:io-graph) and sends only the bucket arrays; the window draws them.

export const IO_METRICS = ['packets', 'bytes', 'commands', 'messages'] as const;
export type IoMetric = (typeof IO_METRICS)[number];

export const IO_METRIC_LABELS: Record<IoMetric, string> = {
  packets: 'Packets', bytes: 'Bytes', commands: 'MSNP commands', messages: 'Chat messages',
};

export interface IoGraphLine {
  metric: IoMetric;
  /** A display filter ('' for every frame). */
  filter: string;
}

export interface IoGraphRequest {
  /** Microseconds per bucket; null: chosen from the capture's length (autoIntervalUs). */
  intervalUs: number | null;
  lines: IoGraphLine[];
}

export type IoLineAnswer =
  | {
    ok: true;
    /** The metric per bucket. */
    values: number[];
    /** Per bucket, the first frame number the line counts there (0: none): a click goes to it. */
    firstFrames: number[];
  }
  | { ok: false; error: string; position?: number };

export interface IoGraphResponse {
  intervalUs: number;
  /** The first frame's time (µs since the epoch): bucket k spans [start + k·interval, start + (k+1)·interval). */
  startUs: number | null;
  buckets: number;
  lines: IoLineAnswer[];
  /** Why nothing was counted (an interval too small for the capture's length). */
  error?: string;
}

export const MAX_IO_LINES = 8;
/** Buckets per line at most: beyond it an interval is refused (say 1 ms over a day's capture). */
export const MAX_IO_BUCKETS = 100_000;
/** The automatic interval keeps a graph at about this many buckets or fewer. */
const AUTO_BUCKETS = 400;

/** The intervals offered, as Wireshark's I/O graph offers them (µs). */
export const IO_INTERVALS_US: readonly number[] = [
  1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
  1e6, 2e6, 5e6, 10e6, 30e6, 60e6, 120e6, 300e6, 600e6, 1800e6, 3600e6,
];

/** The smallest offered interval that keeps `durationUs` within AUTO_BUCKETS buckets. */
export function autoIntervalUs(durationUs: number): number {
  for (const interval of IO_INTERVALS_US) if (durationUs / interval < AUTO_BUCKETS) return interval;
  return IO_INTERVALS_US[IO_INTERVALS_US.length - 1];
}

/** "100 ms", "1 s", "5 min" */
export function intervalText(us: number): string {
  if (us < 1e6) return `${us / 1000} ms`;
  if (us < 60e6) return `${us / 1e6} s`;
  if (us < 3600e6) return `${us / 60e6} min`;
  return `${us / 3600e6} h`;
}
