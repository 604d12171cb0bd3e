// A frame as read from a capture file or a live interface, before any decoding.

export interface CapturedFrame {
  /** 1-based frame number across the whole run (assigned after merging several files). */
  number: number;
  /** Which input file (index into the run's captures); 0 for live capture. */
  captureIndex: number;
  /** Byte offset of this packet's record in the (decompressed) capture file; -1 when live. */
  fileOffset: number;
  /** Microseconds since the Unix epoch (nanosecond files are truncated to microseconds). */
  tsUs: number;
  /** libpcap LINKTYPE_* of the interface the frame came from. */
  linkType: number;
  /** Length on the wire; `data.length` is the captured (possibly snapped) length. */
  originalLength: number;
  /**
   * Captured bytes. Immutable, but may be a view into a larger read chunk: a consumer that keeps
   * bytes beyond the call that handed it the frame copies them (`slice`) to avoid pinning chunks.
   */
  data: Uint8Array;
}
