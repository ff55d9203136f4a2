//! resdraft: drafting and amending United Nations resolutions.
//!
//! The library holds the document core with no terminal code: the model ([`model`]), derived
//! numbering ([`numbering`]), inline markup ([`markup`]), model operations with undo
//! ([`ops`]), the draft file ([`draftfile`]), export ([`export`]), import of real texts
//! ([`import`]), the editorial check ([`check`]) and the comparison of revisions
//! ([`compare`]). Reading and writing files safely is [`fileio`]. The terminal editor lives in [`tui`], which uses the core's operations and
//! keeps its I/O at the edges.

pub mod amend;
pub mod check;
pub mod compare;
pub mod draftfile;
pub mod export;
pub mod fileio;
pub mod import;
pub mod markup;
pub mod merge;
pub mod model;
pub mod negotiate;
pub mod numbering;
pub mod ooxml;
pub mod ops;
pub mod phrases;
pub mod sanitize;
pub mod scan;
pub mod tui;
