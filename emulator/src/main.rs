//! `modelbuild-emulator`: a local emulator of Twilio's Autopilot v1 ModelBuild API.
//! Run it with `cargo run -p modelbuild-emulator -- --port 0`; its first line of
//! output is `listening on http://127.0.0.1:PORT`. See the library, `modelbuild_emulator`.
//!
//! Nothing here writes to stdout or stderr in a way that can block or panic: the
//! banner goes out on a thread of its own, the log through a bounded queue, and
//! every write error is ignored (there is no one left to tell).

#![forbid(unsafe_code)]

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use modelbuild_emulator::{os_signal, Config, Emulator, Log, USAGE};

fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1), |name| std::env::var(name).ok()) {
        Ok(Some(config)) => config,
        Ok(None) => {
            let _ = writeln!(std::io::stdout(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "emulator: {message}");
            return ExitCode::from(2);
        }
    };
    let log = Log::stderr(config.log_level);
    {
        // A panic's report goes through the log too: the default hook writes to
        // stderr in line, which an unread pipe would block.
        let log = log.clone();
        std::panic::set_hook(Box::new(move |info| log.error(format_args!("panic: {info}"))));
    }
    let code = run(config, &log);
    log.flush(Duration::from_secs(1));
    code
}

fn run(config: Config, log: &Log) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            log.error(format_args!("cannot start the runtime: {error}"));
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let emulator = match Emulator::bind(config.clone()).await {
            Ok(emulator) => emulator,
            Err(error) => {
                log.error(format_args!(
                    "cannot listen on 127.0.0.1:{}: {error}",
                    config.port
                ));
                return ExitCode::FAILURE;
            }
        };
        print_banner(emulator.banner());
        let stop_log = log.clone();
        let shutdown = async move {
            let signal = os_signal().await;
            stop_log.info(format_args!("{signal} received"));
        };
        emulator.serve_until(log.clone(), shutdown).await;
        ExitCode::SUCCESS
    })
}

/// Writes the banner to stdout from a thread of its own, so that a full pipe cannot
/// hold up the server and a closed one is only a write error, ignored.
fn print_banner(lines: Vec<String>) {
    let printing = std::thread::Builder::new()
        .name("emulator-banner".into())
        .spawn(move || {
            let mut stdout = std::io::stdout().lock();
            for line in lines {
                if writeln!(stdout, "{line}").is_err() {
                    return;
                }
            }
            let _ = stdout.flush();
        });
    // Without a thread there is no banner; the log still says where it listens.
    drop(printing);
}
