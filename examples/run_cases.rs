//! Runs vector-format case files through the native crate and prints one output line per case, as
//! the hosts write them (`{"case":…,"output":…}`). The differential check
//! (`tests/consumer/differential.test.mjs`) feeds it random cases and compares its lines, byte for
//! byte, with the package's answers in Node.
//!
//!     cargo run --example run_cases -- FILE.json [FILE.json …]

#[path = "../tests/support/runner.rs"]
mod runner;

fn main() {
    let mut out = String::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let file: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        for case in file["cases"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            out.push_str(&runner::run_case(&name, case).0);
            out.push('\n');
        }
    }
    print!("{out}");
}
