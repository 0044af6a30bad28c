// Stands in for node:child_process in the bin. commander requires it at load time but uses it only for
// subcommands that are separate executables, which dataframer has none of; loading it costs about 5 ms
// of every start (measured on Node 20), so it is loaded only if something ever touches it.
let real;
module.exports = new Proxy(
  {},
  {
    get(_, key) {
      // biome-ignore lint/style/useNodejsImportProtocol: the bundle maps node:child_process to this file, so the plain name reaches the real module.
      real ??= require('child_process');
      return real[key];
    },
  },
);
