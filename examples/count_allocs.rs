//! Counts the heap allocations of one call of each export case natively (a counting global
//! allocator): allocation was a third of `updateVoiceSettings`'s time in a profile.
//!
//!     cargo run --release --example count_allocs
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use workspace_rules::boundary::api;

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let current = r#"{"tone":"calm","speed":1.1,"keyterms":["Metformin"]}"#;
    let small =
        r#"{"speed":1.2,"tone":"friendly","keyterms":["Metformin","Ozempic","Dr. Ramirez"]}"#;
    let full = r#"{"voice_id":"voice-42","tone":"sympathetic","speed":0.9,"volume":0.8,"language":"en-us","keyterms":["Metformin","Ozempic","Dr. Ramirez","co-pay","prior authorization"],"correction_categories":["drug names","doctor names"],"pronunciation_dict_id":"dict-7","sensitive_topics":["test results","diagnosis"],"post_call_analysis_enabled":false,"transcript_correction_enabled":true,"stt_provider":"deepgram","tts_provider":"cartesia"}"#;
    for (name, export, args) in [
        (
            "update3",
            "updateVoiceSettings",
            format!("[{current},{small}]"),
        ),
        (
            "update13",
            "updateVoiceSettings",
            format!("[{current},{full}]"),
        ),
        ("parse13", "", format!("[{current},{full}]")),
    ] {
        let before = ALLOCS.load(Ordering::Relaxed);
        if export.is_empty() {
            std::hint::black_box(serde_json::from_str::<Vec<workspace_rules::Json>>(&args).ok());
        } else {
            std::hint::black_box(api::call_text(export, &args));
        }
        println!(
            "{name:10} {} allocations",
            ALLOCS.load(Ordering::Relaxed) - before
        );
    }
}
