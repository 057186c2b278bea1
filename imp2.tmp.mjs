const t0 = performance.now();
const { register } = await import('tsx/esm/api');
register({ tsconfig: new URL('./tsconfig.json', import.meta.url).pathname });
const t1 = performance.now();
await import(process.argv[2]);
console.log(`tsx register ${(performance.now() - t0).toFixed(0)} ms total; ${process.argv[2]} ${(performance.now() - t1).toFixed(0)} ms`);
process.exit(0);
