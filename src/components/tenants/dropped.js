// A drop's files for the Adopt panel, its folders walked as `ixn-portal adopt` walks a
// folder: depth first, each folder's entries by name, a folder as an empty file at
// `path/`, hidden entries (`.git`) left out, each path (as the file's
// `webkitRelativePath`, what a folder chosen with the file input gives) from where it was
// dropped: `repo/services/…`. A drop without entries gives its files as they are.
// In JS because the callback APIs (readEntries, file) cost the page's wasm 3.3 KB brotli
// in Rust bindings and futures (measured); this costs a few hundred bytes.
// The entries are taken before the first await: a drop's items are gone once its
// handler returns.
export async function dropped(dt) {
  const stack = [];
  const items = dt.items ?? [];
  for (let i = items.length - 1; i >= 0; i--) {
    const e = items[i].webkitGetAsEntry?.();
    if (e) stack.push(e);
  }
  if (!stack.length) return [...(dt.files ?? [])];
  const out = [];
  const named = (f, path) => Object.defineProperty(f, 'webkitRelativePath', { value: path });
  const call = (path, f) => new Promise(f).catch(() => { throw `${path}: could not be read`; });
  while (stack.length) {
    const e = stack.pop();
    const path = e.fullPath.replace(/^\//, '');
    if (e.isDirectory) {
      const reader = e.createReader();
      const kids = [];
      // readEntries gives a batch at a time (100 in Chromium), then an empty one.
      for (let b; (b = await call(`${path}/`, (ok, no) => reader.readEntries(ok, no))).length;) kids.push(...b);
      out.push(named(new File([], ''), `${path}/`));
      stack.push(...kids.filter((k) => !k.name.startsWith('.')).sort((a, b) => (a.name < b.name) - (a.name > b.name)));
    } else if (e.isFile) {
      out.push(named(await call(path, (ok, no) => e.file(ok, no)), path));
    }
  }
  return out;
}
