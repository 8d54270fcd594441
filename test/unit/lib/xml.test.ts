import { describe, expect, it } from 'vitest';
import { escapeXml, xmlDocument } from '../../../lib/xml.ts';

describe('xmlDocument', () => {
  it('writes objects as elements in key order, lists under their item name, null as an empty element', () => {
    const xml = xmlDocument('services', [{ service_code: 'a-b', metadata: true, order: 2, group: null }], { services: 'service' });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>a-b</service_code><metadata>true</metadata><order>2</order><group/></service></services>',
    );
  });

  it('escapes markup and replaces what XML cannot carry, keeping every other character', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('nul\u0000 \uD800 tab\tline\n 路灯 👨‍👩‍👧')).toBe('nul\uFFFD \uFFFD tab\tline\n 路灯 👨‍👩‍👧');
  });

  it('refuses a list without an item name and a name that is not an element name', () => {
    expect(() => xmlDocument('errors', [1])).toThrow(/no item element name/);
    expect(() => xmlDocument('root', { 'attribute[x]': 1 })).toThrow(/not an XML element name/);
  });
});
