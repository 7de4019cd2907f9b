//! Times a few calls natively (median of rounds), for comparison with the package's numbers in
//! BENCHMARKS.md: `cargo run --release --example bench_calls`.
use std::time::Instant;
use workspace_rules::api;

fn time(name: &str, args: &str, n: u32) {
    let mut rounds = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(api::call_text(name, std::hint::black_box(args)));
        }
        rounds.push(start.elapsed().as_nanos() as f64 / f64::from(n));
    }
    rounds.sort_by(f64::total_cmp);
    println!("{name:<24} {:>12.1} ns", rounds[3]);
}

fn main() {
    let current = r#"{"tone":"calm","speed":1.1,"keyterms":["Metformin"]}"#;
    let small =
        r#"{"speed":1.2,"tone":"friendly","keyterms":["Metformin","Ozempic","Dr. Ramirez"]}"#;
    time(
        "updateVoiceSettings",
        &format!("[{current},{small}]"),
        if std::env::args().any(|a| a == "--long") {
            2_000_000
        } else {
            20_000
        },
    );
    time("validateVoiceSettings", &format!("[{small}]"), 20_000);
    time("can", r#"["admin","members.invite"]"#, 200_000);
}
