// Toolbar icons as inline SVG (static artwork, 16×16, drawn with currentColor where it fits).

import type { SVGProps } from 'react';

const base = (props: SVGProps<SVGSVGElement>): SVGProps<SVGSVGElement> => ({ width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, ...props });

export const IconOpen = () => (
  <svg {...base({})}><path d="M1.5 3.5h4l1.5 1.5h7.5v8.5h-13z" fill="#f2c94c" stroke="#b7892a" /><path d="M1.5 6.5h13" stroke="#b7892a" /></svg>
);
export const IconClose = () => (
  <svg {...base({})}><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg>
);
/** Wireshark's start icon is a blue fin; ours is a fin too. */
export const IconStart = () => (
  <svg {...base({})}><path d="M2 13.5C5 12 7.5 7 8 2c2 3 5 8 6.5 11.5z" fill="#2f7fd8" stroke="#1d5aa3" strokeLinejoin="round" /></svg>
);
export const IconStop = () => (
  <svg {...base({})}><rect x="3" y="3" width="10" height="10" rx="1.5" fill="#d64541" stroke="#a8322f" /></svg>
);
export const IconExport = () => (
  <svg {...base({})}><path d="M3 9.5v4h10v-4" fill="none" stroke="currentColor" strokeWidth="1.4" /><path d="M8 2v8M5 5l3-3 3 3" fill="none" stroke="#2f7fd8" strokeWidth="1.6" /></svg>
);
export const IconRefresh = () => (
  <svg {...base({})}><path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>
);
export const IconFilter = () => (
  <svg {...base({})}><path d="M2 3h12L9.5 8.5V13l-3-1.5v-3z" fill="#7ab648" stroke="#4d7f27" strokeLinejoin="round" /></svg>
);
export const IconSave = () => (
  <svg {...base({})}><path d="M2.5 2.5h9l2 2v9h-11z" fill="#dbe7f7" stroke="#2f5f9e" strokeLinejoin="round" /><path d="M5 2.5v3.5h5.5V2.5M4.5 13.5V9.5h7v4" fill="none" stroke="#2f5f9e" /></svg>
);
