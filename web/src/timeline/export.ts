// Downloads from the timeline: the canvas as a PNG. (The trace export is
// the page's: Go's luamod.ChromeTrace through the bridge, via onExportTrace.)

/** download saves blob under name through a temporary link. */
export function download(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** exportPNG downloads the canvas as it is drawn now. */
export function exportPNG(canvas: HTMLCanvasElement, name = "timeline.png"): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error("the canvas could not be encoded as PNG"));
      download(canvas.ownerDocument, blob, name);
      resolve();
    }, "image/png");
  });
}
