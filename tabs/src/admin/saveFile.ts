/** Hands a downloaded file to the browser's save flow (Teams desktop and web both honour it). */
export function saveFile({ blob, filename }: { blob: Blob; filename: string }): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
  return filename;
}
