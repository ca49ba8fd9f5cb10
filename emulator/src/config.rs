//! The emulator's settings, from the command line and the environment.

use std::time::Duration;

use crate::log::LogLevel;

/// The account the emulator serves when none is given. Its token is in [`USAGE`]
/// and the documentation, not in the banner.
pub const DEMO_ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
/// The demo account's auth token.
pub const DEMO_AUTH_TOKEN: &str = "emulator-demo-auth-token";
/// The port when `--port` is not given.
pub const DEFAULT_PORT: u16 = 4010;
/// The largest request body read, in bytes; a larger one is answered 413.
pub const BODY_LIMIT: usize = 1 << 20;

/// How the emulator runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The port on 127.0.0.1; 0 asks the system for any free one.
    pub port: u16,
    /// The account SID that HTTP Basic auth expects as the user name.
    pub account_sid: String,
    /// The auth token: Basic auth's password, and the key callbacks are signed with.
    pub auth_token: String,
    /// Whether the account is the demo one, because none was given.
    pub demo_account: bool,
    /// The time between a build's status changes (enqueued, building, completed).
    pub step: Duration,
    /// How much the binary logs to stderr.
    pub log_level: LogLevel,
    /// How many connections are served at once. Past it, new connections wait in
    /// the system's accept queue until one closes.
    pub max_connections: usize,
    /// How long a client has to send a request's headers, and how long an idle
    /// keep-alive connection stays open.
    pub header_timeout: Duration,
    /// How long a request may take once its headers are in, its body included;
    /// past it the answer is 408.
    pub request_timeout: Duration,
    /// On shutdown, how long requests in flight have to finish.
    pub shutdown_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            port: DEFAULT_PORT,
            account_sid: DEMO_ACCOUNT_SID.into(),
            auth_token: DEMO_AUTH_TOKEN.into(),
            demo_account: true,
            step: Duration::from_secs(2),
            log_level: LogLevel::Info,
            max_connections: 512,
            header_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(30),
            shutdown_timeout: Duration::from_secs(5),
        }
    }
}

/// What `--help` prints.
pub const USAGE: &str = "\
usage: modelbuild-emulator [--port N] [--account-sid AC...] [--auth-token T] [options]

  --port N                 listen on 127.0.0.1:N (0: any free port; default 4010)
  --account-sid S          the account SID clients authenticate as (or TWILIO_ACCOUNT_SID)
  --auth-token T           its auth token, which also signs the callbacks (or TWILIO_AUTH_TOKEN)
                           without both: the demo account AC0123456789abcdef0123456789abcdef,
                           auth token emulator-demo-auth-token
  --step-ms MS             milliseconds between a build's status changes (default 2000)
  --log-level L            error, warn, info or debug, to stderr (default info)
  --max-connections N      connections served at once; more wait to be accepted (default 512)
  --header-timeout-ms MS   time to send a request's headers, and to stay idle (default 30000)
  --request-timeout-ms MS  time for the rest of a request, body included (default 30000)
  --shutdown-timeout-ms MS on SIGTERM or Ctrl-C, time for requests in flight (default 5000)";

impl Config {
    /// Reads `args` (without the program name), then `env` for what they leave out
    /// (`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`), then the demo defaults. `Ok(None)`
    /// asks for the usage text.
    pub fn from_args(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Config>, String> {
        let mut config = Config::default();
        let mut account_sid = None;
        let mut auth_token = None;
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let text = |args: &mut dyn Iterator<Item = String>| {
                args.next().ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "--port" => {
                    let text = text(&mut args)?;
                    config.port = text
                        .parse()
                        .map_err(|_| format!("--port {text:?} is not a port (0 to 65535)"))?;
                }
                "--account-sid" => account_sid = Some(text(&mut args)?),
                "--auth-token" => auth_token = Some(text(&mut args)?),
                "--step-ms" => config.step = millis(&flag, &text(&mut args)?, 0)?,
                "--log-level" => config.log_level = text(&mut args)?.parse()?,
                "--max-connections" => {
                    let text = text(&mut args)?;
                    config.max_connections = text
                        .parse()
                        .ok()
                        .filter(|n| (1..=MAX_CONNECTIONS).contains(n))
                        .ok_or_else(|| {
                            format!("--max-connections {text:?} is not a number from 1 to {MAX_CONNECTIONS}")
                        })?;
                }
                "--header-timeout-ms" => config.header_timeout = millis(&flag, &text(&mut args)?, 1)?,
                "--request-timeout-ms" => config.request_timeout = millis(&flag, &text(&mut args)?, 1)?,
                "--shutdown-timeout-ms" => config.shutdown_timeout = millis(&flag, &text(&mut args)?, 0)?,
                "-h" | "--help" => return Ok(None),
                other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
            }
        }
        let account_sid = account_sid.or_else(|| env("TWILIO_ACCOUNT_SID"));
        let auth_token = auth_token.or_else(|| env("TWILIO_AUTH_TOKEN"));
        match (account_sid, auth_token) {
            (None, None) => {}
            (Some(sid), Some(token)) => {
                if !modelbuild::rules::is_sid(&sid, "AC") {
                    return Err(format!(
                        "the account SID {sid:?} is not \"AC\" followed by 32 hexadecimal digits"
                    ));
                }
                if token.is_empty() {
                    return Err("the auth token is empty".into());
                }
                config.account_sid = sid;
                config.auth_token = token;
                config.demo_account = false;
            }
            (Some(_), None) => {
                return Err(
                    "an account SID needs its auth token too (--auth-token or TWILIO_AUTH_TOKEN)".into(),
                )
            }
            (None, Some(_)) => {
                return Err(
                    "an auth token needs its account SID too (--account-sid or TWILIO_ACCOUNT_SID)".into(),
                )
            }
        }
        Ok(Some(config))
    }
}

/// The most connections `--max-connections` takes: far more than one process's
/// usual file descriptor limit, and within what a semaphore counts.
const MAX_CONNECTIONS: usize = 1 << 20;

/// A flag's value in milliseconds, at least `min`.
fn millis(flag: &str, text: &str, min: u64) -> Result<Duration, String> {
    text.parse::<u64>()
        .ok()
        .filter(|n| *n >= min)
        .map(Duration::from_millis)
        .ok_or_else(|| format!("{flag} {text:?} is not a number of milliseconds (at least {min})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usage_names_the_demo_account() {
        assert!(USAGE.contains(DEMO_ACCOUNT_SID) && USAGE.contains(DEMO_AUTH_TOKEN));
    }
}
