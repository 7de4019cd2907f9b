//! Concurrent clients and a killed process: no lost update (the final state is the serial replay of
//! the log, and holds every acknowledged command), no half-applied command, every invariant (the
//! stored states read back as valid states). Small here (`WR_LOAD_N` commands per client, default 25);
//! `npm run bench` runs 8 × 250 and measures.
mod common;
use common::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const CLIENTS: usize = 8;

fn per_client() -> usize {
    std::env::var("WR_LOAD_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(25)
}

/// `CLIENTS` threads, each sending `n` commands to the workspaces in turn (invitations of new
/// emails, and every fifth a rename); the acknowledged invitations by workspace.
fn load(
    servers: &[&Server],
    owner: &User,
    workspaces: &[String],
    n: usize,
) -> (Vec<Vec<String>>, usize) {
    let acked = Arc::new(Mutex::new(vec![Vec::new(); workspaces.len()]));
    let renames = Arc::new(AtomicUsize::new(0));
    std::thread::scope(|s| {
        for c in 0..CLIENTS {
            let (acked, renames) = (acked.clone(), renames.clone());
            s.spawn(move || {
                let server = servers[c % servers.len()];
                for i in 0..n {
                    let k = (c * n + i) % workspaces.len();
                    let ws = &workspaces[k];
                    if i % 5 == 4 {
                        let body = format!(r#"{{"description":"client {c} step {i}"}}"#);
                        let (status, answer) = server.send(
                            "PATCH",
                            &format!("/v1/workspaces/{ws}"),
                            Some(&owner.token),
                            Some(&body),
                        );
                        if acknowledged(status, &answer) {
                            renames.fetch_add(1, Ordering::Relaxed);
                        }
                    } else {
                        let email = format!("c{c}-{i}@load.example.com");
                        let body = format!(r#"{{"email":"{email}","role":"member"}}"#);
                        let (status, answer) = server.send(
                            "POST",
                            &format!("/v1/workspaces/{ws}/invitations"),
                            Some(&owner.token),
                            Some(&body),
                        );
                        if acknowledged(status, &answer) {
                            acked.lock().unwrap()[k].push(email);
                        }
                    }
                }
            });
        }
    });
    let acked = Arc::try_unwrap(acked).unwrap().into_inner().unwrap();
    (acked, renames.load(Ordering::Relaxed))
}

/// 200, or 409 `conflict` (the version moved every time it was tried: nothing written); nothing else.
fn acknowledged(status: u16, answer: &serde_json::Value) -> bool {
    assert!(
        status == 200 || (status == 409 && answer["code"] == "conflict"),
        "{status} {answer}"
    );
    status == 200
}

fn invitation_emails(server: &Server, owner: &User, ws: &str) -> Vec<String> {
    let (status, body) = server.send(
        "GET",
        &format!("/v1/workspaces/{ws}"),
        Some(&owner.token),
        None,
    );
    assert_eq!(status, 200);
    let mut emails: Vec<String> = body["workspace"]["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["email"].as_str().unwrap().to_owned())
        .collect();
    emails.sort();
    emails
}

#[test]
fn concurrent_clients_on_one_workspace_and_on_twenty_lose_no_update() {
    let url = database_url("load");
    let server = Server::start(&url);
    let owner = user("owner");
    let _default = create(&server, &owner, "My Workspace");
    for count in [1, 20] {
        let workspaces: Vec<String> = (0..count)
            .map(|i| create(&server, &owner, &format!("Load {count} {i}")))
            .collect();
        let n = per_client();
        let (acked, renames) = load(&[&server], &owner, &workspaces, n);
        let mut entries = 0;
        for (k, ws) in workspaces.iter().enumerate() {
            let mut want = acked[k].clone();
            want.sort();
            assert_eq!(
                invitation_emails(&server, &owner, ws),
                want,
                "every acknowledged invitation, and only those"
            );
        }
        for (_, len) in check_replay(&url, &workspaces) {
            entries += len;
        }
        let invites: usize = acked.iter().map(Vec::len).sum();
        assert_eq!(invites + renames, CLIENTS * n);
        // One log entry per acknowledged command, plus each workspace's creation.
        assert_eq!(entries, count + CLIENTS * n);
    }
}

#[test]
fn two_processes_on_one_database_contend_through_the_version_check_and_lose_nothing() {
    // Each process runs one workspace's commands one at a time, but not the other's: their
    // commands meet at the version check, lose it, retry, and at worst answer 409 conflict.
    let url = database_url("two-processes");
    let (a, b) = (Server::start(&url), Server::start(&url));
    let owner = user("owner");
    let _default = create(&a, &owner, "My Workspace");
    let ws = vec![create(&a, &owner, "Contended")];
    let n = per_client();
    let (acked, renames) = load(&[&a, &b], &owner, &ws, n);
    let mut want = acked[0].clone();
    want.sort();
    assert_eq!(
        invitation_emails(&b, &owner, &ws[0]),
        want,
        "every acknowledged invitation, and only those"
    );
    let replay = check_replay(&url, &ws);
    assert_eq!(
        replay[0].1,
        1 + acked[0].len() + renames,
        "one log entry per acknowledged command"
    );
}

#[test]
fn a_killed_backend_keeps_every_acknowledged_command_and_none_half_applied() {
    let url = database_url("crash");
    let mut server = Server::start(&url);
    let owner = user("owner");
    let _default = create(&server, &owner, "My Workspace");
    let ws = create(&server, &owner, "Crash");
    let acked = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let port = server.port;
    let threads: Vec<_> = (0..4)
        .map(|c| {
            let (acked, stop, ws, token) =
                (acked.clone(), stop.clone(), ws.clone(), owner.token.clone());
            std::thread::spawn(move || {
                for i in 0..2000 {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let email = format!("k{c}-{i}@crash.example.com");
                    let body = format!(r#"{{"email":"{email}","role":"member"}}"#);
                    let auth = format!("Bearer {token}");
                    match try_send_text(
                        port,
                        "POST",
                        &format!("/v1/workspaces/{ws}/invitations"),
                        Some(&auth),
                        Some(&body),
                    ) {
                        Some((200, _)) => acked.lock().unwrap().push(email),
                        Some((status, text)) => panic!("{status} {text}"),
                        None => break, // killed: this one was never acknowledged
                    }
                }
            })
        })
        .collect();
    // Kill (SIGKILL) once a fair number of commands are acknowledged, mid-load.
    while acked.lock().unwrap().len() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    server.kill();
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    let restarted = Server::start(&url);
    let stored = invitation_emails(&restarted, &owner, &ws);
    for email in &acked {
        assert!(
            stored.contains(email),
            "acknowledged {email} survives the kill"
        );
    }
    // At most the commands in flight were written without their answer; each whole.
    assert!(
        stored.len() <= acked.len() + 4,
        "{} stored, {} acknowledged",
        stored.len(),
        acked.len()
    );
    let replay = check_replay(&url, std::slice::from_ref(&ws));
    assert_eq!(
        replay[0].1,
        1 + stored.len(),
        "one log entry per stored invitation"
    );
    // The restarted service goes on from the stored version.
    let (status, _) = restarted.send(
        "POST",
        &format!("/v1/workspaces/{ws}/invitations"),
        Some(&owner.token),
        Some(r#"{"email":"after@crash.example.com","role":"member"}"#),
    );
    assert_eq!(status, 200);
}
