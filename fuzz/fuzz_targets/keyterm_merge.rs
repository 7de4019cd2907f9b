//! mergeKeyterms on arbitrary lists: never a panic, never more than the cap, idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workspace_rules::json::Json;
use workspace_rules::keyterms;

#[path = "common.rs"]
mod common;
use common::args;

fuzz_target!(|data: &[u8]| {
    let lists = args(data);
    if let Ok(merged) = keyterms::merge_input(&lists) {
        assert!(merged.keyterms.len() <= keyterms::MERGE_CAP);
        let again = keyterms::merge_input(&[Json::Array(merged.keyterms.iter().map(|t| Json::from(t.as_str())).collect())])
            .expect("a merged list merges again");
        assert_eq!(again.keyterms, merged.keyterms, "idempotent");
        assert!(again.dropped.is_empty());
    }
});
