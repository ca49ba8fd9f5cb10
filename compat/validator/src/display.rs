//! `Display`, as validator writes it: one line per top-level entry, each field's errors
//! after its dotted path (`a.b[1].c: ...`), joined by `, `. A map's order is a
//! `HashMap`'s, as in validator.

use std::fmt::{self, Display, Formatter};

use crate::{ValidationError, ValidationErrors, ValidationErrorsKind};

impl Display for ValidationError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(message) => f.write_str(message),
            None => write!(f, "Validation error: {} [{:?}]", self.code, self.params),
        }
    }
}

impl Display for ValidationErrors {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (n, (name, kind)) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str("\n")?;
            }
            write_kind(f, kind, name)?;
        }
        Ok(())
    }
}

/// The errors of one entry found at `path`. A nested struct's entries follow one after
/// another on the same line, as validator writes them.
fn write_kind(f: &mut Formatter<'_>, kind: &ValidationErrorsKind, path: &str) -> fmt::Result {
    match kind {
        ValidationErrorsKind::Field(errors) => {
            write!(f, "{path}: ")?;
            for (n, error) in errors.iter().enumerate() {
                if n > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{error}")?;
            }
            Ok(())
        }
        ValidationErrorsKind::Struct(errors) => write_struct(f, errors, path),
        ValidationErrorsKind::List(items) => {
            for (index, errors) in items {
                write_struct(f, errors, &format!("{path}[{index}]"))?;
            }
            Ok(())
        }
    }
}

fn write_struct(f: &mut Formatter<'_>, errors: &ValidationErrors, path: &str) -> fmt::Result {
    for (name, kind) in &errors.0 {
        write_kind(f, kind, &format!("{path}.{name}"))?;
    }
    Ok(())
}
