//! The mark of an unedited import. `resdraft import -o` writes, as the first line of the draft,
//! a comment carrying the SHA-256 of the rest of the file. While the file is exactly as the
//! import wrote it, replacing it loses nothing that cannot be imported again, so `import -o`
//! may replace it without `--force`. Any save by the editor, `revise` or `renumber` writes the
//! file without the mark, and a change by hand breaks the fingerprint: such a draft holds
//! work of its own and is never replaced without `--force`.

use sha2::{Digest, Sha256};

/// The first line of an unedited import, before the fingerprint.
const PREFIX: &str = "# resdraft: unedited import, sha256 ";

fn fingerprint(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `text` (a draft file's TOML) with the mark of an unedited import as its first line.
pub fn stamp(text: &str) -> String {
    format!("{PREFIX}{}\n{text}", fingerprint(text.as_bytes()))
}

/// Whether `bytes` are a draft file exactly as an import wrote it.
pub fn is_unedited_import(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.strip_prefix(PREFIX.as_bytes()) else {
        return false;
    };
    let Some(nl) = rest.iter().position(|&b| b == b'\n') else {
        return false;
    };
    let (hash, body) = (&rest[..nl], &rest[nl + 1..]);
    hash == fingerprint(body).as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamped_text_is_an_unedited_import_until_it_changes() {
        let text = "format = 1\nauthoring_body = \"The General Assembly\"\n";
        let stamped = stamp(text);
        assert!(stamped.starts_with(PREFIX));
        assert!(stamped.ends_with(text));
        assert!(is_unedited_import(stamped.as_bytes()));
        let edited = stamped.replace("General", "Genral");
        assert!(!is_unedited_import(edited.as_bytes()));
        assert!(!is_unedited_import(text.as_bytes()));
        assert!(!is_unedited_import(PREFIX.as_bytes()));
        let forged = format!("{PREFIX}{}\n{text}", "0".repeat(64));
        assert!(!is_unedited_import(forged.as_bytes()));
    }
}
