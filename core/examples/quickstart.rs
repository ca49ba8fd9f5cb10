//! The ModelBuild walk-through, on the files in `core/examples/data/`: validate and
//! encode a create request, find what is wrong with the API documentation's own
//! example response, read well-formed responses, and answer a bad request the way
//! Twilio does.
//!
//! Run it with `cargo run --example quickstart`.

use modelbuild::model_build::{paths, TwilioError};
use modelbuild::{CreateModelBuild, ModelBuild, ModelBuildPage, Valid, Validate};

const CREATE_REQUEST: &str = include_str!("data/create_model_build.json");
const DOC_EXAMPLE: &str = include_str!("data/model_build_doc_example.json");
const RESPONSE: &str = include_str!("data/model_build.json");
const PAGE: &str = include_str!("data/model_build_page.json");
const BAD_FORM: &str = include_str!("data/create_model_build_invalid.form");

/// The assistant, named by its unique name: the path accepts that instead of a SID.
const ASSISTANT: &str = "support bot";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("1. The create request (data/create_model_build.json)");
    let request: CreateModelBuild = serde_json::from_str(CREATE_REQUEST)?;
    request.validate()?;
    let endpoint = paths::create(ASSISTANT)?;
    println!("   valid; send it as");
    println!("   {} {}", endpoint.method, endpoint.url());
    println!("   Content-Type: application/x-www-form-urlencoded");
    println!("   {}", request.to_form());

    println!("\n2. The API documentation's example response (data/model_build_doc_example.json)");
    let example: ModelBuild = serde_json::from_str(DOC_EXAMPLE)?;
    match example.validate() {
        Ok(()) => println!("   valid"),
        Err(errors) => {
            println!("   parses, but breaks {} rules:", errors.len());
            for error in &errors {
                println!(
                    "   - {:<14} [{}] {}",
                    error.path().to_string(),
                    error.code(),
                    error.message()
                );
            }
        }
    }

    println!("\n3. A well-formed response (data/model_build.json)");
    let build: Valid<ModelBuild> = serde_json::from_str(RESPONSE)?;
    let sid = build.sid.as_deref().unwrap_or("?");
    let status = build.status.as_ref().map_or("?", |s| s.as_str());
    println!(
        "   valid: {sid} is {status} after {}s",
        build.build_duration.unwrap_or(0)
    );
    let written = serde_json::to_value(&*build)?;
    println!(
        "   written back with dates in UTC: date_created {}, date_updated {}",
        written["date_created"], written["date_updated"]
    );
    println!("   fetch it again: {}", paths::fetch(ASSISTANT, sid)?.url());

    println!("\n4. A list page (data/model_build_page.json)");
    let page: ModelBuildPage = serde_json::from_str(PAGE)?;
    println!("   {} builds", page.model_builds.len());
    if let Err(errors) = page.validate() {
        for error in &errors {
            println!("   - {error}");
        }
    }

    println!("\n5. Serving the API: a bad create body (data/create_model_build_invalid.form)");
    let request = CreateModelBuild::from_form(BAD_FORM.trim_end().as_bytes())?;
    if let Err(errors) = request.validate() {
        let body = TwilioError::from(&errors);
        println!("   answer HTTP {} with Twilio's error body:", body.status);
        println!("   {}", serde_json::to_string(&body)?);
    }
    Ok(())
}
