// Where the browser tests find Debian's Chromium and the flags it needs on this kind of machine (root: no sandbox;
// no background network, updates or sync, so a test sees only its own traffic).
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
