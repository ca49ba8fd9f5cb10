//! The source of the measured crates: the same ModelBuild-shaped structs written for
//! each derive, with each crate's nearest rules (as in the `compare` bench).

/// One measured crate: its package name, its dependencies and its source.
pub struct Subject {
    /// The name in the printed table.
    pub label: &'static str,
    /// The package name, `cc-<something>`.
    pub package: &'static str,
    /// The `[dependencies]` lines.
    pub dependencies: String,
    /// `src/lib.rs`.
    pub source: String,
}

/// Every subject, the baseline (no derive) first; `core` is the path of modelbuild's
/// package and `structs` the number of outer structs (each with a nested one).
pub fn subjects(core: &str, structs: usize) -> Vec<Subject> {
    vec![
        Subject {
            label: "no derive",
            package: "cc-none",
            dependencies: String::new(),
            source: repeat(structs, "", none),
        },
        Subject {
            label: "modelbuild",
            package: "cc-modelbuild",
            dependencies: format!("modelbuild = {{ path = {core:?}, default-features = false }}\n"),
            source: repeat(structs, "", modelbuild),
        },
        Subject {
            label: "validator 0.21",
            package: "cc-validator",
            dependencies: "validator = { version = \"0.21\", features = [\"derive\"] }\n\
                           regex = \"1\"\n"
                .to_string(),
            source: repeat(structs, PRELUDE_VALIDATOR, validator),
        },
        Subject {
            label: "garde 0.23",
            package: "cc-garde",
            dependencies: "garde = { version = \"0.23\", features = [\"derive\", \"regex\", \"url\"] }\n"
                .to_string(),
            source: repeat(structs, "", garde),
        },
    ]
}

fn repeat(structs: usize, prelude: &str, one: fn(usize) -> String) -> String {
    let mut source = String::from("#![allow(dead_code)]\n");
    source.push_str(prelude);
    for i in 0..structs {
        source.push_str(&one(i));
    }
    source
}

// validator takes a regex by path, so the three SID patterns are written once; its
// `nested` calls `validate()` by method, so the trait must be in scope.
const PRELUDE_VALIDATOR: &str = "
use validator::Validate;
static AC: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(\"^AC[0-9a-fA-F]{32}$\").unwrap());
static UA: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(\"^UA[0-9a-fA-F]{32}$\").unwrap());
static UG: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(\"^UG[0-9a-fA-F]{32}$\").unwrap());
";

/// The fields every version has, each with the attribute `rule` gives for its role
/// (empty for a field no rule reads); `derive` is the derive line.
fn shaped(i: usize, derive: &str, rule: impl Fn(Role) -> String) -> String {
    use Role::*;
    let field = |role: Role, name: &str, ty: &str| format!("    {}pub {name}: {ty},\n", rule(role));
    let mut out = format!("{derive}\npub struct Build{i} {{\n");
    out += &field(Sid("AC"), "account_sid", "Option<String>");
    out += &field(Sid("UA"), "assistant_sid", "Option<String>");
    out += &field(Sid("UG"), "sid", "Option<String>");
    out += &field(Plain, "status", "Option<String>");
    out += &field(Length, "unique_name", "Option<String>");
    out += &field(Url, "url", "Option<String>");
    out += &field(Range, "build_duration", "Option<i64>");
    out += &field(Range, "error_code", "Option<i64>");
    out += &field(Plain, "date_created", "Option<String>");
    out += &field(Nested, "links", &format!("Links{i}"));
    out += &format!("}}\n\n{derive}\npub struct Links{i} {{\n");
    out += &field(Url, "model_build", "Option<String>");
    out += "}\n\n";
    out
}

/// What a field is for: each crate writes its own rule for it.
#[derive(Clone, Copy)]
enum Role {
    Sid(&'static str),
    Length,
    Url,
    Range,
    Nested,
    Plain,
}

fn none(i: usize) -> String {
    shaped(i, "", |_| String::new())
}

fn modelbuild(i: usize) -> String {
    shaped(i, "#[derive(modelbuild::Validate)]", |role| match role {
        Role::Sid(prefix) => format!("#[validate(sid(prefix = \"{prefix}\"))] "),
        Role::Length => "#[validate(length(max = 64))] ".into(),
        Role::Url => "#[validate(uri)] ".into(),
        Role::Range => "#[validate(range(min = 0))] ".into(),
        Role::Nested => "#[validate(nested)] ".into(),
        Role::Plain => String::new(),
    })
}

fn validator(i: usize) -> String {
    shaped(i, "#[derive(Validate)]", |role| match role {
        Role::Sid(prefix) => format!("#[validate(regex(path = *{prefix}))] "),
        Role::Length => "#[validate(length(max = 64))] ".into(),
        Role::Url => "#[validate(url)] ".into(),
        Role::Range => "#[validate(range(min = 0))] ".into(),
        Role::Nested => "#[validate(nested)] ".into(),
        Role::Plain => String::new(),
    })
}

fn garde(i: usize) -> String {
    shaped(i, "#[derive(garde::Validate)]", |role| match role {
        Role::Sid(prefix) => format!("#[garde(pattern(r\"^{prefix}[0-9a-fA-F]{{32}}$\"))] "),
        Role::Length => "#[garde(length(chars, max = 64))] ".into(),
        Role::Url => "#[garde(url)] ".into(),
        Role::Range => "#[garde(range(min = 0))] ".into(),
        Role::Nested => "#[garde(dive)] ".into(),
        // garde wants every field marked.
        Role::Plain => "#[garde(skip)] ".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subject_has_the_same_structs() {
        for subject in subjects("/core", 3) {
            assert_eq!(
                subject.source.matches("pub struct Build").count(),
                3,
                "{}",
                subject.label
            );
            assert_eq!(
                subject.source.matches("pub struct Links").count(),
                3,
                "{}",
                subject.label
            );
            assert_eq!(
                subject.source.matches("pub ").count() - 6,
                3 * 11,
                "{}",
                subject.label
            );
        }
    }

    #[test]
    fn each_derive_has_seven_rules_and_a_nested_struct_with_one() {
        let source = modelbuild(0);
        assert_eq!(source.matches("#[derive(").count(), 2);
        assert_eq!(source.matches("#[validate(").count(), 9);
        assert_eq!(source.matches("#[validate(nested)]").count(), 1);
    }
}
