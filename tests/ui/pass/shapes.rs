use std::borrow::Cow;

use modelbuild::Validate;

#[derive(Validate)]
struct Newtype(#[validate(sid(prefix = "UG"))] String);

#[derive(Validate)]
struct Borrowed<'a> {
    #[validate(length(max = 3))]
    name: Cow<'a, str>,
    #[validate(uri)]
    url: &'a str,
}

#[derive(Validate)]
enum Either<T> {
    Left(#[validate(nested)] T),
    Right {
        #[validate(range(max = 9))]
        n: u8,
    },
    Neither,
}

#[derive(Validate)]
enum Never {}

fn main() {
    assert!(Newtype("x".into()).validate().is_err());
    assert!(Borrowed { name: Cow::Borrowed("abc"), url: "a:b" }.validate().is_ok());
    assert!(Either::Left(Newtype("x".into())).validate().is_err());
    assert!(Either::<Newtype>::Right { n: 10 }.validate().is_err());
    assert!(Either::<Newtype>::Neither.validate().is_ok());
    let _ = |never: &Never| never.validate();
}
