//! The Office Open XML package that the Word reader ([`crate::import::docx`]) and writer
//! ([`crate::export::docx`]) share: a zip of XML parts, read part by part with a size limit
//! (so a zip bomb is refused rather than unpacked) and written with fixed time stamps (so the
//! same content always gives the same bytes), and the attribute reading of WordprocessingML
//! elements (`w:val` by its local name, toggles such as `<w:i w:val="0"/>`).

use quick_xml::events::BytesStart;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The largest uncompressed part read.
pub const MAX_PART: u64 = 32 * 1024 * 1024;

/// Why a package or one of its parts cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("not a readable zip archive ({0})")]
    NotZip(zip::result::ZipError),
    #[error("{part}: {message}")]
    Damaged { part: String, message: String },
    #[error("{part} unpacks to {size} bytes; the limit is {MAX_PART} bytes (a zip bomb?)")]
    TooLarge { part: String, size: u64 },
    #[error("{part}: not UTF-8 XML")]
    NotUtf8 { part: String },
}

/// A package opened for reading.
pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, PackageError> {
        ZipArchive::new(Cursor::new(bytes))
            .map(|zip| Package { zip })
            .map_err(PackageError::NotZip)
    }

    /// The text of a part (`word/document.xml`), `None` when the package has no such part.
    /// A part larger than [`MAX_PART`] is refused, whatever the zip header claims.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, PackageError> {
        let damaged = |e: &dyn std::fmt::Display| PackageError::Damaged {
            part: name.to_string(),
            message: e.to_string(),
        };
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(&e)),
        };
        let too_large = |size| PackageError::TooLarge {
            part: name.to_string(),
            size,
        };
        if file.size() > MAX_PART {
            return Err(too_large(file.size()));
        }
        let mut bytes = Vec::new();
        file.take(MAX_PART + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(&e))?;
        if bytes.len() as u64 > MAX_PART {
            return Err(too_large(bytes.len() as u64));
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| PackageError::NotUtf8 {
                part: name.to_string(),
            })
    }
}

/// A package of the given parts, deflated, every entry with the same fixed time stamp.
pub fn write(parts: &[(&str, &[u8])]) -> Result<Vec<u8>, std::io::Error> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The value of an attribute by its local name (`w:val` → `val`), entities resolved.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Whether a toggle property (`<w:i/>`, `<w:i w:val="0"/>`) is on.
pub fn toggle(e: &BytesStart) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_round_trip_and_the_bytes_are_the_same_each_time() {
        let parts: [(&str, &[u8]); 2] = [("a.xml", b"<a/>"), ("word/b.xml", "<b>é</b>".as_bytes())];
        let bytes = write(&parts).expect("zip");
        assert_eq!(bytes, write(&parts).expect("zip"));
        let mut p = Package::open(&bytes).expect("open");
        assert_eq!(
            p.part("word/b.xml").expect("read").as_deref(),
            Some("<b>é</b>")
        );
        assert!(p.part("missing.xml").expect("read").is_none());
    }

    #[test]
    fn refuses_what_is_no_zip_and_parts_that_are_not_text() {
        assert!(matches!(
            Package::open(b"hello"),
            Err(PackageError::NotZip(_))
        ));
        let bytes = write(&[("x.xml", &[0xff, 0xfe][..])]).expect("zip");
        let e = Package::open(&bytes).expect("open").part("x.xml");
        assert!(matches!(e, Err(PackageError::NotUtf8 { .. })), "{e:?}");
    }

    #[test]
    fn reads_attributes_by_local_name_and_toggles() {
        let e = BytesStart::from_content(r#"w:i w:val="0" w:id="a&amp;b""#, 3);
        assert_eq!(attr(&e, "id").as_deref(), Some("a&b"));
        assert!(!toggle(&e));
        assert!(toggle(&BytesStart::new("w:b")));
    }
}
