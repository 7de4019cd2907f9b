//! mergeKeyterms on arbitrary lists: never a panic, never more than the cap, idempotent. The lists
//! laid end to end (`api::merge_joined`, what the JavaScript package sends) answer the same counts,
//! and arbitrary lengths cutting the same text never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workspace_rules::base::json::Json;
use workspace_rules::{boundary::api, voice::keyterms};

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
        let terms: Vec<&str> = lists.iter().filter_map(Json::as_array).flatten().filter_map(Json::as_str).collect();
        let joined: String = terms.concat();
        let lengths: Vec<u32> = terms.iter().map(|t| t.encode_utf16().count() as u32).collect();
        let answer = api::merge_joined(&joined, &lengths).expect("whole terms are for this path");
        let kept = answer.encode_utf16().next().map(usize::from);
        assert_eq!(kept, Some(merged.keyterms.len()), "the same terms kept");
        // Any other cut of the same text: an answer or `None`, never a panic.
        let cuts: Vec<u32> = data.iter().map(|&b| u32::from(b % 8)).collect();
        let _ = api::merge_joined(&joined, &cuts);
    }
});
