//! Types written every way a field's type can be spelled: the derive reads a type as
//! its tokens, so each must end where the field ends and be looked through for its
//! kind as far as its spelling tells.
#![allow(unused_parens)]
use std::sync::Arc;

use modelbuild::Validate;

#[derive(Validate)]
struct Spellings<'a, F: Fn(u8) -> u8> {
    // A `->` inside `<...>` closes nothing; the field ends at the comma after the `>`.
    callback: Box<dyn Fn(u8) -> Option<u8>>,
    #[validate(length(max = 3))]
    after_arrow: String,
    generic: F,
    #[validate(sid(prefix = "UG"))]
    parenthesized: (String),
    #[validate(sid(prefix = "UG"))]
    through_wrappers: Option<Arc<&'a str>>,
    #[validate(length(min = 1))]
    array: [u8; 4],
    #[validate(range(max = 9))]
    r#type: ::core::primitive::u8,
    pair: (u8, std::collections::HashMap<String, Vec<u8>>),
}

#[derive(Validate)]
struct Tuple<A, B>(#[validate(nested)] A, B)
where
    B: Clone;

#[derive(Validate)]
struct Bounded<T>
where
    T: Validate,
{
    #[validate(nested)]
    inner: T,
}

#[derive(Validate)]
enum Flags {
    A = 1 << 2,
    B = 8 >> 1 >> 1,
}

macro_rules! with_type {
    ($ty:ty) => {
        #[derive(Validate)]
        struct FromMacro {
            #[validate(length(max = 2))]
            name: $ty,
        }
    };
}
with_type!(Option<String>);

fn main() {
    let ok = Spellings {
        callback: Box::new(|n| Some(n)),
        after_arrow: "abc".into(),
        generic: |n: u8| n,
        parenthesized: format!("UG{}", "0".repeat(32)),
        through_wrappers: None,
        array: [0; 4],
        r#type: 9,
        pair: (0, Default::default()),
    };
    assert!(ok.validate().is_ok());
    let errors = Spellings { r#type: 10, through_wrappers: Some(Arc::new("UG")), ..ok }
        .validate()
        .unwrap_err();
    let paths: Vec<String> = errors.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["through_wrappers", "type"]);
    let tuple = Tuple(Bounded { inner: FromMacro { name: Some("abc".into()) } }, 0u8);
    assert_eq!(tuple.validate().unwrap_err().iter().next().unwrap().path().to_string(), "[0].inner.name");
    assert!(Flags::A.validate().is_ok() && Flags::B.validate().is_ok());
}
