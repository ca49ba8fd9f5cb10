//! Serves the signup example on loopback: `cargo run -p modelbuild-example-signup --
//! --port 8080` (any free port without it); the first line says where.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use modelbuild_example_signup::{serve, Db, INVITATIONS};

fn main() -> ExitCode {
    let port = match std::env::args().skip(1).collect::<Vec<_>>().as_slice() {
        [] => 0,
        [flag, port] if flag == "--port" => match port.parse::<u16>() {
            Ok(port) => port,
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let db = match Db::open() {
        Ok(db) => db,
        Err(error) => {
            eprintln!("cannot make the database: {error}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("cannot listen on 127.0.0.1:{port}: {error}");
                return ExitCode::FAILURE;
            }
        };
        if let Ok(address) = listener.local_addr() {
            let codes = INVITATIONS.join(", ");
            println!("listening on http://{address}; POST /signups, invitation codes: {codes}");
        }
        match serve(listener, db).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        }
    })
}

fn usage() -> ExitCode {
    eprintln!("usage: modelbuild-example-signup [--port PORT]");
    ExitCode::from(2)
}
