//! The emulator under load on loopback: fetch throughput and latency at 1, 64 and
//! 256 connections, and what a fetch and a create cost at 100 builds and at 50,000.
//! Bounded: about ten seconds on a 2-core machine.
//!
//! Run with `cargo bench -p modelbuild-benches --bench emulator_load`.
//!
//! Two emulators run in this process on a runtime of their own (two worker threads,
//! as the binary's), one with 100 builds and one with 50,000; the client, hyper's
//! HTTP/1 connections with keep-alive, on another runtime. Every build is in one
//! assistant, the case where a store that walks its builds costs the most. The costs
//! are measured taking turns between the two emulators, request by request, so that
//! a machine busy with something else for a while slows both alike.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use modelbuild_emulator::{Config, Emulator, Log, DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN};
use tokio::net::TcpStream;

const ASSISTANT: &str = "/v1/Assistants/load-test/ModelBuilds";
/// How long each throughput row runs.
const ROW: Duration = Duration::from_secs(2);
/// What the cost comparison sends to each emulator.
const FETCHES: usize = 5_000;
const CREATES: usize = 1_000;

fn main() {
    let server = runtime();
    let addresses = server.block_on(async {
        let mut addresses = Vec::new();
        for _ in 0..2 {
            let config = Config {
                port: 0,
                // The builds stay put: the timeline's cost is not what is measured.
                step: Duration::from_secs(24 * 3600),
                ..Config::default()
            };
            let emulator = Emulator::bind(config).await.expect("bind");
            addresses.push(emulator.address().to_string());
            tokio::spawn(emulator.serve(Log::discard()));
        }
        addresses
    });
    runtime().block_on(measure(&addresses[0], &addresses[1]));
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime")
}

async fn measure(small: &str, large: &str) {
    let auth = authorization();
    let small = Client {
        address: small.to_owned(),
        auth: auth.clone(),
    };
    let large = Client {
        address: large.to_owned(),
        auth,
    };
    let small_sids = small.fill(100).await;
    let large_sids = large.fill(50_000).await;

    println!(
        "fetch by SID, {} builds, {} s a row:\n",
        small_sids.len(),
        ROW.as_secs()
    );
    println!("| connections | requests/s | p50 | p99 |");
    println!("|---:|---:|---:|---:|");
    let paths = Arc::new(
        small_sids
            .iter()
            .map(|sid| format!("{ASSISTANT}/{sid}"))
            .collect::<Vec<_>>(),
    );
    for connections in [1, 64, 256] {
        let (count, elapsed, mut latencies) = small.load(connections, paths.clone()).await;
        latencies.sort();
        println!(
            "| {connections} | {:.0} | {} | {} |",
            count as f64 / elapsed.as_secs_f64(),
            show(percentile(&latencies, 0.50)),
            show(percentile(&latencies, 0.99)),
        );
    }

    let [mut at_small, mut at_large] = costs_in_turn([(&small, &small_sids), (&large, &large_sids)]).await;
    for costs in [&mut at_small, &mut at_large] {
        costs.fetches.sort();
        costs.creates.sort();
    }
    println!(
        "\none connection to each, one request at a time, taking turns: {FETCHES} fetches of random \
         builds, then {CREATES} creates with a unique name, on each:\n"
    );
    println!("| operation | at 100 builds: p50 / p99 | at 50,000: p50 / p99 | p50 at 50,000 / at 100 |");
    println!("|---|---:|---:|---:|");
    for (name, small, large) in [
        ("fetch", &at_small.fetches, &at_large.fetches),
        ("create", &at_small.creates, &at_large.creates),
    ] {
        println!(
            "| {name} | {} / {} | {} / {} | {:.2}× |",
            show(percentile(small, 0.5)),
            show(percentile(small, 0.99)),
            show(percentile(large, 0.5)),
            show(percentile(large, 0.99)),
            percentile(large, 0.5).as_secs_f64() / percentile(small, 0.5).as_secs_f64()
        );
    }
}

#[derive(Clone)]
struct Client {
    address: String,
    auth: String,
}

impl Client {
    async fn connect(&self) -> SendRequest<Full<Bytes>> {
        let stream = TcpStream::connect(&self.address).await.expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        let (sender, connection) = http1::handshake(TokioIo::new(stream)).await.expect("handshake");
        tokio::spawn(connection);
        sender
    }

    fn request(&self, method: Method, path: &str, form: &str) -> Request<Full<Bytes>> {
        Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.address)
            .header("authorization", &self.auth)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Full::new(Bytes::from(form.to_owned())))
            .expect("a request")
    }

    /// Sends one request and reads the whole answer; its time, and the body.
    async fn call(
        &self,
        sender: &mut SendRequest<Full<Bytes>>,
        request: Request<Full<Bytes>>,
        expect: StatusCode,
    ) -> (Duration, Bytes) {
        let started = Instant::now();
        sender.ready().await.expect("ready");
        let response = sender.send_request(request).await.expect("an answer");
        let status = response.status();
        let body = response.into_body().collect().await.expect("a body").to_bytes();
        let took = started.elapsed();
        assert_eq!(status, expect, "{}", String::from_utf8_lossy(&body));
        (took, body)
    }

    /// Creates `count` builds over 64 connections, and gives their SIDs.
    async fn fill(&self, count: usize) -> Vec<String> {
        let left = Arc::new(AtomicUsize::new(count));
        let mut tasks = Vec::new();
        for _ in 0..64 {
            let (left, client) = (left.clone(), self.clone());
            tasks.push(tokio::spawn(async move {
                let mut sender = client.connect().await;
                let mut sids = Vec::new();
                while left
                    .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                    .is_ok()
                {
                    let request = client.request(Method::POST, ASSISTANT, &new_name());
                    let (_, body) = client.call(&mut sender, request, StatusCode::CREATED).await;
                    sids.push(sid_of(&body));
                }
                sids
            }));
        }
        let mut sids = Vec::new();
        for task in tasks {
            sids.extend(task.await.expect("a filler"));
        }
        sids
    }

    /// `connections` clients fetching random builds for [`ROW`]: how many answers,
    /// in how long, and each one's time.
    async fn load(&self, connections: usize, paths: Arc<Vec<String>>) -> (usize, Duration, Vec<Duration>) {
        let started = Instant::now();
        let deadline = started + ROW;
        let mut tasks = Vec::new();
        for _ in 0..connections {
            let paths = paths.clone();
            let client = self.clone();
            tasks.push(tokio::spawn(async move {
                let mut sender = client.connect().await;
                let mut times = Vec::new();
                while Instant::now() < deadline {
                    let path = &paths[rand_u64() as usize % paths.len()];
                    let request = client.request(Method::GET, path, "");
                    times.push(client.call(&mut sender, request, StatusCode::OK).await.0);
                }
                times
            }));
        }
        let mut times = Vec::new();
        for task in tasks {
            times.extend(task.await.expect("a client"));
        }
        (times.len(), started.elapsed(), times)
    }
}

/// What a fetch and a create cost on each of two emulators.
#[derive(Default)]
struct Costs {
    fetches: Vec<Duration>,
    creates: Vec<Duration>,
}

/// One connection to each emulator, one request at a time, taking turns: [`FETCHES`]
/// fetches of random builds, then [`CREATES`] creates, on each. Each pair of
/// requests is sent microseconds apart, so whatever else the machine does slows both
/// alike. It runs on a task of the client's runtime, as the connections of `load`
/// do, not on the thread that waits for the whole run.
async fn costs_in_turn(pair: [(&Client, &[String]); 2]) -> [Costs; 2] {
    let pair = pair.map(|(client, sids)| (client.clone(), sids.to_vec()));
    tokio::spawn(async move {
        let mut senders = Vec::new();
        for (client, _) in &pair {
            senders.push(client.connect().await);
        }
        let mut costs = [Costs::default(), Costs::default()];
        for _ in 0..FETCHES {
            for ((client, sids), (sender, costs)) in pair.iter().zip(senders.iter_mut().zip(&mut costs)) {
                let path = format!("{ASSISTANT}/{}", sids[rand_u64() as usize % sids.len()]);
                let request = client.request(Method::GET, &path, "");
                costs
                    .fetches
                    .push(client.call(sender, request, StatusCode::OK).await.0);
            }
        }
        for _ in 0..CREATES {
            for ((client, _), (sender, costs)) in pair.iter().zip(senders.iter_mut().zip(&mut costs)) {
                let request = client.request(Method::POST, ASSISTANT, &new_name());
                costs
                    .creates
                    .push(client.call(sender, request, StatusCode::CREATED).await.0);
            }
        }
        costs
    })
    .await
    .expect("the costs")
}

fn authorization() -> String {
    use base64::Engine as _;
    let pair = format!("{DEMO_ACCOUNT_SID}:{DEMO_AUTH_TOKEN}");
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
}

/// A form with a unique name no build has yet.
fn new_name() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("UniqueName=load-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

fn sid_of(body: &[u8]) -> String {
    let build: serde_json::Value = serde_json::from_slice(body).expect("a build");
    build["sid"].as_str().expect("a SID").to_owned()
}

/// A fast random number, different on each thread; a bench needs spread, not secrecy.
fn rand_u64() -> u64 {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new(
            std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), 0u8) | 1
        );
    }
    STATE.with(|state| {
        let mut x = state.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        state.set(x);
        x
    })
}

fn percentile(sorted: &[Duration], at: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() - 1) as f64 * at).round() as usize;
    sorted[index]
}

fn show(time: Duration) -> String {
    let micros = time.as_secs_f64() * 1e6;
    if micros < 1000.0 {
        format!("{micros:.0} µs")
    } else {
        format!("{:.2} ms", micros / 1000.0)
    }
}
