// The reference's text fields allow `code` spans and nothing else; this
// turns them into text nodes and <code> elements (never HTML parsing).

/** appendText appends text to el, with each `span` as a <code> element. */
export function appendText(el: HTMLElement, text: string): void {
  const doc = el.ownerDocument;
  text.split("`").forEach((part, i) => {
    if (part === "") return;
    if (i % 2 === 1) {
      const code = doc.createElement("code");
      code.textContent = part;
      el.append(code);
    } else {
      el.append(doc.createTextNode(part));
    }
  });
}
