//! The layout of `src/` as a test: every module's references to other modules of the crate (its
//! `use crate::…` lines, grouped or not, `super::…` paths and inline `crate::…` paths) form a graph
//! with no cycle, and the rooms stand in layers: a room uses only the rooms below it
//! (`base` < `text` < `voice` < `workspace` < `edge` < `boundary`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The rooms from the bottom up.
const ROOMS: &[&str] = &["base", "text", "voice", "workspace", "edge", "boundary"];

/// Every `.rs` file under `src/` as its module path (`workspace::state`; `text` for `text/mod.rs`).
fn modules(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let join = |n: &str| {
            if prefix.is_empty() {
                n.to_string()
            } else {
                format!("{prefix}::{n}")
            }
        };
        if path.is_dir() {
            modules(&path, &join(&name), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = match name.as_str() {
                "lib" => "crate".to_string(),
                "mod" => prefix.to_string(),
                _ => join(&name),
            };
            out.insert(module, fs::read_to_string(&path).unwrap());
        }
    }
}

/// The source without comments (line comments, doc comments, block comments) and string literals,
/// so a path mentioned in prose or in a message is not a reference.
fn code_only(source: &str) -> String {
    let bytes: Vec<char> = source.chars().collect();
    let (mut out, mut i) = (String::new(), 0);
    while i < bytes.len() {
        let rest = |k: usize| bytes.get(i + k).copied().unwrap_or('\0');
        if bytes[i] == '/' && rest(1) == '/' {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
        } else if bytes[i] == '/' && rest(1) == '*' {
            while i + 1 < bytes.len() && !(bytes[i] == '*' && bytes[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if bytes[i] == '"' {
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                i += if bytes[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if bytes[i] == '\'' && rest(2) == '\'' {
            i += 3; // a char literal such as '{'
        } else if bytes[i] == '\'' && rest(1) == '\\' {
            while i < bytes.len() && bytes[i] != '\'' || (i > 0 && bytes[i - 1] == '\\') {
                i += 1;
            }
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Every path that `code` names through `crate::` or `super::`, with `use` groups expanded:
/// `use crate::{a::b, c::{d, e}}` names `a::b`, `c::d` and `c::e`.
fn paths(code: &str, module: &str, is_mod_file: bool) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = |w: &str| chars[i..].iter().take(w.len()).copied().eq(w.chars());
        let boundary = i == 0
            || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == ':');
        let base = if boundary && starts("crate::") {
            i += 7;
            Some(String::new())
        } else if boundary && starts("super::") {
            i += 7;
            let mut parent: Vec<&str> = module.split("::").collect();
            if !is_mod_file {
                parent.pop();
            }
            Some(parent.join("::"))
        } else {
            None
        };
        match base {
            Some(base) => i = expand(&chars, i, &base, &mut found),
            None => i += 1,
        }
    }
    found
}

/// Reads one path (or `{…}` group) at `i` below `base`, pushing every full path; returns the index
/// after it.
fn expand(chars: &[char], mut i: usize, base: &str, found: &mut Vec<String>) -> usize {
    let mut path = base.to_string();
    loop {
        if chars.get(i) == Some(&'{') {
            i += 1;
            loop {
                while chars.get(i).is_some_and(|c| c.is_whitespace() || *c == ',') {
                    i += 1;
                }
                if chars.get(i) == Some(&'}') || i >= chars.len() {
                    return i + 1;
                }
                i = expand(chars, i, &path, found);
            }
        }
        let start = i;
        while chars
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            i += 1;
        }
        let segment: String = chars[start..i].iter().collect();
        if !segment.is_empty() && segment != "self" {
            path = if path.is_empty() {
                segment
            } else {
                format!("{path}::{segment}")
            };
        }
        if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
            i += 2;
        } else {
            found.push(path);
            return i;
        }
    }
}

/// The module a path lands in: its longest prefix that is a module of the crate.
fn owner<'a>(path: &str, modules: &'a BTreeMap<String, String>) -> Option<&'a str> {
    let segments: Vec<&str> = path.split("::").collect();
    (1..=segments.len())
        .rev()
        .map(|n| segments[..n].join("::"))
        .find_map(|p| modules.get_key_value(&p).map(|(k, _)| k.as_str()))
}

fn graph() -> BTreeMap<String, Vec<String>> {
    let mut all = BTreeMap::new();
    modules(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "",
        &mut all,
    );
    let mut graph = BTreeMap::new();
    for (module, source) in &all {
        let is_mod_file = ROOMS.contains(&module.as_str());
        let mut uses: Vec<String> = paths(&code_only(source), module, is_mod_file)
            .iter()
            .filter_map(|p| owner(p, &all))
            // A module may name itself and its own children (its `pub mod` lines, its tests).
            .filter(|m| *m != module && !m.starts_with(&format!("{module}::")) && *m != "crate")
            .map(str::to_string)
            .collect();
        uses.sort();
        uses.dedup();
        graph.insert(module.clone(), uses);
    }
    graph
}

/// The room a module stands in (`workspace` for `workspace::state`), if any.
fn room(module: &str) -> Option<usize> {
    ROOMS
        .iter()
        .position(|r| module.split("::").next() == Some(r))
}

#[test]
fn no_module_imports_another_in_a_cycle() {
    let graph = graph();
    // Depth-first search; a back edge to a module on the stack is a cycle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, Vec<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        if done.contains(&m) {
            return;
        }
        if let Some(at) = stack.iter().position(|s| *s == m) {
            cycles.push(format!("{} -> {m}", stack[at..].join(" -> ")));
            return;
        }
        stack.push(m);
        for next in &graph[m] {
            visit(next, graph, stack, done, cycles);
        }
        stack.pop();
        done.push(m);
    }
    let (mut stack, mut done, mut cycles) = (Vec::new(), Vec::new(), Vec::new());
    for m in graph.keys() {
        visit(m, &graph, &mut stack, &mut done, &mut cycles);
    }
    assert!(
        cycles.is_empty(),
        "import cycles between modules:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn rooms_use_only_the_rooms_below_them() {
    let mut wrong = Vec::new();
    for (module, uses) in graph() {
        let Some(here) = room(&module) else { continue };
        for used in uses {
            if room(&used).is_some_and(|there| there > here) {
                wrong.push(format!("{module} uses {used}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a room uses a room above it:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_reader_sees_grouped_super_and_inline_paths() {
    let code = code_only(
        "use crate::{a::b, c::{d, e::f}};\n// crate::g::h\nlet x = \"crate::i\"; super::j::k(); crate::l::m(1);",
    );
    let found = paths(&code, "x::y", false);
    assert_eq!(found, ["a::b", "c::d", "c::e::f", "x::j::k", "l::m"]);
}
