//! checkRequest's route parsing and checks on arbitrary requests: JSON `[request, context]` as in the
//! shared vectors, or raw bytes used as the path of a GET by the workspace's owner against a fixed
//! state. Never a panic; an allowed request always answers 200 with an action.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workspace_rules::base::json::Json;
use workspace_rules::edge::requests::check_request_input;

#[path = "common.rs"]
mod common;

const CONTEXT: &str = r#"{"actor":{"user_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01"},"now":"2026-11-22T10:00:00.000Z","state":{"workspace":{"id":"3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f","name":"Fuzz","slug":"fuzz","environment":"production","description":null,"backend_org_id":null,"is_default":false,"status":"active","provisioned_at":null,"created_at":"2026-01-10T08:00:00Z","archived_at":null},
"members":[{"user_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01","email":"ana@example.com","display_name":"Ana","role":"owner","status":"active","joined_at":"2026-01-10T08:00:00.000Z"}],
"invitations":[],"settings":{"language":"en","outbound_enabled":true,"integration_version":"v2","default_llm":null,"default_stt_provider":null,"default_tts_provider":null},
"voice_settings":{},"test_caller_numbers":[],"minutes":{"allocations":[],"used_seconds":0}}}"#;

fuzz_target!(|data: &[u8]| {
    let (request, context) = match serde_json::from_slice::<Vec<Json>>(data) {
        Ok(args) if args.len() == 2 => (args[0].clone(), args[1].clone()),
        _ => {
            let path = String::from_utf8_lossy(data).into_owned();
            let request = Json::Object(vec![
                ("method".to_owned(), Json::from("GET")),
                ("path".to_owned(), Json::String(path)),
            ]);
            (request, serde_json::from_str(CONTEXT).expect("context"))
        }
    };
    if let Ok(decision) = check_request_input(&request, &context) {
        let json = serde_json::to_value(&decision).expect("serializes");
        if json["allowed"] == serde_json::Value::Bool(true) {
            assert_eq!(json["status"], 200);
            assert!(!json["action"].is_null());
        }
    }
});
