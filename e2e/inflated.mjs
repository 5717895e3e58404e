// The benchmark's inflated values file: 2,000 pod labels and 3,060 keys the registry
// does not know, 5,060 keys in all. Shared by the benchmark and the profiler.

/** The number of keys in {@link inflatedFile}. */
export const INFLATED_KEYS = 2000 + 60 * 51;

/** The file's YAML text. */
export function inflatedFile() {
  let big = 'podLabels:\n';
  for (let i = 0; i < 2000; i++) big += `  team.example.com/label-${i}: value-${i}\n`;
  big += 'extraSettings:\n';
  for (let g = 0; g < 60; g++) {
    big += `  group${g}:\n`;
    for (let k = 0; k < 50; k++) big += `    key${k}: "setting ${g}-${k}"\n`;
  }
  return big;
}
