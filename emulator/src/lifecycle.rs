//! A build's life on a timer, and its StatusCallbacks sent beside it.
//!
//! The timeline never waits for a callback: each status change is queued to the
//! build's own delivery task, which POSTs them one after the other (so a receiver
//! sees them in order) while the next change comes on time. A receiver that never
//! answers delays only its own later callbacks, each by at most the callback timeout.

use modelbuild::model_build::datetime;
use modelbuild::ModelBuild;
use tokio::sync::mpsc;

use crate::callback_url::CallbackUrl;
use crate::shutdown::{first, First};
use crate::store::next_status;
use crate::App;

/// Moves the build `sid` through its statuses, one step apart, queuing a callback
/// after each change; stops early if the build is deleted or the emulator stops.
pub async fn run(app: App, assistant: String, sid: String, callback: Option<CallbackUrl>) {
    let deliveries = callback.map(|url| Deliveries::start(&app, url));
    loop {
        let step = tokio::time::sleep(app.config().step);
        if let First::Right(()) = first(step, app.stop().wait()).await {
            return;
        }
        let Some(changed) = app.store().advance(&assistant, &sid, datetime::now()) else {
            return;
        };
        let status = changed.status.clone();
        let name = status.as_ref().map_or("", |s| s.as_str());
        app.log().info(format_args!("{sid} is {name}"));
        if let Some(deliveries) = &deliveries {
            deliveries.push(&app, changed);
        }
        if status.as_ref().and_then(next_status).is_none() {
            return;
        }
    }
}

/// The queue of one build's callbacks.
struct Deliveries {
    queue: mpsc::UnboundedSender<ModelBuild>,
}

impl Deliveries {
    fn start(app: &App, url: CallbackUrl) -> Deliveries {
        let (queue, builds) = mpsc::unbounded_channel();
        tokio::spawn(deliver(app.clone(), url, builds));
        Deliveries { queue }
    }

    fn push(&self, app: &App, build: ModelBuild) {
        app.undelivered(1);
        if self.queue.send(build).is_err() {
            // The delivery task ended (the emulator is stopping): nothing will send it.
            app.delivered(1);
        }
    }
}

/// POSTs each queued state in turn until the queue closes or the emulator stops; on
/// a stop, what is in flight is dropped (its connection closed) and said so.
async fn deliver(app: App, url: CallbackUrl, mut builds: mpsc::UnboundedReceiver<ModelBuild>) {
    while let Some(build) = builds.recv().await {
        let sid = build.sid.as_deref().unwrap_or("");
        let status = build.status.as_ref().map_or("", |s| s.as_str());
        let sent = first(app.callbacks().send_to(&url, &build), app.stop().wait()).await;
        app.delivered(1);
        match sent {
            First::Left(Ok(outcome)) => app
                .log()
                .info(format_args!("callback for {sid} ({status}): {outcome}")),
            First::Left(Err(failure)) => app
                .log()
                .warn(format_args!("callback for {sid} ({status}): {failure}")),
            First::Right(()) => {
                builds.close();
                let mut dropped = 1;
                while builds.try_recv().is_ok() {
                    dropped += 1;
                }
                app.delivered(dropped - 1);
                app.log().info(format_args!(
                    "callback for {sid} ({status}) to {url} abandoned, with {} queued after it: the emulator is stopping",
                    dropped - 1
                ));
                return;
            }
        }
    }
}
