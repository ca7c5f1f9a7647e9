/** Saves a JSON value as a file the browser downloads (pretty-printed, as a person would edit it). */
export function saveJson(value: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What a JSON file holds, or why it is not JSON. */
export async function readJsonFile(file: File): Promise<{ value: unknown } | { invalid: string }> {
  const text = await file.text();
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { invalid: error instanceof Error ? error.message : String(error) };
  }
}
