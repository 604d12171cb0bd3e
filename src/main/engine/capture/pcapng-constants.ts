// pcapng block types and option codes shared by the reader and the writer.
// Spec: https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/

export const SHB_TYPE = 0x0a0d0d0a;
export const IDB_TYPE = 0x00000001;
export const OBSOLETE_PACKET_TYPE = 0x00000002;
export const SPB_TYPE = 0x00000003;
export const EPB_TYPE = 0x00000006;
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
export const BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1a;
