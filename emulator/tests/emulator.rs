//! The ModelBuild API emulator, started on an ephemeral port and driven over HTTP with
//! reqwest: every operation, the auth failure, every error body, paging across pages,
//! and the signed StatusCallbacks of a build's life, checked by a receiver of our own.

use std::collections::HashMap;
use std::time::Duration;

use axum::extract::rejection::FormRejection;
use axum::routing::post;
use axum::{Form, Router};
use modelbuild::axum::{Signed, SignedRejection, TwilioWebhook};
use modelbuild::model_build::datetime;
use modelbuild::signature::{AuthToken, HEADER};
use modelbuild::{ModelBuild, ModelBuildPage, ModelBuildStatus, TwilioError, Valid};
use modelbuild_emulator::{Config, Emulator, Log, LogLevel, DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN};
use reqwest::{Client, Method, StatusCode};
use serde_json::Value;
use tokio::sync::mpsc;

const ACCOUNT: &str = "ACfedcba9876543210fedcba9876543210";
const TOKEN: &str = "test-token";
const ASSISTANT: &str = "UAfedcba9876543210fedcba9876543210";

struct Server {
    base: String,
    client: Client,
}

struct Answer {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Answer {
    fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn twilio_error(&self) -> TwilioError {
        let error: TwilioError = self.json();
        assert_eq!(error.status, self.status.as_u16(), "{}", self.body);
        assert_eq!(
            error.more_info,
            format!("https://www.twilio.com/docs/errors/{}", error.code)
        );
        error
    }
}

impl Server {
    async fn start(step: Duration) -> Server {
        Server::start_with(Config {
            step,
            ..Config::default()
        })
        .await
    }

    /// An emulator with `config`, on an ephemeral port, for the test account.
    async fn start_with(config: Config) -> Server {
        let config = Config {
            port: 0,
            account_sid: ACCOUNT.into(),
            auth_token: TOKEN.into(),
            demo_account: false,
            ..config
        };
        let emulator = Emulator::bind(config).await.unwrap();
        let base = emulator.base_url();
        assert_eq!(emulator.banner()[0], format!("listening on {base}"));
        tokio::spawn(emulator.serve(Log::discard()));
        Server {
            base,
            client: Client::new(),
        }
    }

    fn builds(&self) -> String {
        format!("{}/v1/Assistants/{ASSISTANT}/ModelBuilds", self.base)
    }

    async fn call(
        &self,
        method: Method,
        url: &str,
        form: Option<&str>,
        auth: Option<(&str, &str)>,
    ) -> Answer {
        let mut request = self.client.request(method, url);
        if let Some((user, password)) = auth {
            request = request.basic_auth(user, Some(password));
        }
        if let Some(form) = form {
            request = request
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form.to_owned());
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.text().await.unwrap();
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn send(&self, method: Method, url: &str, form: Option<&str>) -> Answer {
        self.call(method, url, form, Some((ACCOUNT, TOKEN))).await
    }
}

fn run<F: std::future::Future>(test: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(test)
}

/// A build answered by the emulator: our type reads it and finds it valid.
fn build(answer: &Answer) -> ModelBuild {
    Valid::<ModelBuild>::new(answer.json()).unwrap().into_inner()
}

#[test]
fn every_operation_at_the_spec_paths() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        let created = server
            .send(Method::POST, &server.builds(), Some("UniqueName=nightly"))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        assert_eq!(created.headers["content-type"], "application/json");
        let one = build(&created);
        let sid = one.sid.clone().unwrap();
        assert!(modelbuild::rules::is_sid(&sid, "UG"));
        assert_eq!(one.account_sid.as_deref(), Some(ACCOUNT));
        assert_eq!(one.assistant_sid.as_deref(), Some(ASSISTANT));
        assert_eq!(one.status, Some(ModelBuildStatus::Enqueued));
        assert_eq!(
            one.url.as_deref(),
            Some(format!("{}/{sid}", server.builds()).as_str())
        );
        // Stamped in whole seconds, as Twilio's clients need.
        let raw: Value = created.json();
        let stamp = raw["date_created"].as_str().unwrap();
        assert!(stamp.ends_with('Z') && !stamp.contains('.'), "{stamp}");
        assert_eq!(datetime::format(one.date_created.unwrap()), raw["date_created"]);

        let by_sid = server
            .send(Method::GET, &format!("{}/{sid}", server.builds()), None)
            .await;
        assert_eq!((by_sid.status, build(&by_sid)), (StatusCode::OK, one.clone()));
        let by_name = server
            .send(Method::GET, &format!("{}/nightly", server.builds()), None)
            .await;
        assert_eq!(build(&by_name).sid.as_deref(), Some(sid.as_str()));

        let updated = server
            .send(
                Method::POST,
                &format!("{}/{sid}", server.builds()),
                Some("UniqueName=weekly"),
            )
            .await;
        assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
        assert_eq!(build(&updated).unique_name.as_deref(), Some("weekly"));

        let listed = server.send(Method::GET, &server.builds(), None).await;
        let page: ModelBuildPage = listed.json();
        assert_eq!(page.model_builds.len(), 1);
        assert_eq!(page.model_builds[0].unique_name.as_deref(), Some("weekly"));

        let deleted = server
            .send(Method::DELETE, &format!("{}/weekly", server.builds()), None)
            .await;
        assert_eq!(
            (deleted.status, deleted.body.as_str()),
            (StatusCode::NO_CONTENT, "")
        );
        let gone = server
            .send(Method::GET, &format!("{}/{sid}", server.builds()), None)
            .await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
        assert_eq!(gone.twilio_error().code, 20404);

        // An assistant named by its unique name is one assistant, percent-encoded or not.
        let named = format!("{}/v1/Assistants/support%20bot/ModelBuilds", server.base);
        let first = build(&server.send(Method::POST, &named, Some("")).await);
        let again = server
            .send(Method::GET, &format!("{named}/{}", first.sid.unwrap()), None)
            .await;
        assert_eq!(again.status, StatusCode::OK);
    })
}

#[test]
fn wrong_or_missing_credentials_are_twilios_20003() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        for auth in [
            None,
            Some((ACCOUNT, "wrong")),
            Some((DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN)),
            Some((TOKEN, ACCOUNT)),
        ] {
            for (method, url) in [
                (Method::GET, server.builds()),
                (Method::POST, server.builds()),
                (Method::GET, format!("{}/v1/x", server.base)),
            ] {
                let answer = server
                    .call(method.clone(), &url, Some("UniqueName=x"), auth)
                    .await;
                assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{method} {url} {auth:?}");
                let error = answer.twilio_error();
                assert_eq!((error.code, error.message.as_str()), (20003, "Authenticate"));
                assert_eq!(answer.headers["www-authenticate"], "Basic realm=\"Twilio API\"");
            }
        }
        // Nothing was created by the refused requests.
        let page: ModelBuildPage = server.send(Method::GET, &server.builds(), None).await.json();
        assert!(page.model_builds.is_empty());
    })
}

#[test]
fn every_error_body() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        let long = "x".repeat(65);
        let invalid = [
            (
                format!("UniqueName={long}"),
                "Invalid parameter: UniqueName: must be at most 64 characters long",
            ),
            (
                "StatusCallback=ftp%3A%2F%2Fexample.com".to_owned(),
                "Invalid parameter: StatusCallback: must be a URI with one of the schemes https, http",
            ),
            (
                "UniqueName=a&UniqueName=b".to_owned(),
                "Invalid parameter: UniqueName: is given more than once",
            ),
            (
                "UniqueName=%zz".to_owned(),
                "Invalid parameter: UniqueName: has a bad percent-escape at byte 11",
            ),
            (
                "Unique=a".to_owned(),
                "Invalid parameter: Unique: is not a field here; the fields are StatusCallback, UniqueName",
            ),
            // Every bad parameter at once.
            (
                format!("Unique=a&StatusCallback=ftp%3A%2F%2Fx&UniqueName={long}"),
                "Invalid parameter: Unique: is not a field here; the fields are StatusCallback, UniqueName; \
                 StatusCallback: must be a URI with one of the schemes https, http",
            ),
        ];
        for (form, message) in &invalid {
            let answer = server.send(Method::POST, &server.builds(), Some(form)).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{form}");
            let error = answer.twilio_error();
            assert_eq!(error.code, 20422);
            assert!(error.message.starts_with(message), "{form}: {}", error.message);
        }
        let taken = build(
            &server
                .send(Method::POST, &server.builds(), Some("UniqueName=taken"))
                .await,
        );
        let twice = server
            .send(Method::POST, &server.builds(), Some("UniqueName=taken"))
            .await;
        assert_eq!(twice.twilio_error().code, 20422);
        let update = server
            .send(
                Method::POST,
                &format!("{}/{}", server.builds(), taken.sid.unwrap()),
                Some(&format!("UniqueName={long}")),
            )
            .await;
        assert_eq!(
            (update.status, update.twilio_error().code),
            (StatusCode::BAD_REQUEST, 20422)
        );

        for query in [
            "PageSize=0",
            "PageSize=1001",
            "Page=-1",
            "PageSize=ten",
            "PageToken=PAUGnothing",
            "Other=1",
        ] {
            let answer = server
                .send(Method::GET, &format!("{}?{query}", server.builds()), None)
                .await;
            assert_eq!(
                (answer.status, answer.twilio_error().code),
                (StatusCode::BAD_REQUEST, 20422),
                "{query}"
            );
        }
        // A value of the wrong type and a broken rule, named together.
        let both = server
            .send(
                Method::GET,
                &format!("{}?PageSize=ten&Page=-1", server.builds()),
                None,
            )
            .await;
        assert_eq!(
            both.twilio_error().message,
            "Invalid parameter: PageSize: must be an integer; Page: must be at least 0"
        );

        let unknown = format!("{}/UG00000000000000000000000000000000", server.builds());
        for method in [Method::GET, Method::POST, Method::DELETE] {
            let answer = server.send(method.clone(), &unknown, Some("UniqueName=x")).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "{method}");
            let error = answer.twilio_error();
            assert_eq!(error.code, 20404);
            assert_eq!(error.message, format!("The requested resource /v1/Assistants/{ASSISTANT}/ModelBuilds/UG00000000000000000000000000000000 was not found"));
        }
        let nowhere = server
            .send(Method::GET, &format!("{}/v2/Assistants", server.base), None)
            .await;
        assert_eq!(nowhere.twilio_error().code, 20404);
        let too_long = server
            .send(Method::GET, &format!("{}/{long}", server.builds()), None)
            .await;
        assert_eq!(too_long.twilio_error().code, 20404);
    })
}

#[test]
fn pages_link_forward_and_back() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        let mut sids = Vec::new();
        for n in 0..5 {
            let created = server
                .send(Method::POST, &server.builds(), Some(&format!("UniqueName=b{n}")))
                .await;
            sids.push(build(&created).sid.unwrap());
        }
        let sids_of = |page: &ModelBuildPage| {
            page.model_builds
                .iter()
                .map(|b| b.sid.clone().unwrap())
                .collect::<Vec<_>>()
        };
        let get_page = |url: String| {
            let server = &server;
            async move {
                let answer = server.send(Method::GET, &url, None).await;
                assert_eq!(answer.status, StatusCode::OK, "{url}: {}", answer.body);
                Valid::<ModelBuildPage>::new(answer.json()).unwrap().into_inner()
            }
        };
        let first = get_page(format!("{}?PageSize=2", server.builds())).await;
        assert_eq!(sids_of(&first), sids[0..2]);
        assert_eq!(first.meta.key.as_deref(), Some("model_builds"));
        assert_eq!((first.meta.page, first.meta.page_size), (Some(0), Some(2)));
        assert_eq!(first.meta.previous_page_url, None);
        assert_eq!(
            first.meta.first_page_url.as_deref(),
            Some(format!("{}?PageSize=2&Page=0", server.builds()).as_str())
        );
        assert_eq!(first.meta.url, first.meta.first_page_url);
        let next = first.meta.next_page_url.clone().unwrap();
        assert!(
            next.starts_with(&format!("{}?PageSize=2&Page=1&PageToken=PA", server.builds())),
            "{next}"
        );

        let second = get_page(next.clone()).await;
        assert_eq!(sids_of(&second), sids[2..4]);
        assert_eq!(second.meta.url.as_deref(), Some(next.as_str()));
        let third = get_page(second.meta.next_page_url.clone().unwrap()).await;
        assert_eq!(sids_of(&third), sids[4..5]);
        assert_eq!(
            (third.meta.page, third.meta.next_page_url.as_deref()),
            (Some(2), None)
        );

        let back = get_page(third.meta.previous_page_url.clone().unwrap()).await;
        assert_eq!(sids_of(&back), sids[2..4]);
        assert_eq!(back.meta.page, Some(1));
        let back_again = get_page(back.meta.previous_page_url.clone().unwrap()).await;
        assert_eq!(sids_of(&back_again), sids[0..2]);

        // `Page` alone counts from the first build.
        let by_index = get_page(format!("{}?PageSize=2&Page=2", server.builds())).await;
        assert_eq!(sids_of(&by_index), sids[4..5]);
        // A token keeps its place when an earlier build is deleted.
        server
            .send(Method::DELETE, &format!("{}/{}", server.builds(), sids[0]), None)
            .await;
        let still = get_page(next).await;
        assert_eq!(sids_of(&still), sids[2..4]);
    })
}

type Received = mpsc::UnboundedSender<Result<HashMap<String, String>, String>>;

/// A StatusCallback receiver: every POST is checked against the auth token, and what
/// it got (or why it refused it) is sent on.
async fn receiver(
    token: &str,
) -> (
    String,
    mpsc::UnboundedReceiver<Result<HashMap<String, String>, String>>,
) {
    async fn callback(
        axum::extract::State((webhook, sent)): axum::extract::State<(TwilioWebhook, Received)>,
        request: axum::extract::Request,
    ) -> StatusCode {
        use axum::extract::FromRequest;
        let signed = Signed::<Form<HashMap<String, String>>>::from_request(request, &webhook).await;
        let outcome =
            signed
                .map(|Signed(Form(params))| params)
                .map_err(|rejection: SignedRejection<FormRejection>| match rejection {
                    SignedRejection::Signature(error) => error.to_string(),
                    other => format!("{other:?}"),
                });
        let status = if outcome.is_ok() {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        sent.send(outcome).unwrap();
        status
    }
    let (sent, received) = mpsc::unbounded_channel();
    let webhook = TwilioWebhook::from_host(AuthToken::new(token), "http");
    let app = Router::new()
        .route("/callbacks/{tag}", post(callback))
        .route("/", post(callback))
        .with_state((webhook, sent));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, received)
}

#[test]
fn a_build_completes_on_a_timer_and_each_change_is_a_signed_callback() {
    run(async {
        let server = Server::start(Duration::from_millis(100)).await;
        let (callbacks, mut received) = receiver(TOKEN).await;
        let callback_url = format!("{callbacks}/callbacks/build?attempt=1");
        let form = format!("StatusCallback={}&UniqueName=timed", encode(&callback_url));
        let created = build(&server.send(Method::POST, &server.builds(), Some(&form)).await);
        let sid = created.sid.clone().unwrap();
        assert_eq!(created.status, Some(ModelBuildStatus::Enqueued));

        let mut statuses = Vec::new();
        for _ in 0..2 {
            let params = tokio::time::timeout(Duration::from_secs(10), received.recv())
                .await
                .expect("a callback within 10 s")
                .unwrap()
                .expect("a correctly signed callback");
            assert_eq!(params["ModelBuildSid"], sid);
            assert_eq!(params["AccountSid"], ACCOUNT);
            assert_eq!(params["AssistantSid"], ASSISTANT);
            assert_eq!(params["UniqueName"], "timed");
            statuses.push(params["Status"].clone());
        }
        assert_eq!(statuses, ["building", "completed"]);

        let done = build(
            &server
                .send(Method::GET, &format!("{}/{sid}", server.builds()), None)
                .await,
        );
        assert_eq!(done.status, Some(ModelBuildStatus::Completed));
        assert!(done.build_duration.is_some_and(|d| d >= 0));
        assert!(done.date_updated >= done.date_created);

        // The receiver does refuse what the token did not sign.
        let forged = reqwest::Client::new()
            .post(&callback_url)
            .header(
                HEADER,
                AuthToken::new("other").sign(&callback_url, [("Status", "completed")]),
            )
            .header("content-type", "application/x-www-form-urlencoded")
            .body("Status=completed")
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let refused = received.recv().await.unwrap().unwrap_err();
        assert_eq!(
            refused,
            "the X-Twilio-Signature header does not match the request"
        );
    })
}

fn encode(text: &str) -> String {
    modelbuild::form::to_string(&[("x", text)]).unwrap()["x=".len()..].to_owned()
}

#[test]
fn the_command_line_and_the_environment() {
    let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let no_env = |_: &str| None;
    let config = Config::from_args(args(&["--port", "0"]), no_env)
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            config.port,
            config.account_sid.as_str(),
            config.auth_token.as_str()
        ),
        (0, DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN)
    );
    assert!(config.demo_account);
    let env = |name: &str| match name {
        "TWILIO_ACCOUNT_SID" => Some(ACCOUNT.to_owned()),
        "TWILIO_AUTH_TOKEN" => Some(TOKEN.to_owned()),
        _ => None,
    };
    let from_env = Config::from_args(args(&[]), env).unwrap().unwrap();
    assert_eq!(
        (
            from_env.port,
            from_env.account_sid.as_str(),
            from_env.demo_account
        ),
        (4010, ACCOUNT, false)
    );
    let flags = Config::from_args(
        args(&[
            "--account-sid",
            DEMO_ACCOUNT_SID,
            "--auth-token",
            "t",
            "--step-ms",
            "5",
        ]),
        env,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (flags.account_sid.as_str(), flags.auth_token.as_str(), flags.step),
        (DEMO_ACCOUNT_SID, "t", Duration::from_millis(5))
    );
    assert_eq!(Config::from_args(args(&["--help"]), no_env), Ok(None));
    let limits = Config::from_args(
        args(&[
            "--log-level",
            "debug",
            "--max-connections",
            "8",
            "--header-timeout-ms",
            "100",
            "--request-timeout-ms",
            "200",
            "--shutdown-timeout-ms",
            "0",
        ]),
        no_env,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (
            limits.log_level,
            limits.max_connections,
            limits.header_timeout,
            limits.request_timeout,
            limits.shutdown_timeout
        ),
        (
            LogLevel::Debug,
            8,
            Duration::from_millis(100),
            Duration::from_millis(200),
            Duration::ZERO
        )
    );
    for (bad, message) in [
        (
            &["--port", "70000"][..],
            "--port \"70000\" is not a port (0 to 65535)",
        ),
        (&["--port"][..], "--port needs a value"),
        (
            &["--account-sid", "AC1", "--auth-token", "t"][..],
            "the account SID \"AC1\" is not \"AC\" followed by 32 hexadecimal digits",
        ),
        (
            &["--auth-token", "t"][..],
            "an auth token needs its account SID too (--account-sid or TWILIO_ACCOUNT_SID)",
        ),
        (
            &["--log-level", "loud"][..],
            "--log-level \"loud\" is not one of error, warn, info, debug",
        ),
        (
            &["--max-connections", "0"][..],
            "--max-connections \"0\" is not a number from 1 to 1048576",
        ),
        (
            &["--header-timeout-ms", "0"][..],
            "--header-timeout-ms \"0\" is not a number of milliseconds (at least 1)",
        ),
    ] {
        assert_eq!(Config::from_args(args(bad), no_env).unwrap_err(), message);
    }
    assert!(Config::from_args(args(&["--verbose"]), no_env)
        .unwrap_err()
        .starts_with("unknown argument \"--verbose\""));

    run(async {
        let emulator = Emulator::bind(Config {
            port: 0,
            ..Config::default()
        })
        .await
        .unwrap();
        let banner = emulator.banner();
        assert_eq!(
            banner[0],
            format!("listening on http://127.0.0.1:{}", emulator.address().port())
        );
        assert_ne!(emulator.address().port(), 0);
        // The token is not printed: the demo one is in --help.
        assert!(banner.iter().any(|line| line.contains("demo auth token")));
        assert!(
            !banner.iter().any(|line| line.contains(DEMO_AUTH_TOKEN)),
            "{banner:?}"
        );
        assert!(banner.iter().any(|line| line.contains("in memory")));
    });
}

/// A page's SIDs.
fn sids_of(page: &ModelBuildPage) -> Vec<String> {
    page.model_builds.iter().map(|b| b.sid.clone().unwrap()).collect()
}

impl Server {
    async fn create(&self, form: &str) -> ModelBuild {
        let answer = self.send(Method::POST, &self.builds(), Some(form)).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        build(&answer)
    }

    async fn page(&self, url: &str) -> ModelBuildPage {
        let answer = self.send(Method::GET, url, None).await;
        assert_eq!(answer.status, StatusCode::OK, "{url}: {}", answer.body);
        Valid::<ModelBuildPage>::new(answer.json()).unwrap().into_inner()
    }
}

#[test]
fn pages_past_the_end_are_empty_not_a_dropped_connection() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        server.create("UniqueName=only").await;
        for query in [
            "Page=1",
            "Page=9223372036854775807",
            "PageSize=1000&Page=9223372036854775807",
        ] {
            let page = server.page(&format!("{}?{query}", server.builds())).await;
            assert!(page.model_builds.is_empty(), "{query}");
            assert_eq!(page.meta.next_page_url, None, "{query}");
        }
        // A next page whose builds were all deleted since its link was given.
        let more = [server.create("").await, server.create("").await];
        let first = server.page(&format!("{}?PageSize=2", server.builds())).await;
        let next = first.meta.next_page_url.clone().unwrap();
        for gone in &more[1..] {
            let url = format!("{}/{}", server.builds(), gone.sid.as_deref().unwrap());
            assert_eq!(
                server.send(Method::DELETE, &url, None).await.status,
                StatusCode::NO_CONTENT
            );
        }
        let empty = server.page(&next).await;
        assert!(empty.model_builds.is_empty());
        assert_eq!(empty.meta.next_page_url, None);
        let back = server
            .page(empty.meta.previous_page_url.as_deref().unwrap())
            .await;
        assert_eq!(sids_of(&back), sids_of(&first));
    })
}

#[test]
fn previous_pages_never_overlap_after_a_delete() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        let mut sids = Vec::new();
        for n in 0..6 {
            sids.push(server.create(&format!("UniqueName=b{n}")).await.sid.unwrap());
        }
        let first = server.page(&format!("{}?PageSize=2", server.builds())).await;
        let second = server.page(first.meta.next_page_url.as_deref().unwrap()).await;
        assert_eq!(sids_of(&second), sids[2..4]);
        let url = format!("{}/b0", server.builds());
        assert_eq!(
            server.send(Method::DELETE, &url, None).await.status,
            StatusCode::NO_CONTENT
        );
        // Only b1 is left before [b2, b3].
        let previous = server
            .page(second.meta.previous_page_url.as_deref().unwrap())
            .await;
        assert_eq!(sids_of(&previous), sids[1..2]);
        assert_eq!(previous.meta.previous_page_url, None);
        let again = server.page(previous.meta.next_page_url.as_deref().unwrap()).await;
        assert_eq!(sids_of(&again), sids[2..4]);
    })
}

#[test]
fn a_unique_name_never_shadows_another_builds_sid() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        let x = server.create("UniqueName=x").await.sid.unwrap();
        let a = server.create("").await.sid.unwrap();
        let x_url = format!("{}/{x}", server.builds());
        let a_url = format!("{}/{a}", server.builds());
        let rename = server
            .send(Method::POST, &x_url, Some(&format!("UniqueName={a}")))
            .await;
        let error = rename.twilio_error();
        assert_eq!((rename.status, error.code), (StatusCode::BAD_REQUEST, 20422));
        assert!(
            error.message.contains("looks like a model build SID"),
            "{}",
            error.message
        );
        let taken = server
            .send(Method::POST, &server.builds(), Some(&format!("UniqueName={a}")))
            .await;
        assert_eq!(taken.twilio_error().code, 20422);
        // A's SID still names A, and deleting it deletes A alone.
        let fetched = build(&server.send(Method::GET, &a_url, None).await);
        assert_eq!(fetched.sid.as_deref(), Some(a.as_str()));
        assert_eq!(
            server.send(Method::DELETE, &a_url, None).await.status,
            StatusCode::NO_CONTENT
        );
        let x_again = server
            .send(Method::GET, &format!("{}/x", server.builds()), None)
            .await;
        assert_eq!(build(&x_again).sid, Some(x));

        // An empty name is refused, not taken.
        for url in [server.builds(), x_url] {
            let empty = server.send(Method::POST, &url, Some("UniqueName=")).await;
            let error = empty.twilio_error();
            assert_eq!(error.code, 20422, "{url}");
            assert_eq!(error.message, "Invalid parameter: UniqueName: must not be empty");
        }
        let page = server.page(&server.builds()).await;
        assert_eq!(page.model_builds.len(), 1);
    })
}

/// What came back on a raw connection: the status, the head and the body, or what
/// went wrong reading it.
#[derive(Debug)]
struct Raw {
    status: u16,
    head: String,
    body: String,
}

/// Writes `request` on a connection of its own and reads until the server closes it
/// or `wait` passes; `Err` says which of the two happened first, or why it failed.
async fn raw(base: &str, request: Vec<u8>, wait: Duration) -> Result<Raw, String> {
    let address = base.trim_start_matches("http://").to_owned();
    tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(address).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(wait)).unwrap();
        // A server may answer and close before it reads it all; what it answered counts.
        let _ = stream.write_all(&request);
        let mut answer = Vec::new();
        stream
            .read_to_end(&mut answer)
            .map_err(|e| format!("{e} after {} bytes", answer.len()))?;
        let text = String::from_utf8_lossy(&answer).into_owned();
        let (head, body) = text
            .split_once("\r\n\r\n")
            .ok_or(format!("no head in {text:?}"))?;
        let status = head
            .get(9..12)
            .and_then(|s| s.parse().ok())
            .ok_or(format!("{head:?}"))?;
        Ok(Raw {
            status,
            head: head.to_ascii_lowercase(),
            body: body.to_owned(),
        })
    })
    .await
    .unwrap()
}

fn basic_auth() -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT}:{TOKEN}"));
    format!("Basic {encoded}")
}

#[test]
fn every_error_is_a_twilio_body_with_its_status() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        let one = format!("{}/UG00000000000000000000000000000000", server.builds());
        for (method, url, allowed) in [
            (Method::PUT, server.builds(), "GET,HEAD,POST"),
            (Method::DELETE, server.builds(), "GET,HEAD,POST"),
            (Method::PATCH, one.clone(), "GET,HEAD,POST,DELETE"),
        ] {
            let answer = server.send(method.clone(), &url, None).await;
            assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {url}");
            let error = answer.twilio_error();
            assert_eq!(error.code, 20004);
            assert!(
                error
                    .message
                    .starts_with(&format!("Method not allowed: {method}")),
                "{}",
                error.message
            );
            assert_eq!(answer.headers["allow"], allowed);
        }

        let json = server
            .client
            .post(server.builds())
            .basic_auth(ACCOUNT, Some(TOKEN))
            .header("content-type", "application/json")
            .body(r#"{"UniqueName":"x"}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let error: TwilioError = serde_json::from_str(&json.text().await.unwrap()).unwrap();
        assert_eq!((error.code, error.status), (20415, 415));
        assert!(
            error.message.contains("application/x-www-form-urlencoded"),
            "{}",
            error.message
        );

        for (path, why) in [
            (
                "/v1/Assistants/%FF/ModelBuilds",
                "is not UTF-8 once percent-decoded",
            ),
            ("/v1/Assistants/%zz/ModelBuilds", "bad percent-escape at byte 15"),
        ] {
            let answer = server
                .send(Method::GET, &format!("{}{path}", server.base), None)
                .await;
            let error = answer.twilio_error();
            assert_eq!(
                (answer.status, error.code),
                (StatusCode::BAD_REQUEST, 20422),
                "{path}"
            );
            assert!(error.message.contains(why), "{path}: {}", error.message);
        }

        // A megabyte-long unknown key is named, not echoed whole.
        let key = "k".repeat(1_000_000);
        let unknown = server
            .send(Method::POST, &server.builds(), Some(&format!("{key}=1")))
            .await;
        let error = unknown.twilio_error();
        assert_eq!(error.code, 20422);
        assert!(error.message.len() < 300, "{} bytes", error.message.len());
        assert!(error.message.starts_with(&format!(
            "Invalid parameter: {}…: is not a field here",
            &key[..64]
        )));

        let wait = Duration::from_secs(10);
        let auth = basic_auth();
        let host = server.base.trim_start_matches("http://");
        let too_large = format!(
            "POST /v1/Assistants/{ASSISTANT}/ModelBuilds HTTP/1.1\r\nhost: {host}\r\nauthorization: {auth}\r\n\
             content-type: application/x-www-form-urlencoded\r\ncontent-length: 2000000\r\n\r\nUniqueName=x"
        );
        let malformed = "NOT AN HTTP REQUEST\r\n\r\n".to_owned();
        let huge_head = format!(
            "GET /v1/Assistants/{ASSISTANT}/ModelBuilds HTTP/1.1\r\nhost: {host}\r\nx-big: {}\r\n\r\n",
            "b".repeat(70 * 1024)
        );
        for (request, status, code) in [
            (too_large, 413, 20413),
            (malformed, 400, 20400),
            (huge_head, 431, 20431),
        ] {
            let answer = raw(&server.base, request.into_bytes(), wait).await.unwrap();
            assert_eq!(answer.status, status, "{answer:?}");
            assert!(
                answer.head.contains("content-type: application/json"),
                "{answer:?}"
            );
            let error: TwilioError = serde_json::from_str(&answer.body).unwrap();
            assert_eq!((error.code, error.status), (code, status));
        }
    })
}

#[test]
fn status_callbacks_the_emulator_cannot_send_to_are_refused() {
    run(async {
        let server = Server::start(Duration::from_secs(3600)).await;
        for (url, why) in [
            ("http://127.0.0.1:99999/cb", "is not a port from 1 to 65535"),
            ("http://user:secret@127.0.0.1:8080/cb", "has user information"),
        ] {
            let form = format!("StatusCallback={}", encode(url));
            let answer = server.send(Method::POST, &server.builds(), Some(&form)).await;
            let error = answer.twilio_error();
            assert_eq!(
                (answer.status, error.code),
                (StatusCode::BAD_REQUEST, 20422),
                "{url}"
            );
            assert!(
                error.message.starts_with("Invalid parameter: StatusCallback: "),
                "{}",
                error.message
            );
            assert!(error.message.contains(why), "{url}: {}", error.message);
        }
        assert!(server.page(&server.builds()).await.model_builds.is_empty());
    })
}

#[test]
fn the_signed_url_is_the_one_the_receiver_rebuilds() {
    run(async {
        let server = Server::start(Duration::from_millis(50)).await;
        let (callbacks, mut received) = receiver(TOKEN).await;
        // Upper-case scheme, no path, a fragment: sent to `/?tag=x` on the same host,
        // and signed as that.
        let url = format!("{}?tag=x#fragment", callbacks.replace("http://", "HTTP://"));
        let created = server.create(&format!("StatusCallback={}", encode(&url))).await;
        for status in ["building", "completed"] {
            let params = tokio::time::timeout(Duration::from_secs(10), received.recv())
                .await
                .expect("a callback within 10 s")
                .unwrap()
                .expect("a correctly signed callback");
            assert_eq!(
                (params["Status"].as_str(), &params["ModelBuildSid"]),
                (status, created.sid.as_ref().unwrap())
            );
        }
    })
}

#[test]
fn a_receiver_that_never_answers_does_not_delay_the_build() {
    run(async {
        let server = Server::start(Duration::from_millis(100)).await;
        // Accepts every connection and never reads or answers.
        let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/callbacks", silent.local_addr().unwrap());
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, _)) = silent.accept().await {
                held.push(stream);
            }
        });
        let created = server.create(&format!("StatusCallback={}", encode(&url))).await;
        let fetch = format!("{}/{}", server.builds(), created.sid.unwrap());
        let done = tokio::time::timeout(Duration::from_secs(30), async {
            loop {
                let now = build(&server.send(Method::GET, &fetch, None).await);
                if now.status == Some(ModelBuildStatus::Completed) {
                    return now;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
        .await
        .expect("the build completes");
        // Two steps of 100 ms; a callback awaited before each step would make it 10 s.
        assert!(done.build_duration.unwrap() <= 2, "{:?}", done.build_duration);
    })
}

#[test]
fn idle_and_slow_connections_are_closed_after_the_header_timeout() {
    run(async {
        let server = Server::start_with(Config {
            header_timeout: Duration::from_millis(200),
            ..Config::default()
        })
        .await;
        let wait = Duration::from_secs(10);
        for partial in ["", "GET /v1/Assistants HTTP/1.1\r\nhost: x\r\n"] {
            let closed = raw(&server.base, partial.as_bytes().to_vec(), wait).await;
            // Closed with no answer: nothing read, then the end of the stream.
            let error = closed.unwrap_err();
            assert!(error.starts_with("no head in \"\""), "{partial:?}: {error}");
        }
    })
}

#[test]
fn a_body_sent_too_slowly_is_answered_408() {
    run(async {
        let server = Server::start_with(Config {
            request_timeout: Duration::from_millis(200),
            ..Config::default()
        })
        .await;
        let request = format!(
            "POST /v1/Assistants/{ASSISTANT}/ModelBuilds HTTP/1.1\r\nhost: x\r\nauthorization: {}\r\n\
             content-length: 20\r\n\r\nUniqueName=",
            basic_auth()
        );
        let answer = raw(&server.base, request.into_bytes(), Duration::from_secs(10))
            .await
            .unwrap();
        assert_eq!(answer.status, 408, "{answer:?}");
        assert!(answer.head.contains("connection: close"), "{answer:?}");
        let error: TwilioError = serde_json::from_str(&answer.body).unwrap();
        assert_eq!(error.code, 20408);
    })
}

#[test]
fn shutdown_finishes_requests_within_its_timeout_then_closes_the_rest() {
    run(async {
        let emulator = Emulator::bind(Config {
            port: 0,
            account_sid: ACCOUNT.into(),
            auth_token: TOKEN.into(),
            shutdown_timeout: Duration::from_millis(200),
            ..Config::default()
        })
        .await
        .unwrap();
        let base = emulator.base_url();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let serving = tokio::spawn(emulator.serve_until(Log::discard(), async move {
            let _ = stopped.await;
        }));
        // A request whose body never comes, and a connection that never sends one.
        let stuck = tokio::spawn({
            let base = base.clone();
            let head = format!(
                "POST /v1/Assistants/a/ModelBuilds HTTP/1.1\r\nhost: x\r\nauthorization: {}\r\ncontent-length: 5\r\n\r\n",
                basic_auth()
            );
            async move { raw(&base, head.into_bytes(), Duration::from_secs(20)).await }
        });
        let idle = std::net::TcpStream::connect(base.trim_start_matches("http://")).unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        stop.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(20), serving)
            .await
            .expect("serve_until returns")
            .unwrap();
        // Both were closed without an answer, and nothing listens any more.
        assert!(stuck.await.unwrap().unwrap_err().starts_with("no head"));
        idle.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        assert_eq!(std::io::Read::read(&mut &idle, &mut [0; 16]).unwrap(), 0);
        assert!(std::net::TcpStream::connect(base.trim_start_matches("http://")).is_err());
    })
}

#[test]
fn connections_past_the_limit_wait_until_one_closes() {
    run(async {
        let server = Server::start_with(Config {
            max_connections: 2,
            ..Config::default()
        })
        .await;
        let address = server.base.trim_start_matches("http://").to_owned();
        let idle: Vec<std::net::TcpStream> = (0..2)
            .map(|_| std::net::TcpStream::connect(&address).unwrap())
            .collect();
        let request = format!(
            "GET /v1/Assistants/{ASSISTANT}/ModelBuilds HTTP/1.1\r\nhost: {address}\r\nauthorization: {}\r\nconnection: close\r\n\r\n",
            basic_auth()
        );
        let third = tokio::spawn({
            let base = server.base.clone();
            let request = request.clone().into_bytes();
            async move { raw(&base, request, Duration::from_secs(20)).await }
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            !third.is_finished(),
            "a third connection was served while two were open"
        );
        drop(idle);
        let answer = third.await.unwrap().unwrap();
        assert_eq!(answer.status, 200, "{answer:?}");
    })
}
