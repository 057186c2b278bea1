// `npm run bench [-- serve|start|import|search|comments|alerts|deploy]`: every benchmark, or the ones named. Each prints a Markdown table.
const wanted = process.argv.slice(2);
const all = ['serve', 'start', 'import', 'search', 'comments', 'alerts', 'deploy'];
for (const name of wanted.length ? wanted : all) {
  if (!all.includes(name)) throw new Error(`unknown benchmark "${name}": use ${all.join(', ')}`);
  console.log(`\n## ${name}\n`);
  await import(`./${name}.bench.ts`);
}
