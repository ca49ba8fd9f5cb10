use modelbuild::Validate;

// The typo is the only error: the type still implements Validate, so its use in
// `main` and in `Outer` adds no noise.
#[derive(Validate)]
struct Inner {
    #[validate(sid(prefix = "UG", mesage = "bad"))]
    sid: String,
}

#[derive(Validate)]
struct Outer {
    #[validate(nested)]
    inner: Inner,
}

fn main() {
    let _ = Outer { inner: Inner { sid: String::new() } }.validate();
}
