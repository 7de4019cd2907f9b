//! A native micro-benchmark of the keyterm merge on the lists of `bench/run.mjs` (2 × 200 terms):
//! prints the median time per call of `keyterms::merge` and of `keyterms::merge_input` over many
//! rounds. Speed is measured here, never asserted in tests.
//!
//!     cargo run --release --example bench_merge

use std::hint::black_box;
use std::time::Instant;
use workspace_rules::base::json::Json;
use workspace_rules::voice::keyterms;

fn lists() -> (Vec<String>, Vec<String>) {
    let words = [
        "Metformin",
        "Straße",
        "Ozempic",
        "İbuprofen",
        "Café",
        "naïve",
        "Σίσυφος",
        "東京",
        "Dr. Ramirez",
        "prior authorization",
    ];
    let a = (0..200)
        .map(|i| format!("{} {i}", words[i % words.len()]))
        .collect();
    let b = (0..200)
        .map(|i| {
            if i % 2 == 1 {
                format!("{} {i}", words[i % words.len()]).to_uppercase()
            } else {
                format!("  new   term {i} ")
            }
        })
        .collect();
    (a, b)
}

/// The median of `rounds` rounds, each the mean of `batch` calls, in µs.
fn median_us(rounds: usize, batch: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..batch {
        f();
    }
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    // On a shared machine the fastest rounds are the ones nobody else interrupted.
    if std::env::var_os("BENCH_MIN").is_some() {
        return times[0];
    }
    times[times.len() / 2]
}

fn main() {
    let (a, b) = lists();
    let typed = [a.clone(), b.clone()];
    let json: Vec<Json> = typed
        .iter()
        .map(|l| Json::Array(l.iter().map(|s| Json::from(s.as_str())).collect()))
        .collect();
    // `--count N`: N merges and nothing else, for `perf stat` (instructions and cycles per call
    // move less than time on a shared machine).
    if let Some(n) = std::env::args()
        .skip_while(|a| a != "--count")
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok())
    {
        for _ in 0..n {
            black_box(keyterms::merge(black_box(&typed)));
        }
        return;
    }
    let merged = keyterms::merge(&typed);
    assert_eq!(keyterms::merge_input(&json).unwrap(), merged);
    println!(
        "kept {}, dropped {}",
        merged.keyterms.len(),
        merged.dropped.len()
    );
    let merge = median_us(41, 200, || {
        black_box(keyterms::merge(black_box(&typed)));
    });
    let input = median_us(41, 200, || {
        black_box(keyterms::merge_input(black_box(&json)).unwrap());
    });
    // What the JavaScript package asks for: positions, kept terms copied only when normalized.
    let positions = median_us(41, 200, || {
        black_box(keyterms::merge_positions(black_box(&typed)));
    });
    println!("merge        2 x 200: {merge:8.2} µs (median per call)");
    println!("positions    2 x 200: {positions:8.2} µs (median per call)");
    println!("merge_input  2 x 200: {input:8.2} µs (median per call)");
    // A voice-settings update reads its keyterms list with `read_list`: 200 ASCII terms.
    let list = Json::Array(
        (0..200)
            .map(|i| Json::from(format!("term {i}").as_str()))
            .collect(),
    );
    let read = median_us(41, 200, || {
        let mut problems = workspace_rules::base::validate::Problems::new();
        black_box(keyterms::read_list(
            black_box(&list),
            "/keyterms",
            200,
            &mut problems,
        ));
    });
    println!("read_list    1 x 200: {read:8.2} µs (median per call)");
    if std::env::args().any(|a| a == "--steps") {
        steps(&a, &b);
        per_term();
    }
}

/// Where the time of one merge goes: each step alone over the same 400 terms.
#[allow(dead_code)]
pub fn steps(a: &[String], b: &[String]) {
    use workspace_rules::text;
    let all: Vec<&str> = a.iter().chain(b).map(String::as_str).collect();
    let mut buf = String::new();
    let normalized: Vec<String> = all.iter().map(|t| text::normalize(t)).collect();
    let t = median_us(41, 200, || {
        for t in &all {
            black_box(text::normalize_in(black_box(t), &mut buf));
        }
    });
    println!("  normalize_in x400: {t:8.2} µs");
    let t = median_us(41, 200, || {
        for t in &normalized {
            black_box(text::fold_nfc_in(black_box(t), &mut buf));
        }
    });
    println!("  fold_nfc_in  x400: {t:8.2} µs");
    let t = median_us(41, 200, || {
        for t in &normalized {
            black_box(text::char_len(black_box(t)));
        }
    });
    println!("  char_len     x400: {t:8.2} µs");
    let t = median_us(41, 200, || {
        for t in &all {
            black_box(black_box(t).to_string());
        }
    });
    println!("  to_owned     x400: {t:8.2} µs");
    let t = median_us(41, 200, || {
        let mut dedup = keyterms::Dedup::new(keyterms::MERGE_CAP);
        for t in &all {
            black_box(dedup.offer(black_box(t), ()));
        }
        black_box(dedup);
    });
    println!("  Dedup::offer x400: {t:8.2} µs");
    let t = median_us(41, 200, || {
        let mut buf = String::new();
        let mut key = String::new();
        for t in &all {
            black_box(text::keyed(black_box(t), &mut buf, &mut key));
        }
    });
    println!("  keyed        x400: {t:8.2} µs");
}

/// ns per call of normalize_in and fold_nfc_in for single terms.
#[allow(dead_code)]
pub fn per_term() {
    use workspace_rules::text;
    let mut buf = String::new();
    let mut buf2 = String::new();
    for t in [
        "Metformin 12",
        "metformin 12",
        "Straße 1",
        "İbuprofen 3",
        "Café 4",
        "naïve 5",
        "Σίσυφος 6",
        "東京 7",
        "  new   term 8 ",
        "NAÏVE 5",
        "İBUPROFEN 3",
    ] {
        let n = text::normalize(t);
        let a = median_us(21, 20000, || {
            black_box(text::normalize_in(black_box(t), &mut buf));
        }) * 1000.0;
        let b = median_us(21, 20000, || {
            black_box(text::fold_nfc_in(black_box(&n), &mut buf2));
        }) * 1000.0;
        println!("  {t:20} normalize {a:6.1} ns  fold {b:6.1} ns");
    }
}
