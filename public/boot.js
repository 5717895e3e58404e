// Loads the app without an inline script, so the page runs under a strict CSP and from
// any sub-path (the wasm is found next to this file).
import init from './ixn-portal-web.js';

const wasm = await init();
// The benchmark reads the wasm heap size from here.
globalThis.__ixnWasmMemory = wasm.memory;
