//! The emulator's log: lines with a level, handed to a sink that must never block.
//!
//! The binary's sink is [`Log::stderr`]: a bounded queue to a thread of its own that
//! writes to stderr. A request only ever tries to queue a line, so a stderr that is
//! slow, full (an unread pipe) or closed costs lines, never a stalled or failed
//! request; the writer ignores write errors and says how many lines it dropped.
//! A test gives [`Log::new`] a closure, or [`Log::discard`].

use std::fmt;
use std::io::Write as _;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use modelbuild::time::OffsetDateTime;

/// How many lines may wait for the writer before new ones are dropped.
const QUEUE: usize = 4096;

/// How much the emulator says; each level includes the ones above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// Only what went wrong in the emulator itself (a panic caught in a handler).
    Error,
    /// Also what it survived: accept errors, timeouts, callbacks that failed.
    Warn,
    /// Also each build created, changed or deleted, each callback, start and stop
    /// (the default).
    Info,
    /// Also every request, with its status.
    Debug,
}

impl LogLevel {
    /// The level's name, as `--log-level` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            LogLevel::Error => "error",
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
            LogLevel::Debug => "debug",
        }
    }
}

impl fmt::Display for LogLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LogLevel {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.to_ascii_lowercase().as_str() {
            "error" => Ok(LogLevel::Error),
            "warn" | "warning" => Ok(LogLevel::Warn),
            "info" => Ok(LogLevel::Info),
            "debug" => Ok(LogLevel::Debug),
            _ => Err(format!(
                "--log-level {text:?} is not one of error, warn, info, debug"
            )),
        }
    }
}

/// Where lines go. `write` must return at once, whatever the destination does.
trait Sink: Send + Sync {
    fn write(&self, level: LogLevel, line: &str);

    /// Waits up to `within` for what is queued to be written.
    fn flush(&self, _within: Duration) {}
}

impl<F: Fn(LogLevel, &str) + Send + Sync> Sink for F {
    fn write(&self, level: LogLevel, line: &str) {
        self(level, line)
    }
}

/// The emulator's log: a level and a sink. Cloning it is cheap.
#[derive(Clone)]
pub struct Log {
    level: Option<LogLevel>,
    sink: Arc<dyn Sink>,
}

impl fmt::Debug for Log {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Log")
            .field("level", &self.level)
            .finish_non_exhaustive()
    }
}

impl Log {
    /// A log that hands each line at `level` or above to `sink`, which must not block.
    pub fn new(level: LogLevel, sink: impl Fn(LogLevel, &str) + Send + Sync + 'static) -> Log {
        Log {
            level: Some(level),
            sink: Arc::new(sink),
        }
    }

    /// A log that keeps nothing.
    pub fn discard() -> Log {
        Log {
            level: None,
            sink: Arc::new(|_: LogLevel, _: &str| {}),
        }
    }

    /// Lines at `level` or above, each stamped with the time and its level, written
    /// to stderr by a thread of its own (see the module's documentation). Should the
    /// thread not start, lines are dropped rather than written in line.
    pub fn stderr(level: LogLevel) -> Log {
        Log {
            level: Some(level),
            sink: Arc::new(Background::start()),
        }
    }

    /// Whether a line at `level` would be kept: a caller can skip building it.
    pub fn enabled(&self, level: LogLevel) -> bool {
        self.level.is_some_and(|kept| level <= kept)
    }

    /// Logs `message` at `level`; it is formatted only when the level is kept.
    pub fn write(&self, level: LogLevel, message: impl fmt::Display) {
        if self.enabled(level) {
            self.sink.write(level, &message.to_string());
        }
    }

    /// Logs at [`LogLevel::Error`].
    pub fn error(&self, message: impl fmt::Display) {
        self.write(LogLevel::Error, message);
    }

    /// Logs at [`LogLevel::Warn`].
    pub fn warn(&self, message: impl fmt::Display) {
        self.write(LogLevel::Warn, message);
    }

    /// Logs at [`LogLevel::Info`].
    pub fn info(&self, message: impl fmt::Display) {
        self.write(LogLevel::Info, message);
    }

    /// Logs at [`LogLevel::Debug`].
    pub fn debug(&self, message: impl fmt::Display) {
        self.write(LogLevel::Debug, message);
    }

    /// Waits up to `within` for queued lines to be written: what a process does
    /// before it exits. A writer stuck on a full pipe is not waited for longer.
    pub fn flush(&self, within: Duration) {
        self.sink.flush(within);
    }
}

/// The stderr sink: a bounded queue and the thread that empties it.
struct Background {
    /// `None` when the writer thread could not start.
    queue: Option<SyncSender<String>>,
    /// Lines queued and not yet written, for `flush`.
    pending: Arc<AtomicUsize>,
    /// Lines dropped since the writer last said so.
    dropped: Arc<AtomicU64>,
}

impl Background {
    fn start() -> Background {
        let (queue, lines) = sync_channel(QUEUE);
        let pending = Arc::new(AtomicUsize::new(0));
        let dropped = Arc::new(AtomicU64::new(0));
        let writer = {
            let (pending, dropped) = (pending.clone(), dropped.clone());
            std::thread::Builder::new()
                .name("emulator-log".into())
                .spawn(move || write_lines(&lines, &pending, &dropped))
        };
        Background {
            queue: writer.is_ok().then_some(queue),
            pending,
            dropped,
        }
    }
}

impl Sink for Background {
    fn write(&self, level: LogLevel, line: &str) {
        let Some(queue) = &self.queue else {
            return;
        };
        let text = format!(
            "{} {:5} {line}\n",
            timestamp(),
            level.as_str().to_ascii_uppercase()
        );
        self.pending.fetch_add(1, Ordering::SeqCst);
        if queue.try_send(text).is_err() {
            self.pending.fetch_sub(1, Ordering::SeqCst);
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn flush(&self, within: Duration) {
        let deadline = Instant::now() + within;
        while self.pending.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

/// The writer thread: each line in turn, errors ignored (a closed stderr has no one to
/// tell), and a note of what was dropped before the next line.
fn write_lines(lines: &Receiver<String>, pending: &AtomicUsize, dropped: &AtomicU64) {
    let stderr = std::io::stderr();
    for line in lines {
        let lost = dropped.swap(0, Ordering::Relaxed);
        if lost > 0 {
            let note = format!(
                "{} WARN  {lost} log lines dropped: stderr was not keeping up\n",
                timestamp()
            );
            let _ = stderr.lock().write_all(note.as_bytes());
        }
        let _ = stderr.lock().write_all(line.as_bytes());
        pending.fetch_sub(1, Ordering::SeqCst);
    }
}

/// `2024-05-04T09:40:12.345Z`.
fn timestamp() -> String {
    let now = OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        now.millisecond()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn levels_filter_and_parse() {
        let kept = Arc::new(Mutex::new(Vec::new()));
        let log = {
            let kept = kept.clone();
            Log::new(LogLevel::Warn, move |level, line| {
                kept.lock().unwrap().push(format!("{level} {line}"))
            })
        };
        log.error("e");
        log.warn(format_args!("w{}", 1));
        log.info("i");
        log.debug("d");
        assert_eq!(*kept.lock().unwrap(), ["error e", "warn w1"]);
        assert!(!Log::discard().enabled(LogLevel::Error));
        assert_eq!("DEBUG".parse(), Ok(LogLevel::Debug));
        assert!("loud"
            .parse::<LogLevel>()
            .unwrap_err()
            .contains("error, warn, info, debug"));
    }

    #[test]
    fn a_full_queue_drops_lines_instead_of_waiting() {
        // No thread reads this queue: every line past its capacity is dropped, and
        // `write` still returns at once.
        let (queue, _lines) = sync_channel(2);
        let sink = Background {
            queue: Some(queue),
            pending: Arc::new(AtomicUsize::new(0)),
            dropped: Arc::new(AtomicU64::new(0)),
        };
        for n in 0..10 {
            sink.write(LogLevel::Info, &format!("line {n}"));
        }
        assert_eq!(sink.pending.load(Ordering::SeqCst), 2);
        assert_eq!(sink.dropped.load(Ordering::Relaxed), 8);
        // Nothing will ever write them: the wait gives up at its bound.
        sink.flush(Duration::from_millis(20));
    }
}
