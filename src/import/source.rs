//! What a file to import is, decided by its content (magic bytes), not by its name: a PDF
//! (`%PDF-` near the start), a Word document (a zip holding `word/document.xml`), or text.

/// The formats the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Pdf,
    Docx,
    /// An OLE compound file: an encrypted Office document or an old binary .doc.
    Encrypted,
}

impl Format {
    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "PDF",
            Format::Docx | Format::Encrypted => "Word document",
        }
    }
}

/// Tells the format from the first bytes. A PDF may carry up to 1 KiB of junk before its
/// `%PDF-` header (readers accept it); a zip starts with a local file header `PK\x03\x04`
/// (or `PK\x05\x06` when empty), and is taken as Word: [`super::docx`] reports a zip that is
/// not one.
pub fn detect(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Format::Docx;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Format::Encrypted;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_by_content() {
        assert_eq!(detect(b"%PDF-1.7\n%\xe2\xe3"), Format::Pdf);
        assert_eq!(detect(b"\xef\xbb\xbf junk %PDF-1.4"), Format::Pdf);
        assert_eq!(detect(b"PK\x03\x04\x14\0"), Format::Docx);
        assert_eq!(detect(b"The General Assembly,\n"), Format::Text);
        assert_eq!(detect(b""), Format::Text);
        assert_eq!(
            detect(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Format::Encrypted
        );
        let mut late = vec![b' '; 2000];
        late.extend_from_slice(b"%PDF-1.4");
        assert_eq!(detect(&late), Format::Text);
    }
}
