// Shared by the fuzz targets: an input is the JSON text of an argument list (as in the shared
// vectors); bytes that are not JSON become one string argument, so raw text is fuzzed too.
use workspace_rules::base::json::{Json, Unsupported};

pub fn args(data: &[u8]) -> Vec<Json> {
    match serde_json::from_slice::<Vec<Json>>(data) {
        Ok(args) => args,
        Err(_) => vec![Json::String(String::from_utf8_lossy(data).into_owned())],
    }
}

pub fn arg(args: &[Json], i: usize) -> &Json {
    const UNDEFINED: Json = Json::Unsupported(Unsupported::Undefined);
    args.get(i).unwrap_or(&UNDEFINED)
}
