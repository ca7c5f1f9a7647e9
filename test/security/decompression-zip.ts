import { crc32, deflateRawSync } from 'node:zlib';

/** One part of a hand-built ZIP archive. */
export interface ZipPart {
  name: string;
  data: Buffer;
  /** What the headers declare as its expanded size, when it should lie (default: the truth). */
  declaredSize?: number;
}

/**
 * Writes a ZIP archive byte by byte (local headers, data, central directory, end record), so that a
 * test can forge what no zip library writes: a declared size that lies, thousands of parts.
 */
export function buildZip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = deflateRawSync(part.data);
    const crc = crc32(part.data) >>> 0;
    const declared = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(0x00210000, 12);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, compressed);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
const RELATIONSHIPS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
);

/** word/document.xml with the given body (WordprocessingML). */
export function documentXml(body: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
    Buffer.from('</w:body></w:document>'),
  ]);
}

/** A minimal .docx (content types, relationships, the document) plus any extra parts. */
export function buildDocx(document: Buffer, extra: ZipPart[] = [], documentDeclaredSize?: number): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: RELATIONSHIPS },
    { name: 'word/document.xml', data: document, declaredSize: documentDeclaredSize },
    ...extra,
  ]);
}

/** `count` paragraphs of `text`, as WordprocessingML. */
export function paragraphs(count: number, text: (i: number) => string): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`<w:p><w:r><w:t>${text(i)}</w:t></w:r></w:p>`);
  return Buffer.from(parts.join(''));
}

/**
 * A .docx within every archive limit (10 MB of WordprocessingML in varied words compresses only about
 * 5-fold, to 2 MB), which mammoth nevertheless needs about 600 MB of heap and several seconds to read.
 */
export function heavyDocument(count = 80_000): Buffer {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'city', 'bergen', 'oslo', 'rumour', 'school', 'parents'];
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  return buildDocx(
    documentXml(paragraphs(count, () => Array.from({ length: 12 }, () => `${words[next() % 10]}${next() % 1000}`).join(' '))),
  );
}
