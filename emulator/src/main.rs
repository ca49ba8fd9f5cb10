//! `modelbuild-emulator`: a local emulator of Twilio's Autopilot v1 ModelBuild API.
//! Run it with `cargo run -p modelbuild-emulator -- --port 0`; its first line of
//! output is `listening on http://127.0.0.1:PORT`. See the library, `modelbuild_emulator`.

#![forbid(unsafe_code)]

use std::process::ExitCode;
use std::sync::Arc;

use modelbuild_emulator::{Config, Emulator, USAGE};

fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1), |name| std::env::var(name).ok()) {
        Ok(Some(config)) => config,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("emulator: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("emulator: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let emulator = match Emulator::bind(config.clone()).await {
            Ok(emulator) => emulator,
            Err(error) => {
                eprintln!("emulator: cannot listen on 127.0.0.1:{}: {error}", config.port);
                return ExitCode::FAILURE;
            }
        };
        for line in emulator.banner() {
            println!("{line}");
        }
        match emulator.serve(Arc::new(|line| println!("{line}"))).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("emulator: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
