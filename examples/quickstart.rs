//! The quickstart, on the files in `examples/data/`: first `#[derive(Validate)]` on a
//! payload of its own, then the Twilio ModelBuild types: a create request, the API
//! documentation's example response, a real response, a list page, and a bad request
//! answered the way Twilio answers it.
//!
//! Run it with `cargo run --example quickstart`.

use std::io::{self, Write};

use modelbuild::model_build::{paths, TwilioError};
use modelbuild::{CreateModelBuild, ModelBuild, ModelBuildPage, Params, Valid, Validate, ValidationErrors};
use serde::Deserialize;

const SUBSCRIPTION: &str = include_str!("data/subscription_invalid.json");
const CREATE_REQUEST: &str = include_str!("data/create_model_build.json");
const DOC_EXAMPLE: &str = include_str!("data/model_build_doc_example.json");
const RESPONSE: &str = include_str!("data/model_build.json");
const PAGE: &str = include_str!("data/model_build_page.json");
const BAD_FORM: &str = include_str!("data/create_model_build_invalid.form");

/// A webhook subscription, as an app of yours might accept it: six rules, one of them
/// `nested`, which checks `Contact`'s own rules and prefixes their paths. Paths name
/// the fields as the client sent them, in camelCase.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Subscription {
    #[validate(sid(prefix = "AC"))]
    account_sid: String,
    #[validate(uri(schemes = ["https"]))]
    callback_url: String,
    #[validate(length(min = 1, max = 4))]
    events: Vec<String>,
    #[validate(range(min = 1, max = 10))]
    max_retries: u8,
    #[validate(nested)]
    contact: Contact,
}

#[derive(Deserialize, Validate)]
struct Contact {
    #[validate(required)]
    name: Option<String>,
}

/// The assistant, named by its unique name: the API's paths take one instead of a SID.
const ASSISTANT: &str = "support bot";

/// Messages in French for the rules the payload uses; any other keeps its English one.
fn french(code: &str, params: &Params) -> Option<String> {
    let template = match code {
        "sid" => "doit être un SID : {prefix} suivi de 32 chiffres hexadécimaux",
        "uri" => "doit être une URI de schéma {schemes}",
        "length" => "doit avoir entre {min} et {max} éléments",
        "range" => "doit être entre {min} et {max}",
        "required" => "est obligatoire",
        _ => return None,
    };
    Some(params.render(template))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run(&mut io::stdout().lock())
}

pub(crate) fn run(out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    writeln!(
        out,
        "1. #[derive(Validate)] on a payload (data/subscription_invalid.json)"
    )?;
    let subscription: Subscription = serde_json::from_str(SUBSCRIPTION)?;
    let result = subscription.validate();
    writeln!(out, "   every broken rule, as `path: message` lines:")?;
    list(out, &result)?;
    writeln!(
        out,
        "   and as JSON, each with a JSON Pointer into the payload and its parameters:"
    )?;
    for error in result.as_ref().err().into_iter().flatten() {
        writeln!(out, "   {}", serde_json::to_string(error)?)?;
    }
    writeln!(
        out,
        "   or in your users' language, made from each error's code and parameters:"
    )?;
    if let Err(mut errors) = result {
        errors.translate(&french);
        list(out, &Err(errors))?;
    }

    writeln!(
        out,
        "\n2. Twilio's Autopilot ModelBuild resource, typed and validated"
    )?;
    writeln!(
        out,
        "   A SID is the ID Twilio gives a resource: two letters naming its kind"
    )?;
    writeln!(
        out,
        "   (AC account, UA assistant, UG model build), then 32 hex digits."
    )?;

    writeln!(
        out,
        "\n   a. A create request (data/create_model_build.json) is valid; send it as"
    )?;
    let request: CreateModelBuild = serde_json::from_str(CREATE_REQUEST)?;
    request.validate()?;
    let endpoint = paths::create(ASSISTANT)?;
    writeln!(out, "      {} {}", endpoint.method, endpoint.url())?;
    writeln!(out, "      Content-Type: application/x-www-form-urlencoded")?;
    writeln!(out, "      {}", request.to_form())?;

    writeln!(
        out,
        "\n   b. The API docs' example response (data/model_build_doc_example.json)"
    )?;
    writeln!(
        out,
        "      has the placeholder \"string\" where its SIDs belong; all three are caught:"
    )?;
    let example: ModelBuild = serde_json::from_str(DOC_EXAMPLE)?;
    list(out, &example.validate())?;

    writeln!(out, "\n   c. A real response (data/model_build.json)")?;
    let build: Valid<ModelBuild> = serde_json::from_str(RESPONSE)?;
    let sid = build.sid.as_deref().unwrap_or("?");
    let status = build.status.as_ref().map_or("?", |s| s.as_str());
    let seconds = build.build_duration.unwrap_or(0);
    writeln!(out, "      valid: {sid} is {status} after {seconds}s")?;
    let written = serde_json::to_value(&*build)?;
    writeln!(
        out,
        "      dates written back in UTC: {} and {}",
        written["date_created"], written["date_updated"]
    )?;
    writeln!(
        out,
        "      fetch it again: {}",
        paths::fetch(ASSISTANT, sid)?.url()
    )?;

    writeln!(out, "\n   d. A list page (data/model_build_page.json)")?;
    let page: ModelBuildPage = serde_json::from_str(PAGE)?;
    let result = page.validate();
    let broken = result.as_ref().err().map_or(0, ValidationErrors::len);
    writeln!(
        out,
        "      {} builds, {broken} broken rules:",
        page.model_builds.len()
    )?;
    list(out, &result)?;

    writeln!(
        out,
        "\n   e. Serving the API: a bad create body (data/create_model_build_invalid.form)"
    )?;
    let request = CreateModelBuild::from_form(BAD_FORM.trim_end().as_bytes())?;
    let Err(errors) = request.validate() else {
        return Err("the bad create body passed validation".into());
    };
    let body = TwilioError::from(&errors);
    writeln!(
        out,
        "      gets HTTP {} and Twilio's error body; 20422 is Twilio's",
        body.status
    )?;
    writeln!(out, "      code for an invalid parameter:")?;
    writeln!(
        out,
        "      {}",
        serde_json::to_string_pretty(&body)?.replace('\n', "\n      ")
    )?;
    Ok(())
}

/// `valid`, or each broken rule as a `path: message` line.
fn list(out: &mut impl Write, result: &Result<(), ValidationErrors>) -> io::Result<()> {
    match result {
        Ok(()) => writeln!(out, "      valid"),
        Err(errors) => errors.iter().try_for_each(|error| writeln!(out, "      {error}")),
    }
}
