// Stands in for undici inside the CLI bundle. The CLI gives the SDK its own node:http fetch
// (createClient({ fetch })), so the SDK's default undici fetch is never created; bundling undici anyway
// would cost about 40 ms at every start of a command that talks to the API.
function unavailable(): never {
  throw new Error('undici is not bundled in the dataframer CLI; pass a fetch to createClient()');
}

export class Agent {
  constructor() {
    unavailable();
  }
}

export function fetch(): never {
  return unavailable();
}
