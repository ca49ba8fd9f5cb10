//! What serde's attributes say about the names and layout of a type on the wire, read
//! so that error paths name what a client sent (`StatusCallback`, not
//! `status_callback`). Only reading: serde reports its own attributes' mistakes, so
//! whatever cannot be read here is passed over.
//!
//! Where serde distinguishes the names it writes from the names it reads
//! (`rename(serialize = "..", deserialize = "..")`), the name read is used: errors
//! describe input.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr};

use crate::args::skip_rest;

/// A `rename_all` rule, as serde spells and applies them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Case {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl Case {
    fn parse(name: &str) -> Option<Case> {
        Some(match name {
            "lowercase" => Case::Lower,
            "UPPERCASE" => Case::Upper,
            "PascalCase" => Case::Pascal,
            "camelCase" => Case::Camel,
            "snake_case" => Case::Snake,
            "SCREAMING_SNAKE_CASE" => Case::ScreamingSnake,
            "kebab-case" => Case::Kebab,
            "SCREAMING-KEBAB-CASE" => Case::ScreamingKebab,
            _ => return None,
        })
    }

    /// A field's name (written in snake_case in Rust) in this case.
    pub fn field(self, name: &str) -> String {
        match self {
            Case::Lower | Case::Snake => name.to_owned(),
            Case::Upper | Case::ScreamingSnake => name.to_ascii_uppercase(),
            Case::Kebab => name.replace('_', "-"),
            Case::ScreamingKebab => name.to_ascii_uppercase().replace('_', "-"),
            Case::Pascal => {
                let mut out = String::with_capacity(name.len());
                let mut upper = true;
                for c in name.chars() {
                    if c == '_' {
                        upper = true;
                    } else if upper {
                        out.push(c.to_ascii_uppercase());
                        upper = false;
                    } else {
                        out.push(c);
                    }
                }
                out
            }
            // PascalCase with its first letter lowered, as serde does: `_id` is `id`.
            Case::Camel => lower_first(&Case::Pascal.field(name)),
        }
    }

    /// A variant's name (written in PascalCase in Rust) in this case.
    pub fn variant(self, name: &str) -> String {
        let snake = || {
            let mut out = String::with_capacity(name.len() + 4);
            for (i, c) in name.char_indices() {
                if i > 0 && c.is_uppercase() {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        };
        match self {
            Case::Pascal => name.to_owned(),
            Case::Lower => name.to_ascii_lowercase(),
            Case::Upper => name.to_ascii_uppercase(),
            Case::Camel => lower_first(name),
            Case::Snake => snake(),
            Case::ScreamingSnake => snake().to_ascii_uppercase(),
            Case::Kebab => snake().replace('_', "-"),
            Case::ScreamingKebab => snake().to_ascii_uppercase().replace('_', "-"),
        }
    }
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_lowercase().to_string() + chars.as_str()
    })
}

/// How an enum is laid out on the wire.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub enum Tagging {
    /// `{"Variant": content}`: serde's default.
    #[default]
    External,
    /// `{"tag": "Variant", ...fields}`.
    Internal { tag: String },
    /// `{"tag": "Variant", "content": content}`.
    Adjacent { tag: String, content: String },
    /// `content`, with no variant name.
    Untagged,
}

/// `#[serde(...)]` on the type.
#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<Case>,
    pub rename_all_fields: Option<Case>,
    pub tagging: Tagging,
    pub transparent: bool,
}

/// `#[serde(...)]` on an enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    pub rename: Option<String>,
    pub rename_all: Option<Case>,
    pub untagged: bool,
    pub skip: bool,
}

/// `#[serde(...)]` on a field.
#[derive(Default)]
pub struct FieldAttrs {
    pub rename: Option<String>,
    pub flatten: bool,
    pub skip: bool,
}

/// Calls `read` on each item of every `#[serde(...)]`; an item it does not take, or
/// cannot read, is skipped.
fn each_item(attrs: &[Attribute], mut read: impl FnMut(&str, &ParseNestedMeta) -> syn::Result<bool>) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            if !matches!(read(&key, &meta), Ok(true)) {
                skip_rest(meta.input);
            }
            Ok(())
        });
    }
}

/// `key = "name"`, or `key(deserialize = "name")` (the name read); `None` for
/// `key(serialize = "name")` alone.
fn read_name(meta: &ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(syn::Token![=]) {
        return Ok(Some(meta.value()?.parse::<LitStr>()?.value()));
    }
    let mut name = None;
    meta.parse_nested_meta(|inner| {
        let value: LitStr = inner.value()?.parse()?;
        if inner.path.is_ident("deserialize") {
            name = Some(value.value());
        }
        Ok(())
    })?;
    Ok(name)
}

fn read_case(meta: &ParseNestedMeta) -> syn::Result<Option<Case>> {
    Ok(read_name(meta)?.as_deref().and_then(Case::parse))
}

pub fn container(attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    let (mut tag, mut content, mut untagged) = (None, None, false);
    each_item(attrs, |key, meta| {
        match key {
            "rename_all" => out.rename_all = read_case(meta)?,
            "rename_all_fields" => out.rename_all_fields = read_case(meta)?,
            "tag" => tag = Some(meta.value()?.parse::<LitStr>()?.value()),
            "content" => content = Some(meta.value()?.parse::<LitStr>()?.value()),
            "untagged" => untagged = true,
            "transparent" => out.transparent = true,
            _ => return Ok(false),
        }
        Ok(true)
    });
    out.tagging = match (untagged, tag, content) {
        (true, _, _) => Tagging::Untagged,
        (false, Some(tag), Some(content)) => Tagging::Adjacent { tag, content },
        (false, Some(tag), None) => Tagging::Internal { tag },
        (false, None, _) => Tagging::External,
    };
    out
}

pub fn variant(attrs: &[Attribute]) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    each_item(attrs, |key, meta| {
        match key {
            "rename" => out.rename = read_name(meta)?,
            "rename_all" => out.rename_all = read_case(meta)?,
            "untagged" => out.untagged = true,
            "skip" | "skip_deserializing" => out.skip = true,
            _ => return Ok(false),
        }
        Ok(true)
    });
    out
}

pub fn field(attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    each_item(attrs, |key, meta| {
        match key {
            "rename" => out.rename = read_name(meta)?,
            "flatten" => out.flatten = true,
            "skip" | "skip_deserializing" => out.skip = true,
            _ => return Ok(false),
        }
        Ok(true)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::Case;

    #[test]
    fn fields_and_variants_in_every_case() {
        let cases = [
            ("lowercase", "status_callback", "modelbuild"),
            ("UPPERCASE", "STATUS_CALLBACK", "MODELBUILD"),
            ("PascalCase", "StatusCallback", "ModelBuild"),
            ("camelCase", "statusCallback", "modelBuild"),
            ("snake_case", "status_callback", "model_build"),
            ("SCREAMING_SNAKE_CASE", "STATUS_CALLBACK", "MODEL_BUILD"),
            ("kebab-case", "status-callback", "model-build"),
            ("SCREAMING-KEBAB-CASE", "STATUS-CALLBACK", "MODEL-BUILD"),
        ];
        for (name, field, variant) in cases {
            let case = Case::parse(name).unwrap();
            assert_eq!(case.field("status_callback"), field, "{name}");
            assert_eq!(case.variant("ModelBuild"), variant, "{name}");
        }
    }
}
