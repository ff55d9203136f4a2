//! Damaged copies of real PDFs (from ../shared/corpus/un80/pdf, read at test time): truncated
//! anywhere and with bytes overwritten anywhere, as a broken download or a bad disk leaves
//! them. Each either imports or gives a clear error naming the file; never a panic and never a
//! hang (the reader gives up when a step of reading makes no progress within its time limit,
//! and no case may end that way: told by the error, not by a clock, so a loaded machine cannot
//! fail a case that reads correctly).

use proptest::prelude::*;
use resdraft::import::{self, ImportError, KindHint};
use std::path::PathBuf;

/// Small real PDFs of different shapes: a two-page draft with footnotes, a two-page adopted
/// resolution, a three-page draft, an adopted resolution with a closing meeting line.
const PDFS: [&str; 4] = [
    "A_80_L.12.pdf",
    "A_RES_78_13.pdf",
    "A_C.1_80_L.11.pdf",
    "A_RES_79_318.pdf",
];

/// The bytes of the sample PDFs, or `None` (a failure under CI) when ../shared is missing.
fn samples() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/un80/pdf");
    if !dir.is_dir() {
        assert!(
            std::env::var("CI").is_err(),
            "../shared/corpus/un80/pdf is missing under CI"
        );
        println!("skipped: ../shared/corpus/un80/pdf not found");
        return None;
    }
    Some(
        PDFS.iter()
            .map(|name| {
                let bytes = std::fs::read(dir.join(name)).expect("a corpus PDF");
                (name.to_string(), bytes)
            })
            .collect(),
    )
}

/// Imports damaged bytes under a name; fails the case on a panic, a hang (the reader giving up
/// on it) or an error that does not name the file.
fn import_damaged(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = dir.join(format!("damaged-{name}"));
    std::fs::write(&path, bytes).expect("write the damaged copy");
    let result = import::import_file(&path, KindHint::Auto);
    if let Err(e) = result {
        let msg = e.to_string();
        prop_assert!(msg.contains(&format!("damaged-{name}")), "{msg}");
        // The reader's time limit ends only a hang.
        prop_assert!(
            !msg.contains("made no progress"),
            "{name}: the reader hung: {msg}"
        );
        prop_assert!(
            matches!(
                e,
                ImportError::Damaged { .. }
                    // A copy whose `%PDF` signature is damaged is no PDF by its content: it
                    // is refused as the binary (or non-UTF-8) file it then is.
                    | ImportError::Binary { .. }
                    | ImportError::NotUtf8 { .. }
                    | ImportError::NotADocument { .. }
                    | ImportError::Amendment { .. }
                    | ImportError::Decision { .. }
            ),
            "{msg}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// A copy cut at any length.
    #[test]
    fn truncated_real_pdfs(which in 0..PDFS.len(), keep in 0.0f64..1.0) {
        let Some(samples) = samples() else { return Ok(()) };
        let (name, bytes) = &samples[which];
        let cut = (bytes.len() as f64 * keep) as usize;
        let dir = tempfile::tempdir().expect("a temp dir");
        import_damaged(dir.path(), name, &bytes[..cut])?;
    }

    /// A copy with up to 24 bytes overwritten anywhere (in the header, the cross-reference
    /// table, a compressed stream, a font), or a run of bytes zeroed.
    #[test]
    fn corrupted_real_pdfs(
        which in 0..PDFS.len(),
        writes in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 1..24),
        zeroed in proptest::option::of((0.0f64..1.0, 1usize..4096)),
    ) {
        let Some(samples) = samples() else { return Ok(()) };
        let (name, bytes) = &samples[which];
        let mut bytes = bytes.clone();
        let len = bytes.len();
        for (at, b) in writes {
            bytes[((len as f64 * at) as usize).min(len - 1)] = b;
        }
        if let Some((at, n)) = zeroed {
            let start = ((len as f64 * at) as usize).min(len - 1);
            let end = (start + n).min(len);
            bytes[start..end].fill(0);
        }
        let dir = tempfile::tempdir().expect("a temp dir");
        import_damaged(dir.path(), name, &bytes)?;
    }
}

/// The undamaged samples import, so the cases above damage documents that do read.
#[test]
fn the_samples_import() {
    let Some(samples) = samples() else { return };
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, bytes) in samples {
        let path = dir.path().join(&name);
        std::fs::write(&path, &bytes).expect("write the sample");
        let d = import::import_file(&path, KindHint::Auto)
            .unwrap_or_else(|e| panic!("{e}"))
            .document;
        assert!(d.paragraph_count() > 3, "{name}: {}", d.paragraph_count());
    }
}
