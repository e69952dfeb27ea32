/**
 * CloudFront's and S3's configuration APIs take XML documents, and XML 1.0
 * has no way to carry some characters: the control characters other than tab
 * and the line breaks, unpaired UTF-16 surrogates (which UTF-8 cannot encode
 * either), U+FFFE and U+FFFF. The AWS SDKs do not refuse them: the request
 * fails as malformed, or the character arrives replaced by U+FFFD.
 * See https://www.w3.org/TR/xml/#charsets.
 */

// With the `u` flag a surrogate pair is one code point, inside the last range,
// and an unpaired surrogate falls outside every range.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Whether every character of `text` can travel in an XML document. */
export function isXmlText(text: string): boolean {
    return !NOT_XML_CHARACTER.test(text);
}

/** Whether `text` has an unpaired surrogate, which no UTF-8 byte sequence stands for. */
export function hasUnpairedSurrogate(text: string): boolean {
    return /\p{Surrogate}/u.test(text);
}
