//! `apply` over a sequence of arbitrary commands from arbitrary actors, starting from a workspace of
//! three members: never a panic, never zero active owners, a refusal leaves the state as it was, and
//! every accepted state is a valid input again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workspace_rules::workspace::commands::apply_input;
use workspace_rules::base::json::Json;

const START: &str = r#"{"workspace":{"id":"3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f","name":"Fuzz","slug":"fuzz","environment":"production","description":null,"backend_org_id":null,"is_default":false,"status":"active","provisioned_at":null,"created_at":"2026-01-10T08:00:00Z","archived_at":null},
"members":[{"user_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01","email":"ana@example.com","display_name":"Ana","role":"owner","status":"active","joined_at":"2026-01-10T08:00:00.000Z"},
{"user_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02","email":"bo@example.com","display_name":"Bo","role":"admin","status":"active","joined_at":"2026-01-10T08:00:00.000Z"},
{"user_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03","email":"cy@example.com","display_name":"Cy","role":"member","status":"active","joined_at":"2026-01-10T08:00:00.000Z"}],
"invitations":[],"settings":{"language":"en","outbound_enabled":true,"integration_version":"v2","default_llm":null,"default_stt_provider":null,"default_tts_provider":null},
"voice_settings":{},"test_caller_numbers":[],"minutes":{"allocations":[],"used_seconds":0}}"#;

const ACTORS: [(&str, &str); 4] = [
    ("5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", "ana@example.com"),
    ("5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02", "bo@example.com"),
    ("5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03", "cy@example.com"),
    ("5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f04", "dee@example.com"),
];

/// Steps are `[actor index, command]` pairs, as JSON; other input is one command from the owner.
fn steps(data: &[u8]) -> Vec<(usize, Json)> {
    match serde_json::from_slice::<Vec<(usize, Json)>>(data) {
        Ok(steps) => steps,
        Err(_) => serde_json::from_slice::<Json>(data).map(|c| vec![(0, c)]).unwrap_or_default(),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut state: Json = serde_json::from_str(START).expect("start state");
    for (n, (actor, command)) in steps(data).into_iter().take(32).enumerate() {
        let (id, email) = ACTORS[actor % ACTORS.len()];
        let ctx: Json = serde_json::from_value(serde_json::json!({
            "actor_id": id, "actor_email": email,
            "now": format!("2026-11-{:02}T10:00:00.000Z", 1 + n % 28),
            "ids": [format!("9b1c2d3e-4f50-4a61-8b72-{:012}", n)],
        }))
        .expect("ctx");
        let before = state.clone();
        match apply_input(&state, &command, &ctx) {
            Ok(applied) => {
                assert!(applied.state.active_owners() >= 1, "never zero owners");
                let json = serde_json::to_value(&applied.state).expect("state serializes");
                state = serde_json::from_value(json).expect("state reads");
            }
            Err(_) => assert_eq!(state, before),
        }
    }
});
