// The floor for bench/startup.mjs's heap figure: every page of a run's samples fetched with Node's global fetch,
// parsed with JSON.parse and written to stdout as NDJSON, under the same heap probe as `runs samples --all`.
// Usage: node --expose-gc --import ./heapProbe.mjs rawPages.mjs <base URL> <run id>   (key in DATAFRAMER_API_KEY)
const [base, id] = process.argv.slice(2);
const PAGE = 1000;
for (let offset = 0; ; offset += PAGE) {
  const response = await fetch(`${base}/api/dataframer/runs/${id}/samples/?offset=${offset}&limit=${PAGE}`, {
    headers: { authorization: `Bearer ${process.env.DATAFRAMER_API_KEY}`, accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`page at ${offset}: ${response.status}`);
  const outputs = JSON.parse(await response.text()).result?.generated_outputs ?? [];
  for (let i = 0; i < outputs.length; i += 50) {
    process.stdout.write(
      outputs
        .slice(i, i + 50)
        .map((output) => `${JSON.stringify(output.generated_sample ?? output)}\n`)
        .join(''),
    );
  }
  if (outputs.length < PAGE) break;
}
