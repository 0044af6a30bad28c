/** Copies text with the Clipboard API, or with a selected hidden text area where that API is missing (plain-http pages). */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  if (doc.defaultView?.navigator.clipboard?.writeText) {
    try {
      return await doc.defaultView.navigator.clipboard.writeText(text);
    } catch {
      // Refused (permissions, no focus): fall back to a selection below.
    }
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0';
  doc.body.append(area);
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy was refused');
}
