//! Field-by-field three-way merge of a record (the header, a heading, a part's label and
//! heading, a footnote) through its serde form: each field takes the side that changed it;
//! a text field changed on both sides is merged by words; a field changed differently on
//! both sides keeps our value and is reported.

use super::text::merge3;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The keys holding a container's paragraphs (merged on their own, by id).
const CHILDREN: [&str; 4] = ["preamble", "operative", "paragraphs", "sections"];

/// The fields holding running text, merged by words; the others (a symbol, a date, a
/// label) are merged whole.
const WORDY: [&str; 6] = [
    "title",
    "agenda_title",
    "heading",
    "text",
    "sponsors_note",
    "note",
];

/// Merges `ours` and `theirs` (both from `base`) field by field; conflicts are described in
/// `notes` (naming `place`).
pub fn merge_fields<T>(base: &T, ours: &T, theirs: &T, place: &str, notes: &mut Vec<String>) -> T
where
    T: Serialize + DeserializeOwned + Clone + PartialEq,
{
    if ours == theirs || theirs == base {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    let obj = |v: &T| match serde_json::to_value(v) {
        Ok(Value::Object(m)) => Some(m),
        _ => None,
    };
    let (Some(b), Some(o), Some(t)) = (obj(base), obj(ours), obj(theirs)) else {
        notes.push(format!(
            "{place}: changed differently on each side; ours is kept"
        ));
        return ours.clone();
    };
    let mut out = Map::new();
    let keys = super::keys_of(b.keys(), o.keys(), t.keys());
    for k in keys {
        let (bv, ov, tv) = (b.get(k), o.get(k), t.get(k));
        let v = if CHILDREN.contains(&k.as_str()) || ov == tv || tv == bv {
            ov
        } else if ov == bv {
            tv
        } else if let (Some(Value::String(bs)), Some(Value::String(os)), Some(Value::String(ts))) =
            (bv, ov, tv)
            && WORDY.contains(&k.as_str())
        {
            let m = merge3(bs, os, ts);
            if !m.conflicts.is_empty() {
                notes.push(format!(
                    "{place}: {k} was changed on both sides (ours “{os}”, theirs “{ts}”); ours is kept"
                ));
                ov
            } else {
                out.insert(k.clone(), Value::String(m.text));
                continue;
            }
        } else {
            notes.push(format!(
                "{place}: {k} was changed differently on each side; ours is kept"
            ));
            ov
        };
        if let Some(v) = v {
            out.insert(k.clone(), v.clone());
        }
    }
    serde_json::from_value(Value::Object(out)).unwrap_or_else(|_| ours.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Header;

    #[test]
    fn header_fields_merge_one_by_one() {
        let base = Header {
            symbol: "A/C.3/80/L.20".into(),
            title: "Crime prevention".into(),
            ..Header::default()
        };
        let ours = Header {
            symbol: "A/C.3/80/L.20/Rev.1".into(),
            ..base.clone()
        };
        let theirs = Header {
            title: "Crime prevention and criminal justice".into(),
            ..base.clone()
        };
        let mut notes = Vec::new();
        let m = merge_fields(&base, &ours, &theirs, "header", &mut notes);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(m.symbol, "A/C.3/80/L.20/Rev.1");
        assert_eq!(m.title, "Crime prevention and criminal justice");
        let clash = Header {
            symbol: "A/C.3/80/L.21".into(),
            ..base.clone()
        };
        let m = merge_fields(&base, &ours, &clash, "header", &mut notes);
        assert_eq!(m.symbol, "A/C.3/80/L.20/Rev.1");
        assert_eq!(notes.len(), 1, "{notes:?}");
    }
}
