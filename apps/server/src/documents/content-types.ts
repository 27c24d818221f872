/**
 * Whether the type a client declared agrees with the type sniffed from the bytes. Generic
 * declarations (`application/octet-stream`) say nothing and agree with anything; the legacy Office
 * types are all OLE compound files (`application/x-cfb`) to a sniffer.
 */
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', '']);

const SNIFFED_AS: Record<string, string> = {
  'application/msword': 'application/x-cfb',
  'application/vnd.ms-excel': 'application/x-cfb',
  'application/vnd.ms-powerpoint': 'application/x-cfb',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'text/rtf': 'application/rtf',
  'image/tif': 'image/tiff',
};

export function declaredTypeMatches(declared: string, sniffed: string): boolean {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (GENERIC.has(type)) return true;
  return (SNIFFED_AS[type] ?? type) === sniffed;
}

/** Types a browser may show inline (preview); everything else is always an attachment. */
export function isPreviewable(contentType: string): boolean {
  return contentType === 'application/pdf' || /^image\/(jpeg|png|gif|webp)$/.test(contentType);
}
