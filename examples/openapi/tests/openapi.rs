//! The example API on loopback, driven with a real HTTP client: its document at
//! `/openapi.json` states the rules, and a request is judged the same by the document's
//! schema (the `jsonschema` crate) and by the server.

use std::future::IntoFuture;

use serde_json::{json, Value};

const FORM: &str = "application/x-www-form-urlencoded";
const CREATE: &str = "/v1/Assistants/{AssistantSid}/ModelBuilds";

/// Starts the API on an ephemeral port of 127.0.0.1 and returns its base URL.
async fn start() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(axum::serve(listener, modelbuild_example_openapi::app()).into_future());
    format!("http://{address}")
}

async fn get_json(client: &reqwest::Client, url: &str) -> (u16, Value) {
    let response = client.get(url).send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_slice(&response.bytes().await.unwrap()).unwrap(),
    )
}

/// POSTs `form` and returns the status, content type and JSON body of the answer.
async fn post_form(client: &reqwest::Client, url: &str, form: &str) -> (u16, String, Value) {
    let response = client
        .post(url)
        .header("content-type", FORM)
        .body(form.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    (
        status,
        content_type,
        serde_json::from_slice(&response.bytes().await.unwrap()).unwrap(),
    )
}

/// The schema at `pointer` in `document`, its references resolved in the document: its
/// keywords at the root of the document, whose own members JSON Schema does not read.
fn validator_at(document: &Value, pointer: &str) -> jsonschema::Validator {
    let at = document
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no schema at {pointer}"));
    let mut schema = document.clone();
    for (keyword, value) in at.as_object().unwrap() {
        schema[keyword] = value.clone();
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the document's schema compiles")
}

/// The first member of each error's JSON Pointer, sorted.
fn fields<'a>(pointers: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut fields: Vec<String> = pointers
        .map(|p| {
            p.trim_start_matches('/')
                .split('/')
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    fields.sort();
    fields.dedup();
    fields
}

#[test]
fn the_document_states_the_rules_and_judges_requests_as_the_server_does() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let base = start().await;
        let client = reqwest::Client::new();
        let (status, document) = get_json(&client, &format!("{base}/openapi.json")).await;
        assert_eq!(status, 200);

        // The rules are in the document: the request body's and the response's.
        let create = &document["components"]["schemas"]["CreateModelBuild"]["properties"];
        assert_eq!(create["UniqueName"]["maxLength"], 64);
        assert_eq!(create["StatusCallback"]["format"], "uri");
        let build = &document["components"]["schemas"]["ModelBuild"]["properties"];
        assert_eq!(build["sid"]["pattern"], "^UG[0-9a-fA-F]{32}$");
        let operation = &document["paths"][CREATE]["post"];
        let problem = &operation["responses"]["422"]["content"]["application/problem+json"]["schema"];
        assert_eq!(problem["$ref"], "#/components/schemas/Problem");

        // The request body's schema, as the document names it, judges a request.
        let body_pointer = format!(
            "/paths/{}/post/requestBody/content/{}/schema",
            escape(CREATE),
            escape(FORM)
        );
        let request_schema = validator_at(&document, &body_pointer);
        let good = json!({"StatusCallback": "https://example.com/built", "UniqueName": "nightly"});
        assert!(request_schema.is_valid(&good));
        let bad = json!({"StatusCallback": "ftp://example.com", "UniqueName": "x".repeat(65)});
        let errors: Vec<String> = request_schema
            .iter_errors(&bad)
            .map(|e| e.instance_path().as_str().to_owned())
            .collect();
        let schema_says = fields(errors.iter().map(String::as_str));
        assert_eq!(schema_says, ["StatusCallback", "UniqueName"]);

        // The server agrees: the bad request is a 422 naming the same fields...
        let url = format!("{base}/v1/Assistants/support%20bot/ModelBuilds");
        let long = "x".repeat(65);
        let (status, content_type, answer) = post_form(
            &client,
            &url,
            &format!("StatusCallback=ftp%3A%2F%2Fexample.com&UniqueName={long}"),
        )
        .await;
        assert_eq!((status, content_type.as_str()), (422, "application/problem+json"));
        let server_says = fields(
            answer["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["pointer"].as_str().unwrap()),
        );
        assert_eq!(server_says, schema_says);
        // ...whose body the document's 422 schema describes,
        let problem_pointer = format!(
            "/paths/{}/post/responses/422/content/{}/schema",
            escape(CREATE),
            escape("application/problem+json")
        );
        assert!(
            validator_at(&document, &problem_pointer).is_valid(&answer),
            "{answer}"
        );

        // ...and the good one is created, as the document's 201 schema describes it.
        let (status, _, created) = post_form(
            &client,
            &url,
            "StatusCallback=https%3A%2F%2Fexample.com%2Fbuilt&UniqueName=nightly",
        )
        .await;
        assert_eq!(status, 201, "{created}");
        let created_pointer = format!(
            "/paths/{}/post/responses/201/content/application~1json/schema",
            escape(CREATE)
        );
        let response_schema = validator_at(&document, &created_pointer);
        assert!(response_schema.is_valid(&created), "{created}");
        let sid = created["sid"].as_str().unwrap();
        let (status, fetched) = get_json(&client, &format!("{url}/{sid}")).await;
        assert_eq!((status, &fetched), (200, &created));
        let (status, _) = get_json(&client, &format!("{url}/nightly")).await;
        assert_eq!(status, 200);
        let (status, missing) = get_json(&client, &format!("{url}/weekly")).await;
        assert_eq!((status, &missing["title"]), (404, &json!("Not Found")));
    });
}

/// A JSON Pointer token: `~` and `/` escaped (RFC 6901).
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
