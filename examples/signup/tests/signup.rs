//! The signup service on loopback, on a database of its own for each test, driven with
//! a real HTTP client: a taken name, a free one, an unknown invitation, every error at
//! once, 200 signups of one name at the same moment, and bodies no client should send.

use std::future::Future;

use modelbuild_example_signup::{register, serve, Db, Queries, SignupError, FIRST_USER};
use serde_json::{json, Value};

/// The service on an ephemeral port of 127.0.0.1, its database, and a client.
struct Service {
    url: String,
    db: Db,
    client: reqwest::Client,
}

/// An answer: its status, content type and JSON body.
struct Answer {
    status: u16,
    content_type: String,
    body: Value,
}

impl Answer {
    /// Each error's pointer and code, `/username taken`, in the order given.
    fn errors(&self) -> Vec<String> {
        let errors = self.body["errors"].as_array().expect("a list of errors");
        let text = |error: &Value, key: &str| error[key].as_str().unwrap().to_owned();
        let error = |error: &Value| format!("{} {}", text(error, "pointer"), text(error, "code"));
        errors.iter().map(error).collect()
    }
}

/// Runs `test` against a service of its own, on a runtime built here (the workspace
/// has no tokio `macros`): two workers, so requests and queries really overlap.
fn with_service<F: Future<Output = ()>>(test: impl FnOnce(Service) -> F) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let db = Db::open().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(serve(listener, db.clone()));
        let client = reqwest::Client::new();
        test(Service {
            url: format!("http://{address}/signups"),
            db,
            client,
        })
        .await;
    });
}

impl Service {
    /// A POST of `body` as JSON, to send.
    fn request(&self, body: String) -> reqwest::RequestBuilder {
        self.client
            .post(&self.url)
            .header("content-type", "application/json")
            .body(body)
    }

    /// POSTs `body` as JSON.
    async fn post(&self, body: String) -> Answer {
        answer(self.request(body).send().await.unwrap()).await
    }

    async fn post_raw(&self, content_type: &str, body: Vec<u8>) -> Answer {
        let request = self
            .client
            .post(&self.url)
            .header("content-type", content_type)
            .body(body);
        answer(request.send().await.unwrap()).await
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let content_type = match response.headers().get("content-type") {
        Some(value) => value.to_str().unwrap().to_owned(),
        None => String::new(),
    };
    let bytes = response.bytes().await.unwrap();
    // axum's own rejections (400, 413, 415) are plain text.
    let body = serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(format!("{bytes:?}")));
    Answer {
        status,
        content_type,
        body,
    }
}

/// A signup as JSON text, its members in the order of `Signup`'s fields. (The
/// extractor lists errors in the order of the document, which is then field order;
/// `json!` would sort the members.)
fn signup(username: &str, email: &str, invite_code: &str) -> String {
    let [username, email, invite_code] = [username, email, invite_code].map(Value::from);
    format!(r#"{{"username": {username}, "email": {email}, "invite_code": {invite_code}}}"#)
}

const PROBLEM: &str = "application/problem+json";

#[test]
fn a_free_name_is_created_and_then_it_is_taken() {
    with_service(|service| async move {
        let created = service
            .post(signup("grace", "grace@example.com", "WELCOME"))
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(created.content_type, "application/json");
        let user = json!({"username": "grace", "email": "grace@example.com", "invite_code": "WELCOME"});
        assert_eq!(created.body, user);

        for name in ["grace", FIRST_USER] {
            let taken = service
                .post(signup(name, "other@example.com", "FRIENDS-2026"))
                .await;
            assert_eq!((taken.status, taken.content_type.as_str()), (422, PROBLEM));
            assert_eq!(taken.errors(), ["/username taken"]);
            assert_eq!(taken.body["errors"][0]["message"], "is already taken");
        }
    });
}

#[test]
fn an_unknown_invitation_is_refused_at_its_field() {
    with_service(|service| async move {
        let refused = service.post(signup("grace", "grace@example.com", "HELLO")).await;
        assert_eq!((refused.status, refused.content_type.as_str()), (422, PROBLEM));
        assert_eq!(refused.errors(), ["/invite_code unknown_invitation"]);
        // Nothing was inserted: the name is still free.
        let created = service
            .post(signup("grace", "grace@example.com", "EARLY-BIRD"))
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
    });
}

#[test]
fn every_error_comes_at_once_in_field_order_and_a_broken_name_is_not_looked_up() {
    with_service(|service| async move {
        let refused = service.post(signup("al", "not an address", "HELLO")).await;
        assert_eq!((refused.status, refused.content_type.as_str()), (422, PROBLEM));
        let expected = [
            "/username length",
            "/email email",
            "/invite_code unknown_invitation",
        ];
        assert_eq!(refused.errors(), expected);
        // The name broke its length, so it was never looked up; the code passed its
        // own sync rules, so it was.
        let asked = Queries {
            username_lookups: 0,
            invitation_lookups: 1,
            inserts: 0,
        };
        assert_eq!(service.db.queries(), asked);

        // A taken name beside a broken address: the lookup's error and the sync rule's,
        // in field order.
        let refused = service.post(signup(FIRST_USER, "ada@", "HELLO")).await;
        let expected = [
            "/username taken",
            "/email email",
            "/invite_code unknown_invitation",
        ];
        assert_eq!(refused.errors(), expected);
        assert_eq!(service.db.queries().username_lookups, asked.username_lookups + 1);
    });
}

#[test]
fn of_200_signups_of_one_name_at_once_exactly_one_is_created() {
    with_service(|service| async move {
        let mut signups = tokio::task::JoinSet::new();
        for n in 0..200 {
            let request = service.request(signup("hopper", &format!("hopper{n}@example.com"), "WELCOME"));
            signups.spawn(async move { answer(request.send().await.unwrap()).await });
        }
        let answers = signups.join_all().await;

        let created: Vec<&Answer> = answers.iter().filter(|answer| answer.status == 201).collect();
        assert_eq!(created.len(), 1, "one signup is created");
        assert_eq!(created[0].body["username"], "hopper");
        let refused: Vec<&Answer> = answers.iter().filter(|answer| answer.status != 201).collect();
        assert_eq!(refused.len(), 199);
        for answer in &refused {
            assert_eq!((answer.status, answer.content_type.as_str()), (422, PROBLEM));
            assert_eq!(answer.errors(), ["/username taken"]);
        }
        // Whichever refused it, the lookup or the primary key, the answer is the same.
        assert!(refused.iter().all(|answer| answer.body == refused[0].body));
        // Every one was looked up (their sync rules pass); how many of the 199 passed
        // the lookup and were refused by the primary key varies from run to run.
        assert_eq!(service.db.queries().username_lookups, 200);
    });
}

#[test]
fn a_name_taken_between_the_lookup_and_the_insert_is_refused_by_the_database() {
    with_service(|service| async move {
        // The race made by hand: this signup's lookup passes...
        let late: modelbuild_example_signup::Signup =
            serde_json::from_str(&signup("lovelace", "late@example.com", "WELCOME")).unwrap();
        let valid = modelbuild::Valid::new_async_with(late, &service.db)
            .await
            .unwrap();
        // ...then another signup of the name is created...
        let first = service
            .post(signup("lovelace", "first@example.com", "FRIENDS-2026"))
            .await;
        assert_eq!(first.status, 201, "{}", first.body);
        // ...and the INSERT of the first one is refused, as the lookup would refuse it.
        let Err(SignupError::Invalid(errors)) = register(&service.db, valid.into_inner()).await else {
            panic!("the primary key refuses a second user of the name");
        };
        let by_the_database = serde_json::to_value(modelbuild::axum::Problem::invalid(errors)).unwrap();
        let by_the_lookup = service
            .post(signup("lovelace", "third@example.com", "WELCOME"))
            .await;
        assert_eq!(by_the_lookup.status, 422);
        assert_eq!(by_the_database, by_the_lookup.body);
    });
}

#[test]
fn bodies_no_client_should_send_are_answered_4xx_and_the_service_goes_on() {
    with_service(|service| async move {
        const JSON: &str = "application/json";
        let unknown_field = r#"{"username": "grace", "email": "g@example.com", "admin": true}"#;
        // A NUL in the name, sent as `\u0000`: the name's own rule refuses it.
        let nul = signup("gr\0ce", "g@example.com", "WELCOME");
        // Nested past serde_json's depth limit: modelbuild cannot read it and hands it
        // to axum's `Json`, whose answer (422, as text) it is.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let bodies: [(&[u8], u16); 11] = [
            (b"not json", 400),
            (br#"{"username": "grace""#, 400),
            (br#"{"username": "\ud800"}"#, 400),
            (&[0xff, 0xfe, b'{', b'}'], 400),
            (b"null", 422),
            (b"[]", 422),
            (b"{}", 422),
            (br#"{"username": 7, "email": [], "invite_code": {}}"#, 422),
            (unknown_field.as_bytes(), 422),
            (nul.as_bytes(), 422),
            (deep.as_bytes(), 422),
        ];
        for (body, status) in bodies {
            let shown = String::from_utf8_lossy(&body[..body.len().min(60)]).into_owned();
            let answer = service.post_raw(JSON, body.to_vec()).await;
            assert_eq!(answer.status, status, "{shown}: {}", answer.body);
        }
        let plain_text = service.post_raw("text/plain", b"{}".to_vec()).await;
        assert_eq!(plain_text.status, 415);

        // Past axum's 2 MB limit on a body. A client of its own: the server closes the
        // connection after its 413, and the next request must not find it in the pool.
        let huge = signup(&"a".repeat(3 << 20), "g@example.com", "WELCOME");
        let request = reqwest::Client::new()
            .post(&service.url)
            .header("content-type", JSON);
        let too_large = answer(request.body(huge).send().await.unwrap()).await;
        assert_eq!(too_large.status, 413);

        let created = service
            .post(signup("grace", "grace@example.com", "WELCOME"))
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(
            service.db.queries().inserts,
            1,
            "only the valid signup reached the INSERT"
        );
    });
}
