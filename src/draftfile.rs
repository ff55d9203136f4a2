//! (being written) The draft file: TOML load/save.
use crate::model::Draft;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

pub fn load(path: &Path) -> Result<Draft, FileError> {
    Err(FileError::Invalid {
        path: path.to_path_buf(),
        message: "the draft file format is not written yet".into(),
    })
}

pub fn save(path: &Path, _draft: &Draft) -> Result<(), FileError> {
    Err(FileError::Invalid {
        path: path.to_path_buf(),
        message: "the draft file format is not written yet".into(),
    })
}
