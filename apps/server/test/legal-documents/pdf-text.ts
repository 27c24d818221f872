/**
 * The text of a PDF in reading order, with pdfjs-dist. pdf.js gives the glyph runs of a line in
 * visual order (left to right); an Arabic line is read right to left, so each line's runs are
 * sorted by their x from the right. The characters inside a run are already in logical order.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

// pdfjs-dist 6 uses Promise.withResolvers (Node 22); the test runner may be on Node 20.
const promises = Promise as unknown as { withResolvers?: unknown };
promises.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
  });
  const document = await task.promise;
  const lines: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    const byLine = new Map<number, TextItem[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5] as number);
      const key = [...byLine.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      byLine.set(key, [...(byLine.get(key) ?? []), item]);
    }
    for (const y of [...byLine.keys()].sort((a, b) => b - a)) {
      const items = byLine.get(y) ?? [];
      items.sort((a, b) => (b.transform[4] as number) - (a.transform[4] as number));
      let text = '';
      let leftEdge: number | null = null;
      for (const item of items) {
        const x = item.transform[4] as number;
        // A gap between two runs is a space that the PDF draws as distance, not as a glyph.
        if (leftEdge !== null && leftEdge - (x + item.width) > 1) text += ' ';
        text += item.str;
        leftEdge = x;
      }
      lines.push(text.replace(/\s+/g, ' ').trim());
    }
  }
  await task.destroy();
  return lines;
}

/** The whole text on one line: a phrase the layout broke over two lines is still found. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfLines(bytes)).join(' ');
}

/** The font names a PDF embeds (`/BaseFont /ABCDEF+Amiri-Regular` → `Amiri-Regular`). */
export function embeddedFonts(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const names = [...text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)/g)].map(
    (m) => m[1]!,
  );
  return [...new Set(names)].sort();
}
