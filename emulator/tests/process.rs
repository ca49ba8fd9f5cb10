//! The emulator's binary as a process meets it on a shared box: a closed or unread
//! stdout, too few file descriptors, SIGTERM. Each test starts the real binary as a
//! child and talks to it over loopback with plain blocking sockets. They need a Unix
//! shell (`sh`, `ulimit`, `kill`).

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStderr, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use modelbuild_emulator::{DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN};

const BINARY: &str = env!("CARGO_BIN_EXE_modelbuild-emulator");
/// How long any one thing the tests wait for may take before they give up.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running emulator, killed when dropped.
struct Emulator {
    child: Child,
    address: String,
    stdout: Option<ChildStdout>,
    stderr: Option<ChildStderr>,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Emulator {
    /// Starts `command` (the binary, or a shell that execs it), reads the banner's
    /// first line for the address, and leaves stdout and stderr unread.
    fn start(mut command: Command) -> Emulator {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let first = read_line_within(&mut stdout, PATIENCE);
        let address = first
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("a banner, not {first:?}"))
            .trim()
            .to_owned();
        Emulator {
            stderr: child.stderr.take(),
            child,
            address,
            stdout: Some(stdout),
        }
    }

    fn binary(args: &[&str]) -> Emulator {
        let mut command = Command::new(BINARY);
        command.args(["--port", "0"]).args(args);
        Emulator::start(command)
    }

    /// One request on a connection of its own: the status and the body.
    fn request(&self, method: &str, path: &str, body: &str) -> Result<(u16, String), String> {
        let mut stream = TcpStream::connect(&self.address).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nhost: {}\r\nauthorization: {}\r\nconnection: close\r\n\
             content-type: application/x-www-form-urlencoded\r\ncontent-length: {}\r\n\r\n{body}",
            self.address,
            basic_auth(),
            body.len()
        )
        .map_err(|e| e.to_string())?;
        answer(&mut stream)
    }

    fn create(&self, form: &str) -> Result<(u16, String), String> {
        self.request("POST", "/v1/Assistants/process-test/ModelBuilds", form)
    }

    /// Whether it still runs.
    fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Waits for it to exit, and gives its exit status and everything it wrote to
    /// stderr.
    fn wait_for_exit(&mut self) -> (std::process::ExitStatus, String) {
        let started = Instant::now();
        while self.is_running() {
            assert!(started.elapsed() < PATIENCE, "still running after {PATIENCE:?}");
            thread::sleep(Duration::from_millis(20));
        }
        let mut log = String::new();
        if let Some(mut stderr) = self.stderr.take() {
            stderr.read_to_string(&mut log).unwrap();
        }
        (self.child.wait().unwrap(), log)
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

fn basic_auth() -> String {
    use base64::Engine as _;
    let pair = format!("{DEMO_ACCOUNT_SID}:{DEMO_AUTH_TOKEN}");
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
}

/// Reads an answer to its end: the status and the body.
fn answer(stream: &mut TcpStream) -> Result<(u16, String), String> {
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&bytes);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or(format!("no answer: {text:?}"))?;
    let status = head
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or(format!("{head:?}"))?;
    Ok((status, body.to_owned()))
}

/// The first line `from` gives within `wait` (read on a thread, so a child that never
/// writes fails the test instead of hanging it).
fn read_line_within(from: &mut ChildStdout, wait: Duration) -> String {
    let (sent, line) = mpsc::channel();
    let mut reader = BufReader::new(from);
    thread::scope(|scope| {
        scope.spawn(move || {
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            let _ = sent.send(first);
        });
        line.recv_timeout(wait).unwrap_or_default()
    })
}

fn sid_of(body: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    value["sid"].as_str().unwrap().to_owned()
}

/// Polls the build until its status is `status`.
fn wait_for_status(emulator: &Emulator, sid: &str, status: &str) {
    let started = Instant::now();
    let path = format!("/v1/Assistants/process-test/ModelBuilds/{sid}");
    loop {
        let (code, body) = emulator.request("GET", &path, "").unwrap();
        assert_eq!(code, 200, "{body}");
        if body.contains(&format!("\"status\":\"{status}\"")) {
            return;
        }
        assert!(started.elapsed() < PATIENCE, "{sid} is not {status}: {body}");
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_closed_stdout_and_stderr_lose_no_build() {
    let mut emulator = Emulator::binary(&["--step-ms", "20"]);
    // Both read ends closed: every write to them is an error from now on.
    drop(emulator.stdout.take());
    drop(emulator.stderr.take());
    let mut sids = Vec::new();
    for n in 0..20 {
        let (status, body) = emulator.create(&format!("UniqueName=closed-{n}")).unwrap();
        assert_eq!(status, 201, "{body}");
        sids.push(sid_of(&body));
    }
    for sid in &sids {
        wait_for_status(&emulator, sid, "completed");
    }
    assert!(emulator.is_running());
}

#[test]
fn an_unread_stdout_and_stderr_never_hold_up_a_request() {
    // A pipe holds 64 KiB; a thousand creates log about twice that.
    let emulator = Emulator::binary(&[]);
    let name = "n".repeat(60);
    for n in 0..1000 {
        let form = format!("UniqueName={name}{n}");
        let (status, body) = emulator
            .create(&form)
            .unwrap_or_else(|e| panic!("create {n}: {e}"));
        assert_eq!(status, 201, "{body}");
    }
}

#[test]
fn out_of_file_descriptors_it_waits_and_recovers() {
    let mut command = Command::new("sh");
    command
        .args(["-c", "ulimit -n 64 && exec \"$0\" \"$@\"", BINARY])
        .args(["--port", "0"]);
    let mut emulator = Emulator::start(command);
    // More connections than it has descriptors for: it runs out while accepting them.
    let held: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(&emulator.address).unwrap())
        .collect();
    thread::sleep(Duration::from_millis(300));
    assert!(
        emulator.is_running(),
        "the emulator exited when it ran out of descriptors"
    );
    drop(held);
    let (status, body) = emulator.create("UniqueName=after").unwrap();
    assert_eq!(status, 201, "{body}");
    assert!(emulator.is_running());
    emulator.terminate();
    let (exit, log) = emulator.wait_for_exit();
    assert!(exit.success(), "{exit}: {log}");
    assert!(log.contains("accept failed: "), "{log}");
    assert!(log.contains("accepting again"), "{log}");
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_then_exits_0() {
    let mut emulator = Emulator::binary(&[]);
    let body = "UniqueName=in-flight";
    let mut stream = TcpStream::connect(&emulator.address).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "POST /v1/Assistants/process-test/ModelBuilds HTTP/1.1\r\nhost: {}\r\nauthorization: {}\r\n\
         content-type: application/x-www-form-urlencoded\r\ncontent-length: {}\r\n\r\n{}",
        emulator.address,
        basic_auth(),
        body.len(),
        &body[..5]
    )
    .unwrap();
    thread::sleep(Duration::from_millis(200));
    emulator.terminate();
    thread::sleep(Duration::from_millis(200));
    // The request was under way: it is served, then the connection closes.
    stream.write_all(&body.as_bytes()[5..]).unwrap();
    let (status, answer_body) = answer(&mut stream).unwrap();
    assert_eq!(status, 201, "{answer_body}");
    let (exit, log) = emulator.wait_for_exit();
    assert_eq!(exit.code(), Some(0), "{log}");
    assert!(log.contains("SIGTERM received"), "{log}");
    assert!(log.contains("stopped: every connection is closed"), "{log}");
}

#[test]
fn sigterm_abandons_the_callbacks_in_flight_and_says_so() {
    // A receiver that accepts and never answers: the callback stays in flight.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/callbacks", silent.local_addr().unwrap());
    let mut emulator = Emulator::binary(&["--step-ms", "20"]);
    let form = format!("StatusCallback={}", url.replace(':', "%3A").replace('/', "%2F"));
    let (status, body) = emulator.create(&form).unwrap();
    assert_eq!(status, 201, "{body}");
    let (_held, _) = silent.accept().unwrap();
    emulator.terminate();
    let (exit, log) = emulator.wait_for_exit();
    assert_eq!(exit.code(), Some(0), "{log}");
    // The first callback in flight, and the next one queued behind it if its step came.
    let abandoned = log
        .split("callbacks not yet delivered, abandoned: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|count| count.parse::<u32>().ok());
    assert!(matches!(abandoned, Some(1 | 2)), "{log}");
}
