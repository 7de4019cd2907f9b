//! Times calls natively through `api::call_text`, the entry the package's JSON path uses: the median
//! per call over rounds (the keyterm merge has its own, `bench_merge`). With a case name, runs only that case
//! (for `perf stat`, whose instruction counts do not depend on the machine's load).
//!
//!     cargo run --release --example bench_calls [update3|update13|validate|can]
use std::time::Instant;
use workspace_rules::boundary::api;

fn time(name: &str, export: &str, args: &str, n: u32) {
    let mut rounds = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(api::call_text(export, std::hint::black_box(args)));
        }
        rounds.push(start.elapsed().as_nanos() as f64 / f64::from(n));
    }
    rounds.sort_by(f64::total_cmp);
    println!("{name:<10} {:>12.1} ns", rounds[3]);
}

fn main() {
    let current = r#"{"tone":"calm","speed":1.1,"keyterms":["Metformin"]}"#;
    let small =
        r#"{"speed":1.2,"tone":"friendly","keyterms":["Metformin","Ozempic","Dr. Ramirez"]}"#;
    let full = r#"{"voice_id":"voice-42","tone":"sympathetic","speed":0.9,"volume":0.8,"language":"en-us","keyterms":["Metformin","Ozempic","Dr. Ramirez","co-pay","prior authorization"],"correction_categories":["drug names","doctor names"],"pronunciation_dict_id":"dict-7","sensitive_topics":["test results","diagnosis"],"post_call_analysis_enabled":false,"transcript_correction_enabled":true,"stt_provider":"deepgram","tts_provider":"cartesia"}"#;
    let cases: [(&str, &str, String, u32); 4] = [
        (
            "update3",
            "updateVoiceSettings",
            format!("[{current},{small}]"),
            20_000,
        ),
        (
            "update13",
            "updateVoiceSettings",
            format!("[{current},{full}]"),
            10_000,
        ),
        (
            "validate",
            "validateVoiceSettings",
            format!("[{small}]"),
            20_000,
        ),
        (
            "can",
            "can",
            r#"["admin","members.invite"]"#.to_owned(),
            200_000,
        ),
    ];
    // How much of an update is reading the JSON text into values (and dropping them).
    let parse_only = format!("[{current},{full}]");
    let mut rounds = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        for _ in 0..10_000 {
            std::hint::black_box(
                serde_json::from_str::<Vec<workspace_rules::Json>>(std::hint::black_box(
                    &parse_only,
                ))
                .ok(),
            );
        }
        rounds.push(start.elapsed().as_nanos() as f64 / 10_000.0);
    }
    rounds.sort_by(f64::total_cmp);
    println!("{:<10} {:>12.1} ns", "parse13", rounds[3]);
    let only = std::env::args().nth(1);
    for (name, export, args, n) in &cases {
        if only.as_deref().is_none_or(|o| o == *name) {
            time(name, export, args, *n);
        }
    }
}
